import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Flex, Form, Progress, Select, Space, Steps, Typography, Upload } from 'antd';
import { ArrowLeftOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { partyRoles } from '@tandem/server/api';
import type { ImportJob, ImportPreview, PartyRoleName } from '../../../api/types.ts';
import { isApiError } from '../../../api/errors.ts';
import { useMe } from '../../../auth/session.ts';
import { listKey } from '../../../components/DataTable/index.ts';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { ImportProgress } from '../shared/ImportProgress/ImportProgress.tsx';
import { ErrorTable, ImportCounts, ImportReport } from '../shared/ImportReport/ImportReport.tsx';
import { failuresOf } from '../shared/errorReport.ts';
import { fieldLabel } from '../shared/labels.tsx';
import {
  initialMapping,
  mappingProblems,
  setTarget,
  startBody,
  upsertKeyOptions,
  type ColumnMapping,
  type UpsertKey,
} from './mapping.ts';
import { formatBytes, isActive } from '../shared/progress.ts';
import { importableEntities, type ImportEntity } from '../shared/roles.ts';
import {
  encodingChoices,
  importsEndpoint,
  startImport,
  uploadImport,
  useImportErrors,
  useImportJob,
} from '../shared/api.ts';
import { invalidateParties } from '../../parties/shared/api.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { MappingTable } from './MappingTable.tsx';

type Step = 0 | 1 | 2 | 3 | 4;

/** Roles only HR and admins may give (the server answers 403 otherwise). */
const hrRoles: PartyRoleName[] = ['employee', 'candidate'];

/**
 * `/settings/imports/new`: upload → mapping with a preview → dry run → import with live progress →
 * report. A dry run is a separate job on a second upload of the same file (a job runs once), so the
 * job the user mapped stays ready for the real import.
 */
export default function NewImportPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const { describe } = useErrorMessage();
  const entities = importableEntities(me.user.roles);
  const [step, setStep] = useState<Step>(0);
  const [entity, setEntity] = useState<ImportEntity>(entities[0] ?? 'parties');
  const [role, setRole] = useState<PartyRoleName>('customer');
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [columns, setColumns] = useState<ColumnMapping[]>([]);
  const [upsertKey, setUpsertKey] = useState<UpsertKey | null>(null);
  const [uploadPct, setUploadPct] = useState<number | null>(null);
  const [dryJob, setDryJob] = useState<ImportJob | null>(null);
  const [realJob, setRealJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<{ title: string; detail?: string } | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const roleOptions = partyRoles
    .filter((r) => !hrRoles.includes(r) || me.user.roles.some((x) => x === 'admin' || x === 'hr'))
    .map((r) => ({ value: r, label: t(`parties.roles.${r}`) }));

  const upload = useMutation({
    mutationFn: (input: { file: File; encoding: string | null }) => {
      abort.current?.abort();
      abort.current = new AbortController();
      setUploadPct(0);
      return uploadImport(input.file, {
        entity,
        encoding: input.encoding,
        csrfToken: me.csrfToken ?? '',
        acceptLanguage: i18n.language,
        onProgress: (f) => setUploadPct(Math.round(f * 100)),
        signal: abort.current.signal,
      });
    },
  });

  const uploadErrorOf = (err: unknown) =>
    // The server's own words for a too-large file name the limit; other errors by their code.
    isApiError(err) && err.code === 'PAYLOAD_TOO_LARGE'
      ? { title: t('imports.upload.tooLarge'), detail: err.message }
      : { title: describe(err), detail: isApiError(err) && err.message !== describe(err) ? err.message : undefined };

  const readFile = async (f: File, enc: string | null) => {
    setError(null);
    try {
      const p = await upload.mutateAsync({ file: f, encoding: enc });
      setPreview(p);
      setColumns(initialMapping(p.job.headers, p.suggestedMapping));
      setUpsertKey(null);
      setDryJob(null);
      setStep(1);
    } catch (err) {
      if (!(err instanceof DOMException)) {
        setError(uploadErrorOf(err));
      }
    } finally {
      setUploadPct(null);
    }
  };

  const start = useMutation({
    mutationFn: async (dryRun: boolean) => {
      if (!preview || !file) {
        throw new Error('No upload');
      }
      const body = startBody(entity, columns, { dryRun, upsertKey, role });
      if (dryRun) {
        // A second upload of the same file: its job runs the dry run, the first one stays ready to import.
        const copy = await uploadImport(file, {
          entity,
          encoding,
          csrfToken: me.csrfToken ?? '',
          acceptLanguage: i18n.language,
        });
        return startImport(copy.job.id, body);
      }
      return startImport(preview.job.id, body);
    },
    onSuccess: (job, dryRun) => {
      void queryClient.invalidateQueries({ queryKey: listKey(importsEndpoint) });
      if (dryRun) {
        setDryJob(job);
      } else {
        setRealJob(job);
        setStep(3);
      }
    },
    onError: (err) =>
      setError({
        title: describe(err),
        detail: isApiError(err) && err.message !== describe(err) ? err.message : undefined,
      }),
  });

  const problems = useMemo(
    () => (preview ? mappingProblems(entity, preview.fields, columns) : { missing: [], doubled: [] }),
    [entity, preview, columns],
  );
  const keyOptions = upsertKeyOptions(entity, columns);

  const dry = useImportJob(dryJob?.id, dryJob ?? undefined);
  const real = useImportJob(realJob?.id, realJob ?? undefined);
  const dryDone = Boolean(dry.data && !isActive(dry.data.status));
  const dryErrors = useImportErrors(dry.data?.id, dryDone);

  // The import finished: parties lists show the new rows; the report follows.
  const realStatus = real.data?.status;
  useEffect(() => {
    if (step === 3 && realStatus && !isActive(realStatus) && realStatus !== 'uploaded') {
      invalidateParties(queryClient);
      void queryClient.invalidateQueries({ queryKey: listKey(importsEndpoint) });
    }
  }, [step, realStatus, queryClient]);

  const goDryRun = () => {
    setError(null);
    setStep(2);
    setDryJob(null);
    start.mutate(true);
  };

  const stepItems = ['upload', 'mapping', 'dryRun', 'import', 'report'].map((k) => ({
    key: k,
    title: t(`imports.steps.${k}`),
  }));

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
      <Steps current={step} items={stepItems} style={{ marginBottom: 24 }} data-testid="import-steps" />
      {error && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setError(null)}
          message={error.title}
          description={error.detail}
          style={{ marginBottom: 16 }}
          data-testid="import-error"
        />
      )}

      {step === 0 && (
        <Card>
          <Form layout="vertical" style={{ maxWidth: 640 }}>
            <Form.Item label={t('imports.entity')}>
              <Select
                value={entity}
                onChange={setEntity}
                options={entities.map((e) => ({ value: e, label: t(`imports.entities.${e}`) }))}
                data-testid="import-entity"
              />
            </Form.Item>
            {entity === 'parties' && (
              <Form.Item label={t('imports.defaultRole')} extra={t('imports.defaultRoleHint')}>
                <Select value={role} onChange={setRole} options={roleOptions} data-testid="import-role" />
              </Form.Item>
            )}
            <Form.Item label={t('imports.upload.label')} extra={t('imports.upload.limit')}>
              <Upload.Dragger
                accept=".csv,.txt,.xlsx"
                multiple={false}
                showUploadList={false}
                disabled={upload.isPending}
                beforeUpload={(f) => {
                  setFile(f);
                  setEncoding(null);
                  void readFile(f, null);
                  return false;
                }}
                data-testid="import-file"
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{t('imports.upload.drop')}</p>
                <p className="ant-upload-hint">{t('imports.upload.hint')}</p>
              </Upload.Dragger>
            </Form.Item>
            {uploadPct !== null && (
              <Flex vertical gap={4} data-testid="upload-progress">
                <Typography.Text>{t('imports.upload.sending', { name: file?.name ?? '' })}</Typography.Text>
                <Progress percent={uploadPct} status="active" />
              </Flex>
            )}
          </Form>
        </Card>
      )}

      {step === 1 && preview && (
        <Card>
          <Flex vertical gap={16}>
            <Flex wrap gap={24} align="flex-end">
              <Space direction="vertical" size={0}>
                <Typography.Text type="secondary">{t('imports.file')}</Typography.Text>
                <Typography.Text strong data-testid="import-file-name">
                  {preview.job.fileName} · {formatBytes(preview.job.fileSize, format.locale)}
                </Typography.Text>
              </Space>
              <Space direction="vertical" size={0}>
                <Typography.Text type="secondary">{t('imports.detected')}</Typography.Text>
                <Typography.Text data-testid="import-detected">
                  {preview.job.format === 'xlsx'
                    ? t('imports.xlsx')
                    : t('imports.csvDetected', {
                        encoding: preview.job.encoding ?? '?',
                        delimiter: preview.job.delimiter === '\t' ? t('imports.tab') : (preview.job.delimiter ?? '?'),
                      })}
                </Typography.Text>
              </Space>
              {preview.job.format === 'csv' && (
                <Space direction="vertical" size={0}>
                  <Typography.Text type="secondary">{t('imports.encoding')}</Typography.Text>
                  <Select
                    style={{ width: 200 }}
                    value={encoding ?? ''}
                    disabled={upload.isPending}
                    loading={upload.isPending}
                    onChange={(v: string) => {
                      const enc = v || null;
                      setEncoding(enc);
                      if (file) {
                        void readFile(file, enc);
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
              {keyOptions.length > 0 && (
                <Space direction="vertical" size={0}>
                  <Typography.Text type="secondary">{t('imports.upsertKey')}</Typography.Text>
                  <Select
                    style={{ width: 240 }}
                    value={upsertKey ?? ''}
                    onChange={(v: string) => setUpsertKey((v || null) as UpsertKey | null)}
                    options={[
                      { value: '', label: t('imports.upsertNone') },
                      ...keyOptions.map((k) => ({ value: k, label: t(`imports.upsertKeys.${k}`) })),
                    ]}
                    data-testid="import-upsert-key"
                  />
                </Space>
              )}
            </Flex>
            <Typography.Text type="secondary">
              {t('imports.mappingHint', { count: preview.sample.length })}
            </Typography.Text>
            <MappingTable
              preview={preview}
              columns={columns}
              onChange={(header, target) => setColumns((c) => setTarget(c, header, target))}
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
              <Alert
                type="warning"
                showIcon
                message={t('imports.doubleMapped', { fields: problems.doubled.join(', ') })}
              />
            )}
            {preview.fields.length === 0 && <Alert type="info" showIcon message={t('imports.noFields')} />}
            <Flex justify="space-between">
              <Button onClick={() => setStep(0)}>{t('imports.back')}</Button>
              <Button
                type="primary"
                disabled={problems.missing.length > 0 || problems.doubled.length > 0}
                onClick={goDryRun}
                data-testid="import-dry-run"
              >
                {t('imports.runDryRun')}
              </Button>
            </Flex>
          </Flex>
        </Card>
      )}

      {step === 2 && (
        <Card>
          <Flex vertical gap={16} data-testid="dry-run">
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('imports.dryRunHint')}
            </Typography.Paragraph>
            {start.isPending && !dry.data && <Progress percent={0} status="active" />}
            {dry.data && !dryDone && <ImportProgress job={dry.data} />}
            {dry.data && dryDone && (
              <>
                <ImportCounts job={dry.data} />
                {dry.data.status === 'failed' && (
                  <Alert type="error" showIcon message={t('imports.report.failed')} description={dry.data.message} />
                )}
                {dryErrors.data && failuresOf(dryErrors.data).length > 0 && (
                  <ErrorTable rows={failuresOf(dryErrors.data)} total={failuresOf(dryErrors.data).length} />
                )}
                {dryErrors.data && failuresOf(dryErrors.data).length === 0 && (
                  <Alert type="success" showIcon message={t('imports.dryRunClean')} />
                )}
              </>
            )}
            <Flex justify="space-between">
              <Button onClick={() => setStep(1)} disabled={start.isPending}>
                {t('imports.backToMapping')}
              </Button>
              <Button
                type="primary"
                disabled={!dryDone || start.isPending}
                loading={start.isPending && dryDone}
                onClick={() => start.mutate(false)}
                data-testid="import-start"
              >
                {t('imports.startImport')}
              </Button>
            </Flex>
          </Flex>
        </Card>
      )}

      {step === 3 && real.data && (
        <Card>
          <Flex vertical gap={16}>
            <ImportProgress job={real.data} />
            <Flex justify="space-between">
              <Typography.Text type="secondary">
                {isActive(real.data.status) ? t('imports.leaveHint') : ''}
              </Typography.Text>
              <Button
                type="primary"
                disabled={isActive(real.data.status)}
                onClick={() => setStep(4)}
                data-testid="import-see-report"
              >
                {t('imports.seeReport')}
              </Button>
            </Flex>
          </Flex>
        </Card>
      )}

      {step === 4 && real.data && (
        <Card>
          <ImportReport job={real.data} />
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
      )}
    </div>
  );
}
