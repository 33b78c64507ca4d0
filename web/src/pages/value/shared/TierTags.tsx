import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/useFormat.ts';
import { usePartyValue } from './api.ts';
import { valueClassLabel } from './labels.ts';
import { SegmentTag } from './SegmentTag.tsx';

/**
 * The customer's tier at the point of contact: RFM segment, value class and CLV from the latest value snapshot.
 * Nothing while it loads, for parties without purchases, or when the reader may not see value.
 */
export function TierTags({ partyId }: { partyId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const value = usePartyValue(partyId);
  const v = value.data?.value;
  if (!v) {
    return null;
  }
  const scores = v.r !== null && v.f !== null && v.m !== null ? `R${v.r} F${v.f} M${v.m}` : null;
  return (
    <span data-testid="party-tier">
      {v.rfmSegment && (
        <Tooltip title={t('value.tier.asOf', { date: format.date(v.asOf), scores: scores ?? '—' })}>
          <span>
            <SegmentTag segment={v.rfmSegment} data-testid="party-tier-segment" />
          </span>
        </Tooltip>
      )}
      {v.valueClass && <Tag data-testid="party-tier-class">{valueClassLabel(t, v.valueClass)}</Tag>}
      {v.clv !== null && (
        <Tag color="gold" data-testid="party-tier-clv">
          {t('value.tier.clv', { value: format.money(Number(v.clv), v.currency) })}
        </Tag>
      )}
    </span>
  );
}
