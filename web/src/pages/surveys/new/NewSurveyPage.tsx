import { useState } from 'react';
import { Button, Card, Col, Form, Input, Row, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { CreateSurvey, Survey, SurveyKind } from '../../../api/types.ts';
import { useMe } from '../../../auth/session.ts';
import { DetailLayout } from '../../../components/DetailLayout/DetailLayout.tsx';
import { useToast } from '../../../components/feedback/toast.tsx';
import { FormError } from '../../../components/forms/FormError.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useLanguages } from '../../../i18n/useLanguages.ts';
import { AudienceFields } from '../shared/AudienceFields/AudienceFields.tsx';
import { kindsFor, newSurveyDefaults, toAudience, type BuilderValues } from '../shared/builder.ts';
import { invalidateSurveys } from '../shared/api.ts';

type Values = Pick<BuilderValues, 'title' | 'audience' | 'anonymous' | 'minGroupSize'>;

/** `/feedback/surveys/new`: pick a template, name the survey, choose who answers; the server fills in the template's questions. */
export default function NewSurveyPage() {
  const { t, i18n } = useTranslation();
  const { user } = useMe();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const kinds = kindsFor(user.roles);
  const [kind, setKind] = useState<SurveyKind>('nps');
  const bothLanguages = useLanguages(['zh-CN', 'en']);
  const titleOf = (k: SurveyKind) => ({
    zh: i18n.getFixedT('zh-CN')(`surveys.templates.${k}.title`),
    en: i18n.getFixedT('en')(`surveys.templates.${k}.title`),
  });
  const [titleTouched, setTitleTouched] = useState(false);
  const create = useApiForm<Values, Survey>({
    submit: (v) =>
      api<Survey>('/api/surveys', {
        method: 'POST',
        body: {
          kind,
          title: { zh: v.title?.zh?.trim() ?? '', en: v.title?.en?.trim() ?? '' },
          audience: toAudience(v.audience),
          anonymous: v.anonymous,
          minGroupSize: v.minGroupSize,
        } satisfies CreateSurvey,
      }),
    onSuccess: (s) => {
      invalidateSurveys(queryClient);
      void toast.success(t('surveys.created'));
      void navigate(`/feedback/surveys/${s.id}`);
    },
  });
  const { form } = create;
  const pick = (k: SurveyKind) => {
    setKind(k);
    const d = newSurveyDefaults(k, titleOf(k));
    form.setFieldsValue({ audience: d.audience, anonymous: d.anonymous, ...(titleTouched ? {} : { title: d.title }) });
  };
  const required = { required: true, whitespace: true, message: t('validation.required') };
  // The titles are filled in both languages: wait for the other language's strings (a separate chunk).
  if (!bothLanguages) {
    return <PageLoading />;
  }

  return (
    <DetailLayout back={{ to: '/feedback/surveys', label: t('nav.surveys') }} title={t('surveys.create')}>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {t('surveys.new.subtitle')}
      </Typography.Paragraph>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('surveys.new.template')}
      </Typography.Title>
      <TemplatePicker kinds={kinds} value={kind} onPick={pick} />
      <Card size="small">
        <FormError message={create.formError} />
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={create.onFinish}
          initialValues={(() => {
            const d = newSurveyDefaults('nps', titleOf('nps'));
            return { title: d.title, audience: d.audience, anonymous: d.anonymous, minGroupSize: d.minGroupSize };
          })()}
          onValuesChange={(changed: Partial<Values>) => 'title' in changed && setTitleTouched(true)}
        >
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name={['title', 'zh']} label={t('surveys.fields.titleZh')} rules={[required]}>
                <Input maxLength={2000} lang="zh-CN" data-testid="survey-title-zh" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['title', 'en']} label={t('surveys.fields.titleEn')} rules={[required]}>
                <Input maxLength={2000} lang="en" data-testid="survey-title-en" />
              </Form.Item>
            </Col>
          </Row>
          <AudienceFields kind={kind} />
          <Button type="primary" htmlType="submit" loading={create.submitting} data-testid="survey-create">
            {t('surveys.new.createDraft')}
          </Button>
        </Form>
      </Card>
    </DetailLayout>
  );
}

/** The survey templates as radio cards: kind and what it measures. */
function TemplatePicker({
  kinds,
  value,
  onPick,
}: {
  kinds: SurveyKind[];
  value: SurveyKind;
  onPick: (kind: SurveyKind) => void;
}) {
  const { t } = useTranslation();
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 20 }} role="radiogroup" aria-label={t('surveys.new.template')}>
      {kinds.map((k) => (
        <Col key={k} xs={24} sm={12} lg={8} xl={6}>
          <Card
            hoverable
            size="small"
            role="radio"
            aria-checked={value === k}
            tabIndex={0}
            onClick={() => onPick(k)}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onPick(k))}
            style={{
              height: '100%',
              borderColor: value === k ? '#1668dc' : undefined,
              boxShadow: value === k ? '0 0 0 1px #1668dc' : undefined,
            }}
            data-testid={`template-${k}`}
          >
            <Typography.Text strong>
              {value === k && <CheckCircleFilled style={{ color: '#1668dc', marginInlineEnd: 6 }} aria-hidden />}
              {t(`surveys.kinds.${k}`)}
            </Typography.Text>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 13 }}>
              {t(`surveys.templates.${k}.summary`)}
            </Typography.Paragraph>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
