import { useMemo } from 'react';
import { Button, Space, Tag, Typography } from 'antd';
import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { surveyStatuses } from '@tandem/server/api';
import type { Survey } from '../../../api/types.ts';
import { useMe } from '../../../auth/session.ts';
import { DataTable, type DataColumn } from '../../../components/DataTable/index.ts';
import { langOf, localized } from '../shared/answers.ts';
import { mayManageSurveys } from '../shared/builder.ts';
import { AudienceLabel, StatusTag } from '../shared/labels.tsx';
import { surveysEndpoint } from '../shared/api.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';

/** `/feedback/surveys`: every survey the user may see, newest change first. */
export default function SurveysPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { user } = useMe();
  const lang = langOf(i18n.language);
  const columns = useMemo<DataColumn<Survey>[]>(
    () => [
      {
        key: 'title',
        title: t('surveys.fields.title'),
        render: (s) => (
          <Space size={6}>
            <Typography.Text strong>{localized(s.title, lang)}</Typography.Text>
            {s.anonymous && (
              <LockOutlined aria-label={t('surveys.fields.anonymous')} title={t('surveys.fields.anonymous')} />
            )}
          </Space>
        ),
      },
      { key: 'kind', title: t('surveys.fields.kind'), render: (s) => <Tag>{t(`surveys.kinds.${s.kind}`)}</Tag> },
      {
        key: 'status',
        title: t('surveys.fields.status'),
        filter: {
          type: 'select',
          options: surveyStatuses.map((s) => ({ value: s, label: t(`surveys.statuses.${s}`) })),
        },
        render: (s) => <StatusTag status={s.status} />,
      },
      { key: 'audience', title: t('surveys.fields.audience'), render: (s) => <AudienceLabel audience={s.audience} /> },
      {
        key: 'questions',
        title: t('surveys.fields.questionCount'),
        align: 'right',
        render: (s) => format.number(s.questions.length),
      },
      { key: 'opensAt', title: t('surveys.fields.opensAt'), render: (s) => format.dateTime(s.opensAt) || '—' },
      { key: 'closesAt', title: t('surveys.fields.closesAt'), render: (s) => format.dateTime(s.closesAt) || '—' },
      { key: 'updatedAt', title: t('common.updatedAt'), render: (s) => format.dateTime(s.updatedAt) },
    ],
    [t, lang, format],
  );
  return (
    <div data-testid="surveys-page">
      <PageHeader
        title={t('nav.surveys')}
        description={t('surveys.description')}
        actions={
          mayManageSurveys(user.roles) && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate('/feedback/surveys/new')}
              data-testid="survey-new"
            >
              {t('surveys.create')}
            </Button>
          )
        }
      />
      <DataTable<Survey>
        tableKey="surveys"
        endpoint={surveysEndpoint}
        columns={columns}
        rowKey={(s) => s.id}
        rowLabel={(s) => localized(s.title, lang)}
        onOpen={(s) => void navigate(`/feedback/surveys/${s.id}`)}
        syncUrl
        data-testid="surveys-table"
      />
    </div>
  );
}
