import { Button, Popconfirm, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { roles } from '@tandem/server/api';
import type { User } from '../../../api/types.ts';
import type { DataColumn, FilterOption } from '../../../components/DataTable/index.ts';
import { RoleTags } from '../../../components/RoleTags/RoleTags.tsx';
import type { useFormat } from '../../../i18n/useFormat.ts';

interface Deps {
  t: TFunction;
  format: ReturnType<typeof useFormat>;
  /** Org units as filter options, by their path. */
  orgUnits: FilterOption[];
  orgPath: (id: string | null | undefined) => string;
  /** Deactivates an active user or reactivates an inactive one (after a confirmation). */
  toggleActive: (user: User) => void;
  /** Only admins are told (and may sort by) when someone last signed in; others get null from the server. */
  admin: boolean;
}

/** Columns of the user list: filters map to `GET /api/users` parameters. */
export function userColumns({ t, format, orgUnits, orgPath, toggleActive, admin }: Deps): DataColumn<User>[] {
  return [
    {
      key: 'displayName',
      title: t('users.displayName'),
      sortable: true,
      render: (u) => <Typography.Text strong>{u.displayName}</Typography.Text>,
    },
    { key: 'email', title: t('users.email'), sortable: true },
    {
      key: 'roles',
      title: t('users.roles'),
      filter: { type: 'select', param: 'role', options: roles.map((r) => ({ value: r, label: t(`roles.${r}`) })) },
      render: (u) => <RoleTags roles={u.roles} />,
    },
    {
      key: 'orgUnitId',
      title: t('users.orgUnit'),
      filter: { type: 'select', options: orgUnits },
      render: (u) => orgPath(u.orgUnitId),
    },
    {
      key: 'active',
      title: t('users.status'),
      filter: {
        type: 'select',
        options: [
          { value: 'true', label: t('users.active') },
          { value: 'false', label: t('users.inactive') },
        ],
      },
      render: (u) => (u.active ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>),
    },
    {
      key: 'lastLoginAt',
      title: t('users.lastLogin'),
      sortable: admin,
      render: (u) => (u.lastLoginAt ? format.relative(u.lastLoginAt) : admin ? t('users.never') : '—'),
    },
    {
      key: 'createdAt',
      title: t('common.createdAt'),
      sortable: true,
      hidden: true,
      render: (u) => format.dateTime(u.createdAt),
    },
    {
      key: 'actions',
      kind: 'actions',
      title: t('common.actions'),
      render: (u) => (
        <Popconfirm
          title={
            u.active
              ? t('users.deactivateConfirm', { name: u.displayName })
              : t('users.reactivateConfirm', { name: u.displayName })
          }
          onConfirm={() => toggleActive(u)}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
        >
          <Button size="small" danger={u.active} data-testid={`user-toggle-${u.email}`}>
            {u.active ? t('users.deactivate') : t('users.reactivate')}
          </Button>
        </Popconfirm>
      ),
    },
  ];
}
