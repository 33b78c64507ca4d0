import { useMemo } from 'react';
import { Button, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { DataTable, type DataColumn } from '../../../components/DataTable/index.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { segmentsEndpoint } from '../shared/api.ts';
import { SnapshotButton } from '../shared/SnapshotButton.tsx';
import { segmentEditorRoles, snapshotRequesterRoles, type Segment } from '../shared/types.ts';

/** `/value/segments`: the organisation's dynamic segments; open one for its rule, members and history. */
export default function SegmentsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { user } = useMe();
  const columns = useMemo<DataColumn<Segment>[]>(
    () => [
      {
        key: 'name',
        title: t('value.segments.name'),
        render: (s) => <Typography.Text strong>{s.name}</Typography.Text>,
      },
      { key: 'description', title: t('value.segments.descriptionField'), render: (s) => s.description ?? '' },
      { key: 'priority', title: t('value.segments.priority'), align: 'right' },
      { key: 'updatedAt', title: t('common.updatedAt'), render: (s) => format.dateTime(s.updatedAt) },
    ],
    [t, format],
  );
  return (
    <div data-testid="segments-page">
      <PageHeader
        title={t('nav.valueSegments')}
        description={t('value.segments.description')}
        actions={
          <>
            {hasAnyRole(user, snapshotRequesterRoles) && <SnapshotButton />}
            {hasAnyRole(user, segmentEditorRoles) && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => void navigate('/value/segments/new')}
                data-testid="segment-create"
              >
                {t('value.segments.new')}
              </Button>
            )}
          </>
        }
      />
      <DataTable<Segment>
        tableKey="value.segments"
        endpoint={segmentsEndpoint}
        columns={columns}
        rowKey={(s) => s.id}
        rowLabel={(s) => s.name}
        onOpen={(s) => void navigate(`/value/segments/${s.id}`)}
        data-testid="segments-table"
      />
    </div>
  );
}
