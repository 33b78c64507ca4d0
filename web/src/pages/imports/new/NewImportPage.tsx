import { Alert, Button, Steps } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { DryRunStep } from './DryRunStep.tsx';
import { ImportStep } from './ImportStep.tsx';
import { MappingStep } from './MappingStep.tsx';
import { ReportStep } from './ReportStep.tsx';
import { UploadStep } from './UploadStep.tsx';
import { useImportWizard } from './useImportWizard.ts';

const steps = ['upload', 'mapping', 'dryRun', 'import', 'report'] as const;

/**
 * `/settings/imports/new`: upload → mapping with a preview → dry run → import with live progress →
 * report. A dry run is a separate job on a second upload of the same file (a job runs once), so the
 * job the user mapped stays ready for the real import.
 */
export default function NewImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const wizard = useImportWizard();
  const { state, dispatch } = wizard;
  return (
    <div data-testid="import-wizard">
      <PageHeader
        title={t('imports.newTitle')}
        description={t('imports.newDescription')}
        actions={
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/settings/imports')}>
            {t('imports.backToList')}
          </Button>
        }
      />
      <Steps
        current={state.step}
        items={steps.map((k) => ({ key: k, title: t(`imports.steps.${k}`) }))}
        style={{ marginBottom: 24 }}
        data-testid="import-steps"
      />
      {state.error && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => dispatch({ type: 'error', error: null })}
          message={state.error.title}
          description={state.error.detail}
          style={{ marginBottom: 16 }}
          data-testid="import-error"
        />
      )}
      {state.step === 0 && <UploadStep wizard={wizard} />}
      {state.step === 1 && state.preview && <MappingStep wizard={wizard} preview={state.preview} />}
      {state.step === 2 && <DryRunStep wizard={wizard} />}
      {state.step === 3 && wizard.real && (
        <ImportStep job={wizard.real} onReport={() => dispatch({ type: 'goTo', step: 4 })} />
      )}
      {state.step === 4 && wizard.real && <ReportStep job={wizard.real} entity={state.entity} role={state.role} />}
    </div>
  );
}
