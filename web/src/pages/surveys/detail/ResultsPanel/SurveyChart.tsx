import { useEffect, useState } from 'react';
import type { EChartsOption } from 'echarts';
import { Chart } from '../../../../components/Chart/Chart.tsx';
import { PageLoading } from '../../../../components/feedback/states.tsx';

let extras: Promise<unknown> | null = null;
const loadExtras = () => (extras ??= import('./echartsExtras.ts'));

/** The shared Chart, after the survey-only chart types are registered (both load on demand). */
export function SurveyChart(props: {
  option: EChartsOption;
  ariaLabel: string;
  height?: number;
  'data-testid'?: string;
}) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    loadExtras().then(
      () => live && setReady(true),
      () => live && setReady(true),
    );
    return () => {
      live = false;
    };
  }, []);
  return ready ? <Chart {...props} /> : <PageLoading minHeight={props.height ?? 320} />;
}
