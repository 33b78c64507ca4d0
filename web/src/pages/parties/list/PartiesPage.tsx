import { useMemo, useState } from 'react';
import { Button } from 'antd';
import { ApartmentOutlined, DotChartOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Party } from '../../../api/types.ts';
import { DataTable } from '../../../components/DataTable/index.ts';
import { partiesEndpoint, useStakeholderGroups } from '../shared/api.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { BulkBar } from './BulkBar.tsx';
import { CreatePartyModal } from './CreatePartyModal.tsx';
import { partyColumns } from './partyColumns.tsx';

/** `/parties`: customers, employees and every other stakeholder, filtered and searched on the server. */
export default function PartiesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const groups = useStakeholderGroups();
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  // Several roles may be filtered (a comma list): a one-role cell shows the first of them.
  const roleFilter = search.get('role')?.split(',')[0] ?? null;

  const columns = useMemo(
    () =>
      partyColumns({
        t,
        dateTime: format.dateTime,
        groupOptions: groups.options,
        groupName: groups.nameOf,
        roleFilter,
      }),
    [t, format, groups.options, groups.nameOf, roleFilter],
  );
  return (
    <div data-testid="parties-page">
      <PageHeader
        title={t('nav.partyList')}
        description={t('parties.description')}
        actions={
          <>
            <Button icon={<ApartmentOutlined />} onClick={() => void navigate('/parties/board?role=customer')}>
              {t('nav.partyBoard')}
            </Button>
            <Button icon={<DotChartOutlined />} onClick={() => void navigate('/parties/relationship-map')}>
              {t('nav.relationshipMap')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="party-create">
              {t('parties.create')}
            </Button>
          </>
        }
      />
      <BulkBar ids={selected} onDone={() => setSelected([])} />
      <DataTable<Party>
        tableKey="parties"
        endpoint={partiesEndpoint}
        exportEndpoint="/api/parties/export"
        columns={columns}
        rowKey={(p) => p.id}
        rowLabel={(p) => p.displayName}
        onOpen={(p) => void navigate(`/parties/${p.id}`)}
        defaultSort="-updatedAt"
        searchParam="q"
        selection={{ keys: selected, onChange: setSelected }}
        syncUrl
        data-testid="parties-table"
      />
      <CreatePartyModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(p) => void navigate(`/parties/${p.id}`)}
      />
    </div>
  );
}
