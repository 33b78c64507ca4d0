import { Alert, Button, Card, Flex, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../api/types.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { encodingChoices } from '../shared/api.ts';
import { fieldLabel } from '../shared/labels.tsx';
import { formatBytes } from '../shared/progress.ts';
import type { UpsertKey } from './mapping.ts';
import { MappingTable } from './MappingTable.tsx';
import type { ImportWizard } from './useImportWizard.ts';

/** Step 2: what was detected in the file, the encoding and upsert key, and one target per column. */
export function MappingStep({ wizard, preview }: { wizard: ImportWizard; preview: ImportPreview }) {
  const { t, i18n } = useTranslation();
  const { state, dispatch, problems } = wizard;
  return (
    <Card>
      <Flex vertical gap={16}>
        <FileFacts wizard={wizard} preview={preview} />
        <Typography.Text type="secondary">{t('imports.mappingHint', { count: preview.sample.length })}</Typography.Text>
        <MappingTable
          preview={preview}
          columns={state.columns}
          onChange={(header, target) => dispatch({ type: 'map', header, target })}
          missing={problems.missing}
          doubled={problems.doubled}
        />
        {problems.missing.length > 0 && (
          <Alert
            type="warning"
            showIcon
            message={t('imports.requiredMissing')}
            description={problems.missing.map((g) => g.map((k) => fieldLabel(k, t, i18n)).join(' / ')).join('; ')}
            data-testid="mapping-missing"
          />
        )}
        {problems.doubled.length > 0 && (
          <Alert type="warning" showIcon message={t('imports.doubleMapped', { fields: problems.doubled.join(', ') })} />
        )}
        {preview.fields.length === 0 && <Alert type="info" showIcon message={t('imports.noFields')} />}
        <Flex justify="space-between">
          <Button onClick={() => dispatch({ type: 'goTo', step: 0 })}>{t('imports.back')}</Button>
          <Button
            type="primary"
            disabled={problems.missing.length > 0 || problems.doubled.length > 0}
            onClick={wizard.dryRun}
            data-testid="import-dry-run"
          >
            {t('imports.runDryRun')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}

/** File name and size, the detected format, a forced encoding (CSV) and the upsert key. */
function FileFacts({ wizard, preview }: { wizard: ImportWizard; preview: ImportPreview }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { state, dispatch } = wizard;
  const { job } = preview;
  return (
    <Flex wrap gap={24} align="flex-end">
      <Space direction="vertical" size={0}>
        <Typography.Text type="secondary">{t('imports.file')}</Typography.Text>
        <Typography.Text strong data-testid="import-file-name">
          {job.fileName} · {formatBytes(job.fileSize, format.locale)}
        </Typography.Text>
      </Space>
      <Space direction="vertical" size={0}>
        <Typography.Text type="secondary">{t('imports.detected')}</Typography.Text>
        <Typography.Text data-testid="import-detected">
          {job.format === 'xlsx'
            ? t('imports.xlsx')
            : t('imports.csvDetected', {
                encoding: job.encoding ?? '?',
                delimiter: job.delimiter === '\t' ? t('imports.tab') : (job.delimiter ?? '?'),
              })}
        </Typography.Text>
      </Space>
      {job.format === 'csv' && (
        <Space direction="vertical" size={0}>
          <Typography.Text type="secondary">{t('imports.encoding')}</Typography.Text>
          <Select
            style={{ width: 200 }}
            value={state.encoding ?? ''}
            disabled={wizard.uploading}
            loading={wizard.uploading}
            onChange={(v: string) => {
              const encoding = v || null;
              dispatch({ type: 'encoding', encoding });
              if (state.file) {
                void wizard.readFile(state.file, encoding);
              }
            }}
            options={[
              { value: '', label: t('imports.encodingAuto') },
              ...encodingChoices.map((e) => ({ value: e, label: t(`imports.encodings.${e}`) })),
            ]}
            data-testid="import-encoding"
          />
        </Space>
      )}
      {wizard.keyOptions.length > 0 && (
        <Space direction="vertical" size={0}>
          <Typography.Text type="secondary">{t('imports.upsertKey')}</Typography.Text>
          <Select
            style={{ width: 240 }}
            value={state.upsertKey ?? ''}
            onChange={(v: string) => dispatch({ type: 'upsertKey', upsertKey: (v || null) as UpsertKey | null })}
            options={[
              { value: '', label: t('imports.upsertNone') },
              ...wizard.keyOptions.map((k) => ({ value: k, label: t(`imports.upsertKeys.${k}`) })),
            ]}
            data-testid="import-upsert-key"
          />
        </Space>
      )}
    </Flex>
  );
}
