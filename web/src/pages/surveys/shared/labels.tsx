import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SurveyAudience, SurveyStatus } from '../../../api/types.ts';
import { useStakeholderGroups } from '../../parties/shared/api.ts';
import { useSegment } from '../../value/shared/api.ts';

const statusColors: Record<SurveyStatus, string> = { draft: 'default', open: 'green', closed: 'volcano' };

export function StatusTag({ status }: { status: SurveyStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColors[status]} data-testid="survey-status">
      {t(`surveys.statuses.${status}`)}
    </Tag>
  );
}

/** "Customers", "Stakeholder group: Investors", "12 parties". */
export function AudienceLabel({ audience }: { audience: SurveyAudience }) {
  const { t } = useTranslation();
  const groups = useStakeholderGroups();
  if (audience.kind === 'stakeholderGroup') {
    return <>{t('surveys.audience.groupNamed', { name: groups.nameOf(audience.stakeholderGroup) })}</>;
  }
  if (audience.kind === 'segment') {
    return <SegmentAudience id={audience.segmentId} />;
  }
  if (audience.kind === 'parties') {
    return <>{t('surveys.audience.partyCount', { n: audience.partyIds?.length ?? 0 })}</>;
  }
  return <>{t(`surveys.audience.kinds.${audience.kind}`)}</>;
}

/** "Segment: Recent buyers" (the segment's name, once loaded). */
function SegmentAudience({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  const segment = useSegment(id);
  return <>{t('surveys.audience.segmentNamed', { name: segment.data?.name ?? '…' })}</>;
}
