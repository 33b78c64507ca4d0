import { useState, type ReactNode } from 'react';
import { Button, Space, Tabs, Tag } from 'antd';
import { useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { DetailLayout } from '../../../components/DetailLayout/DetailLayout.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { StageTag } from '../../parties/shared/labels.tsx';
import { PartyTimeline } from '../../parties/shared/PartyTimeline/PartyTimeline.tsx';
import { useEmployeeFile } from '../shared/api.ts';
import type { EmployeeFile } from '../shared/types.ts';
import { AppraisalsTab } from './AppraisalsTab.tsx';
import { ContractTab } from './ContractTab.tsx';
import { ConversationsTab } from './ConversationsTab.tsx';
import { ExitInterviewModal } from './ExitInterviewModal.tsx';
import { IncentivesTab } from './IncentivesTab.tsx';
import { PayTab } from './PayTab.tsx';
import { ProfileTab } from './ProfileTab.tsx';
import { SeparationModal } from './SeparationModal.tsx';
import { StagePhaseModal } from './StagePhaseModal.tsx';
import { TrainingTab } from './TrainingTab.tsx';

type Dialog = 'stage' | 'separation' | 'interview' | null;

/** `/people/employees/:id`: the employee file, in tabs; what the reader may change depends on their relation. */
export default function EmployeePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const file = useEmployeeFile(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [search, setSearch] = useSearchParams();

  if (file.isPending) {
    return <PageLoading />;
  }
  if (file.isError) {
    return <QueryError error={file.error} onRetry={() => void file.refetch()} fullPage />;
  }
  const f = file.data;
  const hr = f.relation === 'hr';
  const tab = search.get('tab') ?? 'profile';

  return (
    <div data-testid="employee-page">
      <DetailLayout
        title={f.displayName}
        subtitle={f.jobTitle ?? undefined}
        back={{ to: '/people/directory', label: t('nav.peopleDirectory') }}
        tags={<Tags file={f} />}
        actions={hr ? <Actions file={f} onOpen={setDialog} /> : undefined}
      >
        <Tabs
          activeKey={tab}
          onChange={(key) => setSearch({ tab: key }, { replace: true })}
          data-testid="employee-tabs"
          items={tabs(f, t)}
        />
      </DetailLayout>
      {dialog === 'stage' && <StagePhaseModal file={f} onClose={() => setDialog(null)} />}
      {dialog === 'separation' && <SeparationModal file={f} onClose={() => setDialog(null)} />}
      {dialog === 'interview' && <ExitInterviewModal file={f} onClose={() => setDialog(null)} />}
    </div>
  );
}

function tabs(f: EmployeeFile, t: (key: string) => string) {
  const item = (key: string, children: ReactNode) => ({
    key,
    label: <span data-testid={`employee-tab-${key}`}>{t(`people.tabs.${key}`)}</span>,
    children,
  });
  return [
    item('profile', <ProfileTab file={f} />),
    item('pay', <PayTab file={f} />),
    item('contract', <ContractTab file={f} />),
    item('incentives', <IncentivesTab file={f} />),
    item('appraisals', <AppraisalsTab file={f} />),
    item('conversations', <ConversationsTab file={f} />),
    item('training', <TrainingTab file={f} />),
    item('timeline', <PartyTimeline partyId={f.partyId} />),
  ];
}

function Tags({ file }: { file: EmployeeFile }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <StageTag stage={file.stage} />
      {file.phase && <Tag data-testid="phase-tag">{t(`parties.phases.${file.phase}`)}</Tag>}
      {file.exit && <Tag color="default">{t(`people.exitTypes.${file.exit.exitType}`)}</Tag>}
    </Space>
  );
}

function Actions({ file, onOpen }: { file: EmployeeFile; onOpen: (d: Dialog) => void }) {
  const { t } = useTranslation();
  const leaving = ['departing', 'alumni'].includes(file.stage);
  return (
    <>
      <Button onClick={() => onOpen('stage')} data-testid="employee-stage">
        {t('people.stage.action')}
      </Button>
      {!file.exit && (
        <Button danger onClick={() => onOpen('separation')} data-testid="employee-separate">
          {t('people.separation.action')}
        </Button>
      )}
      {leaving && (
        <Button onClick={() => onOpen('interview')} data-testid="employee-exit-interview">
          {t('people.exitInterview.action')}
        </Button>
      )}
    </>
  );
}
