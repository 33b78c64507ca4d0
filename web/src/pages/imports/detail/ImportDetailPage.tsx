import { Button, Card, Descriptions, Flex } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { UserName } from '../../../components/UserName/UserName.tsx';
import { ImportProgress } from '../shared/ImportProgress/ImportProgress.tsx';
import { ImportReport } from '../shared/ImportReport/ImportReport.tsx';
import { fieldLabel } from '../shared/labels.tsx';
import { formatBytes, isActive } from '../shared/progress.ts';
import { useImportJob } from '../shared/api.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';

/** `/settings/imports/:id`: one import — live progress while it runs, then its report. */
export default function ImportDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const job = useImportJob(id);
  if (job.error) {
    return <QueryError error={job.error} onRetry={() => void job.refetch()} />;
  }
  if (!job.data) {
    return <PageLoading />;
  }
  const j = job.data;
  const mapped = Object.entries(j.mapping).filter(([, v]) => v);
  return (
    <div data-testid="import-detail">
      <PageHeader
        title={j.fileName}
        description={t('imports.detailDescription', { entity: t(`imports.entities.${j.entity}`) })}
        actions={
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/settings/imports')}>
            {t('imports.backToList')}
          </Button>
        }
      />
      <Flex vertical gap={16}>
        <Card>
          {isActive(j.status) || j.status === 'uploaded' ? <ImportProgress job={j} /> : <ImportReport job={j} />}
        </Card>
        <Card size="small" title={t('imports.details')}>
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('imports.file')}>
              {j.fileName} · {formatBytes(j.fileSize, format.locale)}
            </Descriptions.Item>
            <Descriptions.Item label={t('imports.detected')}>
              {j.format === 'xlsx'
                ? t('imports.xlsx')
                : t('imports.csvDetected', {
                    encoding: j.encoding ?? '?',
                    delimiter: j.delimiter === '\t' ? t('imports.tab') : (j.delimiter ?? '?'),
                  })}
            </Descriptions.Item>
            <Descriptions.Item label={t('imports.who')}>
              <UserName id={j.createdBy} />
            </Descriptions.Item>
            <Descriptions.Item label={t('imports.when')}>{format.dateTime(j.createdAt)}</Descriptions.Item>
            {j.options.upsertKey && (
              <Descriptions.Item label={t('imports.upsertKey')}>
                {t(`imports.upsertKeys.${j.options.upsertKey}`)}
              </Descriptions.Item>
            )}
            {j.options.role && (
              <Descriptions.Item label={t('imports.defaultRole')}>
                {t(`parties.roles.${j.options.role}`)}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('imports.mappingLabel')} span={2}>
              {mapped.map(([h, f]) => `${h} → ${fieldLabel(f ?? '', t, i18n)}`).join(' · ') || '—'}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Flex>
    </div>
  );
}
