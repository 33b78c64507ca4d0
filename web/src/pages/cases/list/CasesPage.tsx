import { useMemo, useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../api/types.ts';
import { DataTable } from '../../../components/DataTable/index.ts';
import { casesEndpoint } from '../shared/api.ts';
import { useNow } from '../../../hooks/useNow.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { caseColumns } from './caseColumns.tsx';
import { CreateCaseModal } from '../shared/CreateCaseModal/CreateCaseModal.tsx';

/** `/service/cases`: the case queue with SLA badges that count down every minute. */
export default function CasesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const now = useNow();
  const [creating, setCreating] = useState(false);
  const columns = useMemo(() => caseColumns({ t, dateTime: format.dateTime, now }), [t, format, now]);
  return (
    <div data-testid="cases-page">
      <PageHeader
        title={t('nav.serviceCases')}
        description={t('service.cases.description')}
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="case-create">
            {t('service.cases.create')}
          </Button>
        }
      />
      <DataTable<Case>
        tableKey="service.cases"
        endpoint={casesEndpoint}
        exportEndpoint={`${casesEndpoint}/export`}
        columns={columns}
        rowKey={(c) => c.id}
        rowLabel={(c) => c.subject}
        onOpen={(c) => void navigate(`/service/cases/${c.id}`)}
        searchParam="q"
        defaultSort="-updatedAt"
        syncUrl
        data-testid="cases-table"
      />
      <CreateCaseModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(c) => void navigate(`/service/cases/${c.id}`)}
      />
    </div>
  );
}
