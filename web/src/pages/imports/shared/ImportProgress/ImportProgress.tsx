import { Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../../api/types.ts';
import { useFormat } from '../../../../i18n/useFormat.ts';
import { ImportStatusTag } from '../labels.tsx';
import { formatDuration, formatRate, isActive, percentOf } from '../progress.ts';

/** The live bar of a job: rows done of the total, rows per second and the time left. */
export function ImportProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = percentOf(job);
  const active = isActive(job.status);
  const rate = formatRate(job.rowsPerSecond, format.locale);
  const eta = formatDuration(job.etaSeconds, format.locale);
  return (
    <Flex vertical gap={8} data-testid="import-progress" data-status={job.status} data-percent={percent}>
      <Flex gap={8} align="center">
        <ImportStatusTag status={job.status} dryRun={job.dryRun} />
        {job.status === 'queued' && <Typography.Text type="secondary">{t('imports.progress.queued')}</Typography.Text>}
      </Flex>
      <Progress
        percent={percent}
        status={
          job.status === 'failed' ? 'exception' : active ? 'active' : job.status === 'completed' ? 'success' : 'normal'
        }
        aria-label={t('imports.progress.label')}
      />
      <Flex gap={16} wrap>
        <Typography.Text data-testid="import-rows">
          {job.counts.total === null
            ? t('imports.progress.rowsSoFar', { done: format.number(job.counts.processed) })
            : t('imports.progress.rows', {
                done: format.number(job.counts.processed),
                total: format.number(job.counts.total),
              })}
        </Typography.Text>
        {rate && <Typography.Text type="secondary">{t('imports.progress.rate', { rate })}</Typography.Text>}
        {active && eta && <Typography.Text type="secondary">{t('imports.progress.eta', { eta })}</Typography.Text>}
      </Flex>
      {job.message && (
        <Typography.Text type={job.status === 'failed' ? 'danger' : 'secondary'}>{job.message}</Typography.Text>
      )}
    </Flex>
  );
}
