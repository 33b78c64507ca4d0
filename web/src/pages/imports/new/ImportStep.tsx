import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../api/types.ts';
import { ImportProgress } from '../shared/ImportProgress/ImportProgress.tsx';
import { isActive } from '../shared/progress.ts';

/** Step 4: the import's live progress; the report opens once it finished. */
export function ImportStep({ job, onReport }: { job: ImportJob; onReport: () => void }) {
  const { t } = useTranslation();
  const active = isActive(job.status);
  return (
    <Card>
      <Flex vertical gap={16}>
        <ImportProgress job={job} />
        <Flex justify="space-between">
          <Typography.Text type="secondary">{active ? t('imports.leaveHint') : ''}</Typography.Text>
          <Button type="primary" disabled={active} onClick={onReport} data-testid="import-see-report">
            {t('imports.seeReport')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
