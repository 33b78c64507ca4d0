import type { ReactNode } from 'react';
import { Alert, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/useFormat.ts';
import { EmployeeName } from './EmployeeName.tsx';
import { guardOf } from './guards.ts';
import type { AppraisalCycle, RiskBand } from './types.ts';

const cycleColors: Record<string, string> = {
  draft: 'default',
  published: 'blue',
  open: 'green',
  calibrating: 'orange',
  closed: 'purple',
};

export function CycleStatusTag({ status }: { status: AppraisalCycle['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={cycleColors[status]} data-testid="cycle-status">
      {t(`people.cycleStatus.${status}`)}
    </Tag>
  );
}

const bandColors: Record<string, string> = { top: 'green', middle: 'blue', bottom: 'red' };

export function BandTag({ band }: { band: string | null }) {
  const { t } = useTranslation();
  return band ? (
    <Tag color={bandColors[band]} data-testid="band-tag">
      {t(`people.bands.${band}`)}
    </Tag>
  ) : (
    <Tag>{t('people.bands.none')}</Tag>
  );
}

const riskColors: Record<RiskBand, string> = { high: 'red', medium: 'orange', low: 'green' };

export function RiskTag({ band }: { band: RiskBand }) {
  const { t } = useTranslation();
  return (
    <Tag color={riskColors[band]} data-testid="risk-band">
      {t(`people.riskBands.${band}`)}
    </Tag>
  );
}

/** A localized name ({ zh, en }) in the UI language. */
export function useLocalized() {
  const { i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  return (v: { zh: string; en: string } | null | undefined) => (v ? (zh ? v.zh : v.en) : '');
}

/**
 * Why the server refused a step (a people guard), in the UI language, with the employees it names;
 * other errors fall back to `fallback` (the generic error message).
 */
export function GuardAlert({
  error,
  fallback,
  context,
}: {
  error: unknown;
  fallback?: ReactNode;
  /** Where it bit, when one reason reads differently there (a separation vs closing a cycle). */
  context?: 'separation';
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const guard = guardOf(error);
  if (!guard) {
    return fallback ? <Alert type="error" showIcon role="alert" message={fallback} data-testid="people-error" /> : null;
  }
  const values = { ...guard.values };
  const contextKey = `people.guards.${guard.reason}.${context ?? 'explain'}`;
  if (typeof values.opensFrom === 'string') {
    values.opensFrom = format.dateTime(values.opensFrom);
  }
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid={`guard-${guard.reason}`}
      message={t(`people.guards.${guard.reason}.title`)}
      description={
        <>
          <div>{t(i18n.exists(contextKey) ? contextKey : `people.guards.${guard.reason}.explain`, values)}</div>
          {guard.partyIds.length > 0 && (
            <div style={{ marginTop: 4 }}>
              {t('people.guards.employeesNamed')}{' '}
              {guard.partyIds.slice(0, 20).map((id, i) => (
                <span key={id}>
                  {i > 0 && t('common.listSeparator')}
                  <EmployeeName id={id} />
                </span>
              ))}
            </div>
          )}
        </>
      }
    />
  );
}
