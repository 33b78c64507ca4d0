import { useEffect, useEffectEvent, useState } from 'react';
import { Button, Form, Popconfirm, Tabs, Tooltip } from 'antd';
import { PlayCircleOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { Survey, SurveyStatus } from '../../../api/types.ts';
import { useMe } from '../../../auth/session.ts';
import { DetailLayout } from '../../../components/DetailLayout/DetailLayout.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useToast } from '../../../components/feedback/toast.tsx';
import { VersionConflictModal, type ConflictField } from '../../../components/feedback/VersionConflictModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { langOf, localized } from '../shared/answers.ts';
import { mayManageSurveys, toUpdatePayload, valuesFromSurvey, type BuilderValues } from '../shared/builder.ts';
import { AudienceLabel, StatusTag } from '../shared/labels.tsx';
import { invalidateSurveys, surveyKey, useSurvey } from '../shared/api.ts';
import { InvitePanel } from './InvitePanel.tsx';
import { PreviewPanel } from './PreviewPanel.tsx';
import { ResultsPanel } from './ResultsPanel/ResultsPanel.tsx';
import { SurveyBuilder } from './SurveyBuilder.tsx';

const tabs = ['edit', 'preview', 'invite', 'results'] as const;
type Tab = (typeof tabs)[number];

/** `/feedback/surveys/:id`: build (while a draft), preview, invite and read results. */
export default function SurveyDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { user } = useMe();
  const toast = useToast();
  const { notify } = useErrorMessage();
  const queryClient = useQueryClient();
  const survey = useSurvey(id);
  const canManage = mayManageSurveys(user.roles);
  const [search, setSearch] = useSearchParams();
  const requested = search.get('tab') as Tab | null;
  const [dirty, setDirty] = useState(false);
  const [form] = Form.useForm<BuilderValues>();

  const save = useApiForm<BuilderValues, Survey>({
    form,
    submit: (values) => {
      const s = survey.data;
      if (!s) {
        return Promise.reject(new Error('no survey'));
      }
      return api<Survey>(`/api/surveys/${s.id}`, { method: 'PATCH', body: toUpdatePayload(values, s) });
    },
    onSuccess: (s) => {
      queryClient.setQueryData(surveyKey(s.id), s);
      invalidateSurveys(queryClient, s.id);
      form.setFieldsValue(valuesFromSurvey(s));
      setDirty(false);
      void toast.success(t('common.saved'));
    },
    onConflict: () => void survey.refetch(),
  });

  // Fill the form from the server when another version arrives, but never over the user's unsaved edits.
  const fill = useEffectEvent(() => {
    if (survey.data && !dirty) {
      form.setFieldsValue(valuesFromSurvey(survey.data));
    }
  });
  const shownVersion = survey.data && `${survey.data.id}@${survey.data.version}`;
  useEffect(() => fill(), [shownVersion]);

  const move = useMutation({
    mutationFn: (status: SurveyStatus) =>
      api<Survey>(`/api/surveys/${id}`, { method: 'PATCH', body: { status, version: survey.data?.version } }),
    onSuccess: (s) => {
      queryClient.setQueryData(surveyKey(s.id), s);
      invalidateSurveys(queryClient, s.id);
      void toast.success(t(`surveys.moved.${s.status}`));
    },
    onError: (error) => {
      notify(error);
      void survey.refetch();
    },
  });

  if (survey.isPending) {
    return <PageLoading />;
  }
  if (survey.error) {
    return <QueryError error={survey.error} onRetry={() => void survey.refetch()} fullPage />;
  }
  const s = survey.data;
  const lang = langOf(i18n.language);
  const tab: Tab =
    requested && tabs.includes(requested) ? requested : s.status === 'draft' && canManage ? 'edit' : 'results';
  const next = s.legalNextStatuses[0];

  const actions =
    canManage && next ? (
      <Popconfirm
        title={t(`surveys.confirm.${next}`)}
        description={t(`surveys.confirm.${next}Hint`)}
        onConfirm={() => move.mutate(next)}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'survey-status-confirm' }}
      >
        <Tooltip title={dirty ? t('surveys.builder.saveFirst') : undefined}>
          <Button
            type={next === 'open' ? 'primary' : 'default'}
            danger={next === 'closed'}
            icon={next === 'open' ? <PlayCircleOutlined /> : <StopOutlined />}
            loading={move.isPending}
            disabled={dirty}
            data-testid={`survey-${next === 'open' ? 'open' : 'close'}`}
          >
            {t(`surveys.actions.${next}`)}
          </Button>
        </Tooltip>
      </Popconfirm>
    ) : null;

  const conflictFields: ConflictField[] = [
    { name: 'title', label: t('surveys.fields.title'), format: (v) => localized(v as Survey['title'], lang) },
    {
      name: 'questions',
      label: t('surveys.fields.questionCount'),
      format: (v) => String(Array.isArray(v) ? v.length : 0),
    },
    { name: 'minGroupSize', label: t('surveys.fields.minGroupSize') },
    { name: 'status', label: t('surveys.fields.status'), format: (v) => t(`surveys.statuses.${String(v)}`) },
  ];

  return (
    <DetailLayout
      back={{ to: '/feedback/surveys', label: t('nav.surveys') }}
      title={<span data-testid="survey-title-heading">{localized(s.title, lang)}</span>}
      subtitle={
        <>
          {t(`surveys.kinds.${s.kind}`)} · <AudienceLabel audience={s.audience} />
          {s.anonymous ? ` · ${t('surveys.fields.anonymous')}` : ''}
        </>
      }
      tags={<StatusTag status={s.status} />}
      actions={actions}
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setSearch({ tab: k }, { replace: true })}
        items={[
          {
            key: 'edit',
            label: (
              <span data-testid="tab-edit">
                {canManage && s.status === 'draft' ? t('surveys.tabs.edit') : t('surveys.tabs.settings')}
              </span>
            ),
            forceRender: true,
            children: (
              <SurveyBuilder
                survey={s}
                form={form}
                onFinish={save.onFinish}
                formError={save.formError}
                submitting={save.submitting}
                canManage={canManage}
                dirty={dirty}
                onDirty={() => setDirty(true)}
              />
            ),
          },
          {
            key: 'preview',
            label: <span data-testid="tab-preview">{t('surveys.tabs.preview')}</span>,
            children: <PreviewPanel survey={s} form={form} />,
          },
          ...(canManage
            ? [
                {
                  key: 'invite',
                  label: <span data-testid="tab-invite">{t('surveys.tabs.invite')}</span>,
                  children: <InvitePanel survey={s} />,
                },
              ]
            : []),
          {
            key: 'results',
            label: <span data-testid="tab-results">{t('surveys.tabs.results')}</span>,
            children: tab === 'results' ? <ResultsPanel survey={s} /> : null,
          },
        ]}
      />
      <VersionConflictModal
        open={save.conflict !== null}
        fields={conflictFields}
        mine={save.conflict ? toUpdatePayload(save.conflict, s) : {}}
        current={survey.isFetching ? undefined : s}
        onCancel={save.clearConflict}
        onReload={() => {
          form.setFieldsValue(valuesFromSurvey(s));
          setDirty(false);
          save.clearConflict();
        }}
      />
    </DetailLayout>
  );
}
