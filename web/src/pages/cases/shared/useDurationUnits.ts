import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DurationUnits } from './sla.ts';

/** "3 h 5 min" in the UI language. */
export function useDurationUnits(): DurationUnits {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      d: (n) => t('service.duration.d', { n }),
      h: (n) => t('service.duration.h', { n }),
      m: (n) => t('service.duration.m', { n }),
    }),
    [t],
  );
}
