import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Campaign } from './types.ts';

/** Draft, scheduled, refused by the scheduler, or sent. */
export function CampaignStateTag({ campaign: c }: { campaign: Campaign }) {
  const { t } = useTranslation();
  if (c.status === 'sent') {
    return (
      <Tag color="green" data-testid="campaign-state">
        {t('care.campaignStates.sent')}
      </Tag>
    );
  }
  if (c.sendError) {
    return (
      <Tooltip title={t(`care.sendErrors.${c.sendError}`, { defaultValue: c.sendError })}>
        <Tag color="red" data-testid="campaign-state">
          {t('care.campaignStates.refused')}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Tag color={c.scheduledAt ? 'blue' : undefined} data-testid="campaign-state">
      {t(c.scheduledAt ? 'care.campaignStates.scheduled' : 'care.campaignStates.draft')}
    </Tag>
  );
}
