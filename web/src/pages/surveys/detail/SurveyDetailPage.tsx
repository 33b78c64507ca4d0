import { Tabs } from 'antd';
import type { TFunction } from 'i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Survey } from '../../../api/types.ts';
import { useMe } from '../../../auth/session.ts';
import { DetailLayout } from '../../../components/DetailLayout/DetailLayout.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { VersionConflictModal, type ConflictField } from '../../../components/feedback/VersionConflictModal.tsx';
import { langOf, localized } from '../shared/answers.ts';
import { mayManageSurveys, toUpdatePayload, type Lang } from '../shared/builder.ts';
import { AudienceLabel, StatusTag } from '../shared/labels.tsx';
import { InvitePanel } from './InvitePanel.tsx';
import { PreviewPanel } from './PreviewPanel.tsx';
import { ResultsPanel } from './ResultsPanel/ResultsPanel.tsx';
import { StatusAction } from './StatusAction.tsx';
import { SurveyBuilder } from './SurveyBuilder.tsx';
import { useSurveyEditor } from './useSurveyEditor.ts';

const tabs = ['edit', 'preview', 'invite', 'results'] as const;
type Tab = (typeof tabs)[number];

const conflictFieldsOf = (t: TFunction, lang: Lang): ConflictField[] => [
  { name: 'title', label: t('surveys.fields.title'), format: (v) => localized(v as Survey['title'], lang) },
  {
    name: 'questions',
    label: t('surveys.fields.questionCount'),
    format: (v) => String(Array.isArray(v) ? v.length : 0),
  },
  { name: 'minGroupSize', label: t('surveys.fields.minGroupSize') },
  { name: 'status', label: t('surveys.fields.status'), format: (v) => t(`surveys.statuses.${String(v)}`) },
];

/** `/feedback/surveys/:id`: build (while a draft), preview, invite and read results. */
export default function SurveyDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { user } = useMe();
  const { survey, form, save, dirty, markDirty, reload } = useSurveyEditor(id);
  const canManage = mayManageSurveys(user.roles);
  const [search, setSearch] = useSearchParams();
  const requested = search.get('tab') as Tab | null;

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
  const tabLabel = (key: Tab, text: string) => <span data-testid={`tab-${key}`}>{text}</span>;

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
      actions={
        canManage && next ? (
          <StatusAction survey={s} next={next} dirty={dirty} onRefused={() => void survey.refetch()} />
        ) : null
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setSearch({ tab: k }, { replace: true })}
        items={[
          {
            key: 'edit',
            label: tabLabel(
              'edit',
              canManage && s.status === 'draft' ? t('surveys.tabs.edit') : t('surveys.tabs.settings'),
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
                onDirty={markDirty}
              />
            ),
          },
          {
            key: 'preview',
            label: tabLabel('preview', t('surveys.tabs.preview')),
            children: <PreviewPanel survey={s} form={form} />,
          },
          ...(canManage
            ? [
                {
                  key: 'invite',
                  label: tabLabel('invite', t('surveys.tabs.invite')),
                  children: <InvitePanel survey={s} />,
                },
              ]
            : []),
          {
            key: 'results',
            label: tabLabel('results', t('surveys.tabs.results')),
            children: tab === 'results' ? <ResultsPanel survey={s} /> : null,
          },
        ]}
      />
      <VersionConflictModal
        open={save.conflict !== null}
        fields={conflictFieldsOf(t, lang)}
        mine={save.conflict ? toUpdatePayload(save.conflict, s) : {}}
        current={survey.isFetching ? undefined : s}
        onCancel={save.clearConflict}
        onReload={() => reload(s)}
      />
    </DetailLayout>
  );
}
