import { Alert, Button, Card, Col, Flex, List, Row, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../../api/types.ts';
import { errorReportUrl, useImportErrors } from '../api.ts';
import { QueryError } from '../../../../components/feedback/QueryError.tsx';
import { duplicatesOf, failuresOf, type ErrorRow } from '../errorReport.ts';
import { ImportStatusTag } from '../labels.tsx';
import { RevertButton } from '../RevertButton/RevertButton.tsx';

const PREVIEW_ROWS = 20;

/** Counts of a finished import (or dry run) as statistics. */
export function ImportCounts({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const stats = [
    { key: 'created', value: job.counts.created },
    { key: 'updated', value: job.counts.updated },
    { key: 'skipped', value: job.counts.skipped },
    { key: 'failed', value: job.counts.failed, danger: job.counts.failed > 0 },
    { key: 'duplicates', value: job.counts.duplicates, warn: job.counts.duplicates > 0 },
  ];
  return (
    <Row gutter={[16, 16]} data-testid="import-counts">
      {stats.map((s) => (
        <Col key={s.key} xs={12} sm={8} md={4}>
          <Statistic
            title={t(`imports.counts.${s.key}`)}
            value={s.value}
            valueStyle={s.danger ? { color: '#cf1322' } : s.warn ? { color: '#d48806' } : undefined}
            valueRender={(node) => <span data-testid={`count-${s.key}`}>{node}</span>}
          />
        </Col>
      ))}
    </Row>
  );
}

/** The first row errors in a table (row, column, code, message, value). */
export function ErrorTable({ rows, total }: { rows: ErrorRow[]; total: number }) {
  const { t } = useTranslation();
  return (
    <>
      <Table<ErrorRow>
        size="small"
        rowKey={(r) => `${r.row}-${r.column ?? ''}-${r.code}-${r.message}`}
        dataSource={rows.slice(0, PREVIEW_ROWS)}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="import-errors"
        columns={[
          { key: 'row', title: t('imports.errors.row'), dataIndex: 'row', width: 70 },
          { key: 'column', title: t('imports.errors.column'), render: (_: unknown, r: ErrorRow) => r.column ?? '—' },
          {
            key: 'code',
            title: t('imports.errors.code'),
            render: (_: unknown, r: ErrorRow) => <Typography.Text code>{r.code}</Typography.Text>,
          },
          { key: 'message', title: t('imports.errors.message'), dataIndex: 'message' },
          {
            key: 'value',
            title: t('imports.errors.value'),
            render: (_: unknown, r: ErrorRow) => (
              <Typography.Text ellipsis style={{ maxWidth: 220 }}>
                {r.value ?? ''}
              </Typography.Text>
            ),
          },
        ]}
      />
      {total > PREVIEW_ROWS && (
        <Typography.Text type="secondary">{t('imports.errors.more', { count: total - PREVIEW_ROWS })}</Typography.Text>
      )}
    </>
  );
}

/** The report of a finished import: counts, the first errors, the CSV download, duplicates and revert. */
export function ImportReport({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const finished = job.status === 'completed' || job.status === 'failed' || job.status === 'reverted';
  const errors = useImportErrors(job.id, finished);
  const failures = failuresOf(errors.data ?? []);
  const duplicates = duplicatesOf(errors.data ?? []);
  return (
    <Flex vertical gap={16} data-testid="import-report">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex gap={8} align="center">
          <ImportStatusTag status={job.status} dryRun={job.dryRun} />
          {job.status === 'reverted' && (
            <Typography.Text type="secondary">{t('imports.revert.reverted')}</Typography.Text>
          )}
        </Flex>
        <RevertButton job={job} />
      </Flex>
      {job.status === 'failed' && job.message && (
        <Alert type="error" showIcon message={t('imports.report.failed')} description={job.message} />
      )}
      <ImportCounts job={job} />
      <Card
        size="small"
        title={t('imports.report.errors')}
        extra={
          failures.length + duplicates.length > 0 && (
            <Button
              href={errorReportUrl(job.id)}
              download
              icon={<DownloadOutlined />}
              data-testid="error-report-download"
            >
              {t('imports.report.download')}
            </Button>
          )
        }
      >
        {errors.error && <QueryError error={errors.error} onRetry={() => void errors.refetch()} />}
        {errors.data && failures.length === 0 && (
          <Typography.Text type="secondary">{t('imports.report.noErrors')}</Typography.Text>
        )}
        {failures.length > 0 && <ErrorTable rows={failures} total={failures.length} />}
      </Card>
      {duplicates.length > 0 && (
        <Card size="small" title={t('imports.report.duplicates')} data-testid="import-duplicates">
          <Typography.Paragraph type="secondary">{t('imports.report.duplicatesHint')}</Typography.Paragraph>
          <List
            size="small"
            dataSource={duplicates}
            renderItem={(d) => (
              <List.Item key={`${d.row}-${d.partyId}`}>
                {t('imports.report.duplicateRow', { row: d.row })}{' '}
                <Link to={`/parties/${d.partyId}`}>{d.name || d.partyId}</Link>
              </List.Item>
            )}
          />
        </Card>
      )}
    </Flex>
  );
}
