import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Case, CasePriority, CaseStatus } from '../../../api/types.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { formatDuration, slaBadge } from './sla.ts';
import { useDurationUnits } from './useDurationUnits.ts';

const statusColors: Record<CaseStatus, string> = {
  new: 'blue',
  open: 'processing',
  pending: 'gold',
  resolved: 'green',
  closed: 'default',
};
const priorityColors: Record<CasePriority, string> = { low: 'default', normal: 'blue', high: 'orange', urgent: 'red' };
const slaColors: Record<string, string> = {
  on_track: 'green',
  at_risk: 'orange',
  breached: 'red',
  paused: 'default',
  met: 'green',
  none: 'default',
};

export function StatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColors[status]} data-testid="case-status">
      {t(`service.statuses.${status}`)}
    </Tag>
  );
}

export function PriorityTag({ priority }: { priority: CasePriority }) {
  const { t } = useTranslation();
  return <Tag color={priorityColors[priority]}>{t(`service.priorities.${priority}`)}</Tag>;
}

/** SLA state with the time left (or overdue by) on the nearest running clock; `now` ticks every minute. */
export function SlaBadge({ c, now }: { c: Case; now: Date }) {
  const { t } = useTranslation();
  const format = useFormat();
  const units = useDurationUnits();
  const b = slaBadge(c, now);
  if (b.state === 'none') {
    return <Typography.Text type="secondary">—</Typography.Text>;
  }
  let text = t(`service.sla.${b.state}`);
  if (b.minutesLeft !== null && b.state !== 'paused') {
    const d = formatDuration(b.minutesLeft, units);
    text =
      b.minutesLeft < 0
        ? t('service.sla.overdueBy', { state: text, time: d })
        : t('service.sla.left', { state: text, time: d });
  }
  const due = b.clock === 'firstResponse' ? c.firstResponseDueAt : c.resolveDueAt;
  return (
    <Tooltip title={b.clock && due ? t(`service.sla.due.${b.clock}`, { at: format.dateTime(due) }) : undefined}>
      <Tag color={slaColors[b.state]} data-testid="sla-badge" data-state={b.state}>
        {text}
      </Tag>
    </Tooltip>
  );
}
