import { useState } from 'react';
import { Alert, Button, Card, Input, Popconfirm, Space, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { hasCode } from '../../../api/errors.ts';
import { Chart } from '../../../components/Chart/Chart.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { useCommercialRatio, useSendCampaign } from '../shared/api.ts';
import { pct as share, ratioGaugeOption } from '../shared/gauge.ts';
import type { Campaign } from '../shared/types.ts';

/** The override an admin gives above the cap: a reason of at least three characters (audited). */
function OverrideField({ reason, onReason }: { reason: string; onReason: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text>{t('care.ratio.overrideHint')}</Typography.Text>
      <Input.TextArea
        value={reason}
        onChange={(e) => onReason(e.target.value)}
        rows={2}
        maxLength={1000}
        placeholder={t('care.ratio.overrideReason')}
        aria-label={t('care.ratio.overrideReason')}
        data-testid="campaign-override-reason"
      />
    </Space>
  );
}

/**
 * The commercial-content gauge (the share of the last 30 days, and after this send, against the cap) and the send
 * button. Above the cap the server refuses with COMMERCIAL_RATIO_EXCEEDED; an admin may override with a reason.
 */
export function RatioCard({ campaign, dirty }: { campaign: Campaign; dirty: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { user } = useMe();
  const { describe } = useErrorMessage();
  const ratio = useCommercialRatio(campaign.id);
  const send = useSendCampaign(campaign.id);
  const [reason, setReason] = useState('');
  const isAdmin = hasAnyRole(user, ['admin']);
  if (ratio.error) {
    return <QueryError error={ratio.error} onRetry={() => void ratio.refetch()} />;
  }
  const r = ratio.data;
  const refused = hasCode(send.error, 'COMMERCIAL_RATIO_EXCEEDED') || (r ? !r.allowed : false);
  const needsOverride = refused && campaign.commercial;
  const pct = (v: number | null) => (v === null ? '—' : share(v));
  const onSend = () =>
    send.mutate(needsOverride && isAdmin ? { override: { reason: reason.trim() } } : {}, {
      onSuccess: () => setReason(''),
    });
  return (
    <Card
      size="small"
      title={t('care.ratio.title')}
      loading={ratio.isPending}
      style={{ marginBottom: 16 }}
      data-testid="campaign-ratio"
    >
      {r && (
        <>
          <Chart
            option={ratioGaugeOption(r, { now: t('care.ratio.now'), after: t('care.ratio.after') })}
            ariaLabel={t('care.ratio.aria', { now: pct(r.ratio), after: pct(r.ratioAfter), cap: pct(r.cap) })}
            height={220}
            data-testid="ratio-gauge"
          />
          <Typography.Paragraph type="secondary" data-testid="ratio-figures">
            {t('care.ratio.figures', {
              commercial: format.number(r.commercial),
              total: format.number(r.total),
              cap: pct(r.cap),
              messages: format.number(r.campaignMessages ?? 0),
            })}
          </Typography.Paragraph>
          {r.note && <Alert type="info" showIcon message={t('care.ratio.noData')} style={{ marginBottom: 8 }} />}
        </>
      )}
      {refused && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          message={t('errors.COMMERCIAL_RATIO_EXCEEDED')}
          description={isAdmin ? undefined : t('care.ratio.askAdmin')}
          data-testid="ratio-refused"
        />
      )}
      {send.error && !hasCode(send.error, 'COMMERCIAL_RATIO_EXCEEDED') && (
        <Alert
          type="error"
          showIcon
          message={describe(send.error)}
          style={{ marginBottom: 8 }}
          data-testid="send-error"
        />
      )}
      {needsOverride && isAdmin && <OverrideField reason={reason} onReason={setReason} />}
      {dirty && <Alert type="warning" showIcon message={t('care.campaigns.saveFirst')} style={{ margin: '8px 0' }} />}
      <Popconfirm
        title={t('care.campaigns.sendConfirm')}
        okText={t('care.campaigns.send')}
        cancelText={t('common.cancel')}
        onConfirm={onSend}
        okButtonProps={{ 'data-testid': 'campaign-send-confirm' }}
      >
        <Button
          type="primary"
          icon={<SendOutlined />}
          style={{ marginTop: 8 }}
          loading={send.isPending}
          disabled={dirty || (needsOverride && (!isAdmin || reason.trim().length < 3))}
          data-testid="campaign-send"
        >
          {needsOverride && isAdmin ? t('care.ratio.overrideSend') : t('care.campaigns.send')}
        </Button>
      </Popconfirm>
    </Card>
  );
}
