import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TableExportButton } from '../../../components/export/TableExportButton.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { formatShare } from '../../value/shared/labels.ts';
import { useSimulation } from '../shared/api.ts';

/** What walks out of the door if the selected owners leave: uncovered customers and revenue, by RFM segment. */
export function WhatIfCard({ userIds, currency }: { userIds: string[]; currency: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const q = useSimulation(userIds);
  const segment = (s: string | null) => s ?? t('insight.keyPerson.noSegment');
  return (
    <Card
      size="small"
      title={t('insight.keyPerson.whatIf', { count: userIds.length })}
      data-testid="key-person-what-if"
    >
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <PageLoading minHeight={120} />
      ) : (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Statistic
                title={t('insight.keyPerson.uncoveredCustomers')}
                value={format.number(q.data.uncovered.customers)}
              />
            </Col>
            <Col xs={12} md={6}>
              <div data-testid="what-if-uncovered-revenue">
                <Statistic
                  title={t('insight.keyPerson.uncoveredRevenue')}
                  value={format.money(q.data.uncovered.revenue, currency)}
                />
              </div>
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('insight.keyPerson.uncoveredShare')}
                value={formatShare(q.data.uncovered.revenueShare, format.locale)}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('insight.keyPerson.keptByBackup')}
                value={`${format.number(q.data.coveredByBackup.customers)} · ${format.money(q.data.coveredByBackup.revenue, currency)}`}
              />
            </Col>
          </Row>
          <Typography.Title level={5}>{t('insight.keyPerson.bySegment')}</Typography.Title>
          <Table
            size="small"
            rowKey={(r) => r.segment ?? ''}
            pagination={false}
            dataSource={q.data.bySegment}
            columns={[
              { key: 'segment', title: t('insight.keyPerson.segment'), render: (_, r) => segment(r.segment) },
              {
                key: 'customers',
                title: t('insight.keyPerson.customers'),
                align: 'right',
                render: (_, r) => format.number(r.customers),
              },
              {
                key: 'revenue',
                title: t('insight.keyPerson.revenue'),
                align: 'right',
                render: (_, r) => format.money(r.revenue, currency),
              },
            ]}
            footer={() => (
              <TableExportButton
                data-testid="what-if-export"
                table={() => ({
                  name: t('insight.keyPerson.bySegment'),
                  header: [
                    t('insight.keyPerson.segment'),
                    t('insight.keyPerson.customers'),
                    t('insight.keyPerson.revenue'),
                  ],
                  rows: q.data.bySegment.map((r) => [segment(r.segment), r.customers, r.revenue]),
                })}
              />
            )}
          />
        </>
      )}
    </Card>
  );
}
