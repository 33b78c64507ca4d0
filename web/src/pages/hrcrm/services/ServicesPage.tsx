import { useState } from 'react';
import { Button, Drawer, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, SendOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useToast } from '../../../components/feedback/toast.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { useDeleteService, useDeliveries, useGroupName, useHrGroups, useServices } from '../shared/api.ts';
import { hrCrmWriterRoles, type HrService } from '../shared/types.ts';
import { DeliveryModal } from './DeliveryModal.tsx';
import { ServiceModal } from './ServiceModal.tsx';

function Deliveries({ service, onClose }: { service: HrService | null; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const groups = useHrGroups();
  const nameOf = useGroupName();
  const deliveries = useDeliveries(service?.id ?? null);
  const groupName = (key: string) => {
    const g = groups.data?.items.find((x) => x.key === key);
    return g ? nameOf(g) : key;
  };
  return (
    <Drawer open={Boolean(service)} width={520} title={t('hrcrm.deliveries')} onClose={onClose} destroyOnHidden>
      {deliveries.error ? (
        <QueryError error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          loading={deliveries.isPending}
          pagination={false}
          dataSource={deliveries.data?.items ?? []}
          data-testid="deliveries-table"
          columns={[
            { key: 'on', title: t('hrcrm.deliveredOn'), render: (_, d) => format.date(d.deliveredOn) },
            { key: 'group', title: t('hrcrm.group'), render: (_, d) => groupName(d.groupKey) },
            { key: 'qty', title: t('hrcrm.quantity'), align: 'right', render: (_, d) => format.number(d.quantity) },
            { key: 'note', title: t('hrcrm.note'), render: (_, d) => d.note ?? '' },
          ]}
        />
      )}
    </Drawer>
  );
}

/** "Record delivery", "Edit" and "Delete" for one service. */
function ServiceActions({
  service,
  onDeliver,
  onEdit,
}: {
  service: HrService;
  onDeliver: () => void;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const { describe } = useErrorMessage();
  const remove = useDeleteService();
  return (
    <Space size={4}>
      <Button size="small" icon={<SendOutlined />} onClick={onDeliver} data-testid="service-deliver">
        {t('hrcrm.recordDelivery')}
      </Button>
      <Button
        size="small"
        type="text"
        icon={<EditOutlined />}
        aria-label={t('common.edit')}
        onClick={onEdit}
        data-testid="service-edit"
      />
      <Popconfirm
        title={t('hrcrm.deleteServiceConfirm')}
        okText={t('common.delete')}
        cancelText={t('common.cancel')}
        onConfirm={() => remove.mutate(service.id, { onError: (e) => void toast.error(describe(e)) })}
      >
        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
      </Popconfirm>
    </Space>
  );
}

/** The groups a service serves, each with its expected value and measure in a tooltip. */
function ServedGroupTags({ service }: { service: HrService }) {
  const { t } = useTranslation();
  const groups = useHrGroups();
  const nameOf = useGroupName();
  const groupName = (key: string) => {
    const g = groups.data?.items.find((x) => x.key === key);
    return g ? nameOf(g) : key;
  };
  return (
    <Space size={[4, 4]} wrap>
      {service.groups.map((g) => (
        <Tooltip
          key={g.groupKey}
          title={[
            g.expectedValue && `${t('hrcrm.expectedValue')}: ${g.expectedValue}`,
            `${t('hrcrm.measure')}: ${t(`hrcrm.measureKinds.${g.measure.kind}`)}${g.measure.ref ? ` (${g.measure.ref})` : ''}`,
          ]
            .filter(Boolean)
            .join(' · ')}
        >
          <Tag>{groupName(g.groupKey)}</Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

/** `/hr-crm/services`: the HR service catalogue: each service, the groups it serves, its owner and deliveries. */
export default function ServicesPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { user } = useMe();
  const canEdit = hasAnyRole(user, hrCrmWriterRoles);
  const services = useServices();
  const [editing, setEditing] = useState<HrService | 'new' | null>(null);
  const [delivering, setDelivering] = useState<HrService | null>(null);
  const [showing, setShowing] = useState<HrService | null>(null);
  const zh = i18n.language === 'zh-CN';

  let body;
  if (services.isPending) {
    body = <PageLoading />;
  } else if (services.error) {
    body = <QueryError error={services.error} onRetry={() => void services.refetch()} />;
  } else {
    body = (
      <Table<HrService>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={services.data.items}
        data-testid="services-table"
        columns={[
          {
            key: 'name',
            title: t('hrcrm.service'),
            render: (_, s) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong data-testid="service-name">
                  {zh ? s.nameZh : s.nameEn}
                </Typography.Text>
                {s.description && <Typography.Text type="secondary">{s.description}</Typography.Text>}
                {!s.active && <Tag>{t('hrcrm.inactive')}</Tag>}
              </Space>
            ),
          },
          { key: 'owner', title: t('hrcrm.owner'), render: (_, s) => s.ownerName ?? '—' },
          {
            key: 'groups',
            title: t('hrcrm.servedGroups'),
            render: (_, s) => <ServedGroupTags service={s} />,
          },
          {
            key: 'deliveries',
            title: t('hrcrm.deliveries'),
            align: 'right',
            render: (_, s) => (
              <Button type="link" size="small" icon={<UnorderedListOutlined />} onClick={() => setShowing(s)}>
                {format.number(s.deliveries)}
              </Button>
            ),
          },
          ...(canEdit
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, s: HrService) => (
                    <ServiceActions service={s} onDeliver={() => setDelivering(s)} onEdit={() => setEditing(s)} />
                  ),
                },
              ]
            : []),
        ]}
      />
    );
  }
  return (
    <div data-testid="services">
      <PageHeader
        title={t('nav.hrCrmServices')}
        description={t('hrcrm.servicesDescription')}
        actions={
          canEdit && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="service-create"
            >
              {t('hrcrm.newService')}
            </Button>
          )
        }
      />
      {body}
      {editing && <ServiceModal service={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {delivering && <DeliveryModal service={delivering} onClose={() => setDelivering(null)} />}
      <Deliveries service={showing} onClose={() => setShowing(null)} />
    </div>
  );
}
