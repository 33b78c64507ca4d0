import { Typography } from 'antd';
import type { TFunction } from 'i18next';
import { casePriorities, caseStatuses, caseTypes, slaStates } from '@tandem/server/api';
import type { Case } from '../../../api/types.ts';
import type { ColumnFilter, DataColumn, FilterOption } from '../../../components/DataTable/index.ts';
import { userFilter } from '../../../components/UserSelect/userFilter.tsx';
import { PriorityTag, SlaBadge, StatusTag } from '../shared/labels.tsx';

/** A multi-select filter: the server matches any of the values (docs/domain.md "Lists and filters"). */
const anyOf = (param: string, options: FilterOption[]): ColumnFilter => ({
  type: 'select',
  param,
  multiple: true,
  options,
});

interface Deps {
  t: TFunction;
  dateTime: (v: string) => string;
  now: Date;
}

/**
 * Columns of the case queue: filters and sortable columns map to `GET /api/cases` parameters (priority and
 * status sort by rank, the SLA column by the next due time).
 */
export function caseColumns({ t, dateTime, now }: Deps): DataColumn<Case>[] {
  return [
    {
      key: 'type',
      title: t('service.case.type'),
      filter: anyOf(
        'type',
        caseTypes.map((v) => ({ value: v, label: t(`service.types.${v}`) })),
      ),
      render: (c) => t(`service.types.${c.type}`),
    },
    {
      key: 'subject',
      title: t('service.case.subject'),
      render: (c) => <Typography.Text strong>{c.subject}</Typography.Text>,
    },
    {
      key: 'partyName',
      title: t('service.case.party'),
      render: (c) => c.partyName ?? (c.anonymous ? t('service.case.anonymous') : '—'),
    },
    {
      key: 'priority',
      title: t('service.case.priority'),
      sortable: true,
      filter: anyOf(
        'priority',
        casePriorities.map((v) => ({ value: v, label: t(`service.priorities.${v}`) })),
      ),
      render: (c) => <PriorityTag priority={c.priority} />,
    },
    {
      key: 'status',
      title: t('service.case.status'),
      sortable: true,
      filter: anyOf(
        'status',
        caseStatuses.map((v) => ({ value: v, label: t(`service.statuses.${v}`) })),
      ),
      render: (c) => <StatusTag status={c.status} />,
    },
    {
      key: 'assigneeName',
      title: t('service.case.assignee'),
      filter: userFilter({
        label: t('service.case.assignee'),
        param: 'assigneeId',
        multiple: true,
        'data-testid': 'assignee-filter',
        me: { label: t('service.case.assignedToMe'), 'data-testid': 'assignee-me' },
      }),
      exportKeys: ['assigneeName', 'assigneeUnit'],
      render: (c) => c.assigneeName ?? '—',
    },
    {
      key: 'slaDueAt',
      title: t('service.case.sla'),
      sortable: true,
      filter: anyOf(
        'slaState',
        slaStates.map((v) => ({ value: v, label: t(`service.sla.${v}`) })),
      ),
      render: (c) => <SlaBadge c={c} now={now} />,
    },
    {
      key: 'channel',
      title: t('service.case.channel'),
      hidden: true,
      render: (c) => t(`service.channels.${c.channel}`),
    },
    {
      key: 'rootCause',
      title: t('service.case.rootCause'),
      hidden: true,
      render: (c) => (c.rootCause ? t(`service.rootCauses.${c.rootCause}`) : ''),
    },
    {
      key: 'csatScore',
      title: t('service.case.csat'),
      hidden: true,
      render: (c) => (c.csatScore === null ? '' : String(c.csatScore)),
    },
    {
      key: 'createdAt',
      title: t('common.createdAt'),
      hidden: true,
      sortable: true,
      render: (c) => dateTime(c.createdAt),
    },
    {
      key: 'updatedAt',
      title: t('common.updatedAt'),
      sortable: true,
      // The export has no update time (its columns: server/src/modules/cases/cases.export.ts).
      exportable: false,
      render: (c) => dateTime(c.updatedAt),
    },
  ];
}
