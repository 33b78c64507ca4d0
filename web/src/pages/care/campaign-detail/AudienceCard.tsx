import { Alert, Card, Progress, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { useCampaignAudience } from '../shared/api.ts';
import { breakdownRows, hiddenCount } from '../shared/breakdown.ts';

/** Who the campaign would reach now and why the others would be skipped (GET /api/campaigns/:id/audience). */
export function AudienceCard({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const q = useCampaignAudience(campaignId);
  if (q.error) {
    return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  }
  const c = q.data;
  const hidden = c ? hiddenCount(c) : 0;
  return (
    <Card
      size="small"
      title={t('care.audience.title')}
      loading={q.isPending}
      style={{ marginBottom: 16 }}
      data-testid="campaign-audience"
    >
      {c && (
        <>
          <Typography.Paragraph>
            <span data-testid="audience-summary">
              {t('care.audience.summary', { reachable: format.number(c.reachable), visible: format.number(c.visible) })}
            </span>
          </Typography.Paragraph>
          {hidden > 0 && (
            <Alert
              type="info"
              showIcon
              message={t('care.audience.hidden', { count: hidden })}
              style={{ marginBottom: 8 }}
            />
          )}
          {c.note && <Alert type="info" showIcon message={t('care.audience.empty')} style={{ marginBottom: 8 }} />}
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={breakdownRows(c)}
            data-testid="audience-breakdown"
            onRow={(r) => ({ 'data-testid': `audience-${r.key}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { key: 'key', title: t('care.audience.outcome'), render: (_, r) => t(`care.audience.${r.key}`) },
              {
                key: 'count',
                title: t('care.audience.count'),
                align: 'right',
                render: (_, r) => format.number(r.count),
              },
              {
                key: 'share',
                title: t('care.audience.share'),
                width: 160,
                render: (_, r) => (
                  <Progress
                    percent={Math.round(r.share * 100)}
                    size="small"
                    status={r.key === 'reachable' ? 'success' : 'normal'}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
