import { Alert, Button, Card, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { failuresOf } from '../shared/errorReport.ts';
import { ImportProgress } from '../shared/ImportProgress/ImportProgress.tsx';
import { ErrorTable, ImportCounts } from '../shared/ImportReport/ImportReport.tsx';
import type { ImportWizard } from './useImportWizard.ts';

/** Step 3: the dry run's progress, then what the import would do and which rows would fail. */
export function DryRunStep({ wizard }: { wizard: ImportWizard }) {
  const { t } = useTranslation();
  const { dry, starting, dispatch } = wizard;
  const failures = dry.errors ? failuresOf(dry.errors) : null;
  return (
    <Card>
      <Flex vertical gap={16} data-testid="dry-run">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('imports.dryRunHint')}
        </Typography.Paragraph>
        {starting && !dry.job && <Progress percent={0} status="active" />}
        {dry.job && !dry.done && <ImportProgress job={dry.job} />}
        {dry.job && dry.done && (
          <>
            <ImportCounts job={dry.job} />
            {dry.job.status === 'failed' && (
              <Alert type="error" showIcon message={t('imports.report.failed')} description={dry.job.message} />
            )}
            {failures && failures.length > 0 && <ErrorTable rows={failures} total={failures.length} />}
            {failures && failures.length === 0 && <Alert type="success" showIcon message={t('imports.dryRunClean')} />}
          </>
        )}
        <Flex justify="space-between">
          <Button onClick={() => dispatch({ type: 'goTo', step: 1 })} disabled={starting}>
            {t('imports.backToMapping')}
          </Button>
          <Button
            type="primary"
            disabled={!dry.done || starting}
            loading={starting && dry.done}
            onClick={wizard.importNow}
            data-testid="import-start"
          >
            {t('imports.startImport')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
