import type { TFunction } from 'i18next';
import { knownSegments } from './rfm.ts';

const valueClasses = [
  'true_friend',
  'butterfly',
  'barnacle',
  'stranger',
  'high_revenue_low_cost',
  'high_revenue_high_cost',
  'low_revenue_low_cost',
  'low_revenue_high_cost',
];

/** An RFM segment's name: the documented ones translated, an org's own keys as they are. */
export function segmentLabel(t: TFunction, segment: string | null | undefined): string {
  if (!segment) {
    return '—';
  }
  if (segment === 'unclassified') {
    return t('value.rfm.unclassified');
  }
  return knownSegments.includes(segment) ? t(`value.rfm.segments.${segment}`) : segment;
}

/** A value class's name (loyalty × profitability, revenue × cost to serve). */
export function valueClassLabel(t: TFunction, cls: string | null | undefined): string {
  if (!cls) {
    return '—';
  }
  return valueClasses.includes(cls) ? t(`value.classes.${cls}`) : cls;
}

export const valueClassOptions = (t: TFunction) =>
  valueClasses.map((c) => ({ value: c, label: valueClassLabel(t, c) }));

/** A share 0–1 as a percentage with one decimal (— when unknown). */
export function formatShare(share: number | null | undefined, locale: string, digits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) {
    return '—';
  }
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(share);
}
