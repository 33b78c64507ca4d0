import { Button, Card, Flex } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ImportJob, PartyRoleName } from '../../../api/types.ts';
import { ImportReport } from '../shared/ImportReport/ImportReport.tsx';
import type { ImportEntity } from '../shared/roles.ts';

/** Step 5: the report, with a way to the imported parties. */
export function ReportStep({ job, entity, role }: { job: ImportJob; entity: ImportEntity; role: PartyRoleName }) {
  const { t } = useTranslation();
  return (
    <Card>
      <ImportReport job={job} />
      <Flex gap={8} style={{ marginTop: 16 }}>
        {(entity === 'parties' || entity === 'employees') && (
          <Link to={entity === 'employees' ? '/parties?role=employee' : `/parties?role=${role}`}>
            <Button>{t('imports.openParties')}</Button>
          </Link>
        )}
        <Link to="/settings/imports">
          <Button>{t('imports.backToList')}</Button>
        </Link>
      </Flex>
    </Card>
  );
}
