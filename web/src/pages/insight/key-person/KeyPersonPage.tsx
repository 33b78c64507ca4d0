import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Row, Space, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { TableExportButton } from '../../../components/export/TableExportButton.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { formatShare } from '../../value/shared/labels.ts';
import { useKeyPersonRisk } from '../shared/api.ts';
import type { KeyPerson, KeyPersonOwner } from '../shared/types.ts';
import { BackupModal } from './BackupModal.tsx';
import { ownerColumns, ownersTable } from './ownerColumns.tsx';
import { WhatIfCard } from './WhatIfCard.tsx';

function Concentration({ data }: { data: KeyPerson }) {
  const { t } = useTranslation();
  const format = useFormat();
  const c = data.concentration;
  return (
    <Row gutter={16} style={{ marginBottom: 16 }} data-testid="key-person-concentration">
      <Col xs={12} md={6}>
        <Statistic
          title={t('insight.keyPerson.orgRevenue')}
          value={format.money(data.orgRevenue, data.currency ?? 'CNY')}
        />
      </Col>
      {c && (
        <>
          <Col xs={12} md={6}>
            <Statistic title={t('insight.keyPerson.top20')} value={formatShare(c.top20Share, format.locale)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('insight.keyPerson.gini')} value={format.number(Math.round(c.gini * 1000) / 1000)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('insight.keyPerson.owners')} value={format.number(c.n)} />
          </Col>
        </>
      )}
    </Row>
  );
}

/** `/insight/key-person`: exposure per owner, the organisation's concentration, what-if and bulk backup owners. */
export default function KeyPersonPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const q = useKeyPersonRisk();
  const [selected, setSelected] = useState<string[]>([]);
  const [simulating, setSimulating] = useState<string[] | null>(null);
  const [backupsFor, setBackupsFor] = useState<KeyPersonOwner | null>(null);
  const data = q.data;
  const columns = useMemo(
    () => ownerColumns(t, format, data?.currency ?? 'CNY', setBackupsFor),
    [t, format, data?.currency],
  );
  return (
    <div data-testid="key-person-page">
      <PageHeader title={t('insight.keyPerson.title')} description={t('insight.keyPerson.description')} />
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : !data ? (
        <PageLoading minHeight={200} />
      ) : (
        <>
          {data.note === 'not_enough_data' && (
            <Alert type="info" showIcon message={t('insight.notEnoughData')} style={{ marginBottom: 16 }} />
          )}
          <Concentration data={data} />
          <Card
            size="small"
            title={t('insight.keyPerson.owners')}
            extra={
              <Space>
                <Button
                  disabled={selected.length === 0}
                  onClick={() => setSimulating(selected)}
                  data-testid="key-person-simulate"
                >
                  {t('insight.keyPerson.simulate', { count: selected.length })}
                </Button>
                <TableExportButton table={() => ownersTable(t, data)} data-testid="key-person-export" />
              </Space>
            }
            style={{ marginBottom: 16 }}
          >
            <Table<KeyPersonOwner>
              rowKey="userId"
              size="small"
              columns={columns}
              dataSource={data.owners}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
              data-testid="key-person-table"
            />
          </Card>
          {simulating && <WhatIfCard userIds={simulating} currency={data.currency ?? 'CNY'} />}
        </>
      )}
      {backupsFor && <BackupModal owner={backupsFor} onClose={() => setBackupsFor(null)} />}
    </div>
  );
}
