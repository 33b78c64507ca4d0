import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { EChartsOption } from 'echarts';
import type { ECharts } from 'echarts/core';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Tooltip } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { saveUrl } from '../export/download.ts';
import { exportFileName } from '../export/tableExport.ts';
import { PageLoading } from '../feedback/states.tsx';
import type * as EchartsSetup from './echartsSetup.ts';

type EchartsModule = typeof EchartsSetup;
let loading: Promise<EchartsModule> | null = null;
/** Loads ECharts on first use (a separate chunk). */
export function loadEcharts(): Promise<EchartsModule> {
  loading ??= import('./echartsSetup.ts').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

interface ChartProps {
  option: EChartsOption;
  /** Describes the chart for screen readers. */
  ariaLabel: string;
  height?: number;
  'data-testid'?: string;
  /** Shows a button that saves the chart as a PNG under this name (without extension). */
  pngName?: string;
}

/** An ECharts chart: loaded on demand, resized with its container, rebuilt when the language changes. */
export function Chart({ option, ariaLabel, height = 320, 'data-testid': testId, pngName }: ChartProps) {
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const language = i18n.language;
  // A new instance starts from the option of that moment; later options arrive through the effect below.
  const showOption = useEffectEvent((instance: ECharts) => instance.setOption(option));

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    loadEcharts().then(
      ({ echarts }) => {
        const element = container.current;
        if (disposed || !element) {
          return;
        }
        // Re-created per language so ECharts' own locale (built-in texts, number formats) follows it.
        const instance = echarts.init(element, undefined, { locale: language === 'zh-CN' ? 'ZH' : 'EN' });
        showOption(instance);
        chart.current = instance;
        observer = new ResizeObserver(() => instance.resize());
        observer.observe(element);
        setStatus('ready');
      },
      () => !disposed && setStatus('error'),
    );
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, [language]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    // The label describes the data in the UI language; ECharts' own aria text is generic and English-only.
    <div style={{ position: 'relative', height }} role="img" aria-label={ariaLabel} data-testid={testId}>
      {status === 'loading' && (
        <div style={{ position: 'absolute', inset: 0 }}>
          <PageLoading minHeight={height} />
        </div>
      )}
      {status === 'error' && <Alert type="error" showIcon message={t('errors.chartLoad')} />}
      <div ref={container} aria-hidden style={{ width: '100%', height }} />
      {pngName && status === 'ready' && (
        <Tooltip title={t('common.savePng')}>
          <Button
            size="small"
            type="text"
            icon={<DownloadOutlined />}
            aria-label={t('common.savePng')}
            style={{ position: 'absolute', top: 0, right: 0 }}
            data-testid={`${testId ?? 'chart'}-png`}
            onClick={() => {
              const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
              if (url) {
                saveUrl(url, exportFileName(pngName, 'png'));
              }
            }}
          />
        </Tooltip>
      )}
    </div>
  );
}
