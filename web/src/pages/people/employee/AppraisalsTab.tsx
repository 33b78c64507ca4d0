import { Card, Empty, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { useAppraisals, useMyAppraisals } from '../shared/api.ts';
import { BandTag, CycleStatusTag, useLocalized } from '../shared/labels.tsx';
import type { Appraisal, EmployeeFile } from '../shared/types.ts';

/** The employee's appraisals: cycle, status, overall score and band, and any improvement plan. */
export function AppraisalsTab({ file }: { file: EmployeeFile }) {
  const self = file.relation === 'self';
  return self ? <Own /> : <Others partyId={file.partyId} />;
}

function Own() {
  const list = useMyAppraisals();
  return <AppraisalTable query={list} self />;
}

function Others({ partyId }: { partyId: string }) {
  const list = useAppraisals({});
  return <AppraisalTable query={list} partyId={partyId} />;
}

function AppraisalTable({
  query,
  partyId,
  self,
}: {
  query: ReturnType<typeof useAppraisals>;
  partyId?: string;
  self?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = useLocalized();
  if (query.isError) {
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  const items = (query.data?.items ?? []).filter((a) => !partyId || a.partyId === partyId);
  return (
    <Card size="small" title={t('people.tabs.appraisals')} data-testid="employee-appraisals">
      {items.length === 0 && !query.isPending ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.appraisals.none')} />
      ) : (
        <Table<Appraisal>
          size="small"
          rowKey="id"
          loading={query.isPending}
          pagination={false}
          dataSource={items}
          columns={[
            {
              title: t('people.cycles.name'),
              render: (_, a) =>
                self ? (
                  <Link to="/me/appraisals">{name(a.cycleName)}</Link>
                ) : (
                  <Link to={`/people/cycles/${a.cycleId}`}>{name(a.cycleName)}</Link>
                ),
            },
            {
              title: t('people.cycles.period'),
              render: (_, a) => `${format.date(a.periodStart)} – ${format.date(a.periodEnd)}`,
            },
            { title: t('people.cycles.status'), render: (_, a) => <CycleStatusTag status={a.cycleStatus} /> },
            {
              title: t('people.appraisals.overall'),
              align: 'right',
              render: (_, a) => (a.overallScore === null ? '—' : a.overallScore.toFixed(2)),
            },
            { title: t('people.appraisals.band'), render: (_, a) => <BandTag band={a.band} /> },
            {
              title: t('people.plan.title'),
              render: (_, a) =>
                a.plan ? (
                  <Typography.Text>
                    {t('people.plan.reassessOn', { date: format.date(a.plan.reassessOn) })}
                    {a.plan.outcome && ` · ${t(`people.plan.outcomes.${a.plan.outcome}`)}`}
                  </Typography.Text>
                ) : (
                  '—'
                ),
            },
            { title: t('people.appraisals.reply'), render: (_, a) => a.reply ?? '—' },
          ]}
        />
      )}
    </Card>
  );
}
