import { Flex, Space, Tag, Typography } from 'antd';
import { BankOutlined, UserOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { customerStages, employeeStages, kotlerLevels, partyKinds, partyRoles } from '@tandem/server/api';
import type { Party } from '../../../api/types.ts';
import type { ColumnFilter, DataColumn, FilterOption } from '../../../components/DataTable/index.ts';
import { tagsFilter } from '../../../components/DataTable/tagsFilter.tsx';
import { userFilter } from '../../../components/UserSelect/userFilter.tsx';
import { LevelGap, QuadrantBadge, StageTag } from '../shared/labels.tsx';
import { UserName } from '../../../components/UserName/UserName.tsx';
import { primaryRole } from '../shared/partyRoles.ts';

interface Deps {
  t: TFunction;
  dateTime: (v: string) => string;
  groupOptions: FilterOption[];
  groupName: (key: string | null) => string;
  /** The role the table is filtered by, to pick which role a one-role cell shows. */
  roleFilter: string | null;
}

const stages = [...new Set([...customerStages, ...employeeStages])];

/** A multi-select filter: the server matches any of the values (docs/domain.md "Lists and filters"). */
const anyOf = (param: string, options: FilterOption[]): ColumnFilter => ({
  type: 'select',
  param,
  multiple: true,
  options,
});

const labelled = (values: readonly string[], label: (v: string) => string): FilterOption[] =>
  values.map((value) => ({ value, label: label(value) }));

/** Several owners at once, "mine" among them. */
const ownerFilter = (t: TFunction) =>
  userFilter({
    label: t('parties.owner'),
    multiple: true,
    'data-testid': 'owner-filter',
    me: { label: t('parties.mine'), 'data-testid': 'owner-me' },
  });

function NameCell({ party: p, t }: { party: Party; t: TFunction }) {
  return (
    <Space size={6}>
      {p.kind === 'organization' ? (
        <BankOutlined aria-label={t('parties.kinds.organization')} />
      ) : (
        <UserOutlined aria-label={t('parties.kinds.person')} />
      )}
      <Typography.Text strong>{p.displayName}</Typography.Text>
      {p.access === 'directory' && <Tag>{t('parties.directory')}</Tag>}
    </Space>
  );
}

/** Columns of the party list: filters map to `GET /api/parties` parameters. */
export function partyColumns({ t, dateTime, groupOptions, groupName, roleFilter }: Deps): DataColumn<Party>[] {
  return [
    {
      key: 'displayName',
      title: t('parties.name'),
      sortable: true,
      render: (p) => <NameCell party={p} t={t} />,
    },
    {
      key: 'roles',
      title: t('parties.roles.label'),
      filter: anyOf(
        'role',
        labelled(partyRoles, (r) => t(`parties.roles.${r}`)),
      ),
      render: (p) => p.roles.map((r) => <Tag key={r.role}>{t(`parties.roles.${r.role}`)}</Tag>),
    },
    {
      key: 'stage',
      title: t('parties.stage'),
      filter: anyOf(
        'stage',
        labelled(stages, (s) => t(`parties.stages.${s}`)),
      ),
      render: (p) => (
        <Flex wrap gap={4}>
          {p.roles.map((r) => (
            <StageTag key={r.role} stage={r.stage} />
          ))}
        </Flex>
      ),
    },
    {
      key: 'level',
      title: t('parties.levelToTarget'),
      filter: { type: 'select', options: kotlerLevels.map((l) => ({ value: l, label: t(`parties.levels.${l}`) })) },
      render: (p) => {
        const r = primaryRole(p, roleFilter);
        return r ? <LevelGap role={r} /> : null;
      },
    },
    {
      key: 'quadrant',
      title: t('parties.quadrant'),
      render: (p) => {
        const r = primaryRole(p, roleFilter);
        return r ? <QuadrantBadge quadrant={r.quadrant} /> : null;
      },
    },
    {
      key: 'stakeholderGroup',
      title: t('parties.stakeholderGroup'),
      filter: { type: 'select', options: groupOptions },
      render: (p) =>
        [...new Set(p.roles.map((r) => r.stakeholderGroup).filter(Boolean))]
          .map((g) => groupName(g))
          .join(t('common.listSeparator')),
    },
    {
      key: 'ownerId',
      title: t('parties.owner'),
      filter: ownerFilter(t),
      exportKeys: ['ownerId', 'ownerUnit'],
      render: (p) => <UserName id={p.ownerId} name={p.ownerName} />,
    },
    {
      key: 'contact',
      title: t('parties.contact'),
      exportKeys: ['emails', 'phones'],
      render: (p) => [p.emails[0], p.phones[0]].filter(Boolean).join(' · '),
    },
    {
      key: 'tags',
      title: t('parties.tags'),
      filter: tagsFilter({ label: t('parties.tags'), param: 'tag', placeholder: t('parties.tagsFilterHint') }),
      render: (p) => (p.tags ?? []).map((tag) => <Tag key={tag}>{tag}</Tag>),
    },
    {
      key: 'kind',
      title: t('parties.kind'),
      hidden: true,
      filter: anyOf(
        'kind',
        partyKinds.map((k) => ({ value: k, label: t(`parties.kinds.${k}`) })),
      ),
      render: (p) => t(`parties.kinds.${p.kind}`),
    },
    { key: 'updatedAt', title: t('common.updatedAt'), sortable: true, render: (p) => dateTime(p.updatedAt) },
    {
      key: 'createdAt',
      title: t('common.createdAt'),
      sortable: true,
      hidden: true,
      render: (p) => dateTime(p.createdAt),
    },
  ];
}
