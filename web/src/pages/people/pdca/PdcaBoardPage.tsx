import { useState } from 'react';
import { Button, Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { useOrgUnits } from '../../settings/shared/useOrgUnits.ts';
import { pdcaKey, savePdcaCycle, usePdcaCycles } from '../shared/api.ts';
import { pdcaColumns, pdcaMoves } from '../shared/charts.ts';
import { EmployeeName } from '../shared/EmployeeName.tsx';
import type { PdcaCycle, PdcaStatus } from '../shared/types.ts';
import { PdcaModal } from './PdcaModal.tsx';

const writers = ['hr', 'admin', 'manager'] as const;

/** `/people/pdca`: PDCA cycles (plan, do, check, act) of the units, in columns by status. */
export default function PdcaBoardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const cycles = usePdcaCycles();
  const [editing, setEditing] = useState<PdcaCycle | 'new' | null>(null);
  const canWrite = hasAnyRole(me.user, writers);
  if (cycles.isPending) {
    return <PageLoading />;
  }
  return (
    <div data-testid="pdca-page">
      <PageHeader
        title={t('nav.peoplePdca')}
        description={t('people.pdca.description')}
        actions={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="pdca-create">
              {t('people.pdca.create')}
            </Button>
          )
        }
      />
      {cycles.isError ? (
        <QueryError error={cycles.error} onRetry={() => void cycles.refetch()} />
      ) : (
        <Row gutter={12} wrap={false} style={{ overflowX: 'auto' }} data-testid="pdca-board">
          {pdcaColumns(cycles.data.items).map((col) => (
            <Col key={col.status} flex="1 0 220px">
              <Card
                size="small"
                title={`${t(`people.pdcaStatus.${col.status}`)} (${col.cycles.length})`}
                data-testid={`pdca-column-${col.status}`}
              >
                {col.cycles.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={false} />
                ) : (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    {col.cycles.map((c) => (
                      <PdcaCard key={c.id} cycle={c} canWrite={canWrite} onEdit={() => setEditing(c)} />
                    ))}
                  </Space>
                )}
              </Card>
            </Col>
          ))}
        </Row>
      )}
      {editing && <PdcaModal cycle={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

function PdcaCard({ cycle: c, canWrite, onEdit }: { cycle: PdcaCycle; canWrite: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const orgUnits = useOrgUnits();
  const qc = useQueryClient();
  const { notify } = useErrorMessage();
  const advance = useMutation({
    mutationFn: (status: PdcaStatus) => savePdcaCycle(c.id, { status, version: c.version }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: pdcaKey }),
    onError: notify,
  });
  return (
    <Card size="small" type="inner" data-testid="pdca-card">
      <Typography.Text strong>{c.title}</Typography.Text>
      <div>
        <Typography.Text type="secondary">{orgUnits.pathOf(c.orgUnitId) || '—'}</Typography.Text>
      </div>
      <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '4px 0' }}>
        {c.goal}
      </Typography.Paragraph>
      <Space size={4} wrap>
        <Tag>{t('people.pdca.turn', { turn: c.turn })}</Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {format.date(c.startsOn)} – {c.endsOn ? format.date(c.endsOn) : '…'}
        </Typography.Text>
      </Space>
      {c.ownerPartyId && (
        <div>
          <Typography.Text type="secondary">{t('people.pdca.owner')}: </Typography.Text>
          {c.ownerName ?? <EmployeeName id={c.ownerPartyId} />}
        </div>
      )}
      {canWrite && (
        <Space style={{ marginTop: 8 }}>
          <Button size="small" onClick={onEdit}>
            {t('common.edit')}
          </Button>
          {pdcaMoves(c.status).map((next) => (
            <Button
              key={next}
              size="small"
              type="primary"
              ghost
              loading={advance.isPending && advance.variables === next}
              onClick={() => advance.mutate(next)}
              data-testid={`pdca-move-${next}`}
            >
              {t(`people.pdca.moveTo.${next}`)}
            </Button>
          ))}
        </Space>
      )}
    </Card>
  );
}
