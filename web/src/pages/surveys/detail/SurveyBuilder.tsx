import {
  Alert,
  Button,
  Card,
  Col,
  ConfigProvider,
  DatePicker,
  Dropdown,
  Form,
  Input,
  Row,
  Space,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import { PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { questionTypes } from '@tandem/server/api';
import type { Survey } from '../../../api/types.ts';
import { FormError } from '../../../components/forms/FormError.tsx';
import { AudienceFields } from '../shared/AudienceFields/AudienceFields.tsx';
import {
  blankQuestion,
  gapPairs,
  questionsEditable,
  type BuilderValues,
  type QuestionDraft,
} from '../shared/builder.ts';
import { QuestionEditor } from './QuestionEditor/QuestionEditor.tsx';

interface Props {
  survey: Survey;
  form: FormInstance<BuilderValues>;
  onFinish: (values: BuilderValues) => void;
  formError: string | null;
  submitting: boolean;
  canManage: boolean;
  dirty: boolean;
  onDirty: () => void;
}

/** Gap surveys: which dimensions have both an expected and a perceived question, and what is missing. */
function GapSummary({ questions }: { questions: QuestionDraft[] }) {
  const { t } = useTranslation();
  const { pairs, problems } = gapPairs(questions);
  if (!pairs.length) {
    return <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('surveys.builder.gapNone')} />;
  }
  return (
    <Alert
      type={problems.length ? 'warning' : 'success'}
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="gap-summary"
      message={t('surveys.builder.gapPaired', {
        n: pairs.filter((p) => p.expected.length === 1 && p.perceived.length === 1).length,
        total: pairs.length,
      })}
      description={
        problems.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {problems.map((p) => (
              <li key={`${p.dimension}-${p.problem}`}>
                {t(`surveys.builder.gapProblems.${p.problem}`, { dimension: p.dimension })}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

/** The survey's form: texts in zh and en side by side, audience, dates, and the questions (while a draft). */
export function SurveyBuilder({ survey, form, onFinish, formError, submitting, canManage, dirty, onDirty }: Props) {
  const { t } = useTranslation();
  const frozen = !questionsEditable(survey) || !canManage;
  const questions = Form.useWatch<QuestionDraft[] | undefined>('questions', form) ?? [];
  const showGap = survey.kind === 'gap' || questions.some((q) => q.dimension);
  return (
    <Form<BuilderValues>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      onValuesChange={onDirty}
      disabled={!canManage}
      data-testid="survey-builder"
    >
      <FormError message={formError} />
      {survey.status !== 'draft' && canManage && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('surveys.builder.notDraft')} />
      )}
      <BasicsCard kind={survey.kind} frozen={frozen} />
      <Typography.Title level={5}>{t('surveys.builder.questions', { n: questions.length })}</Typography.Title>
      {showGap && <GapSummary questions={questions} />}
      <QuestionList frozen={frozen} showGap={showGap} />
      {canManage && (
        <Space
          style={{
            marginTop: 16,
            position: 'sticky',
            bottom: 0,
            background: '#f5f6f8',
            borderTop: '1px solid #e8e8e8',
            padding: '10px 0',
            width: '100%',
            zIndex: 2,
          }}
        >
          <Button
            type="primary"
            htmlType="submit"
            icon={<SaveOutlined />}
            loading={submitting}
            disabled={!dirty}
            data-testid="survey-save"
          >
            {survey.status === 'draft' ? t('surveys.builder.saveDraft') : t('common.save')}
          </Button>
          {dirty && <Typography.Text type="secondary">{t('surveys.builder.unsaved')}</Typography.Text>}
        </Space>
      )}
    </Form>
  );
}

/** Titles and descriptions in both languages, the open and close dates, and the audience. */
function BasicsCard({ kind, frozen }: { kind: Survey['kind']; frozen: boolean }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('surveys.builder.basics')} style={{ marginBottom: 16 }}>
      <Row gutter={8}>
        <Col xs={24} md={12}>
          <Form.Item
            name={['title', 'zh']}
            label={`${t('surveys.fields.title')} · 中文`}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <InputText lang="zh-CN" testId="builder-title-zh" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['title', 'en']}
            label={`${t('surveys.fields.title')} · English`}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <InputText lang="en" testId="builder-title-en" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['description', 'zh']} label={`${t('surveys.fields.description')} · 中文`}>
            <InputText lang="zh-CN" area />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['description', 'en']} label={`${t('surveys.fields.description')} · English`}>
            <InputText lang="en" area />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="opensAt" label={t('surveys.fields.opensAt')} extra={t('surveys.builder.opensAtHint')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="closesAt"
            label={t('surveys.fields.closesAt')}
            dependencies={['opensAt']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_r, v: BuilderValues['closesAt']) => {
                  const opens = getFieldValue('opensAt') as BuilderValues['opensAt'];
                  return !v || !opens || v.isAfter(opens)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('surveys.builder.closesAfterOpens')));
                },
              }),
            ]}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <AudienceFields kind={kind} frozen={frozen} />
    </Card>
  );
}

/** The questions in order, each editable while the survey is a draft, and "Add question" by type. */
function QuestionList({ frozen, showGap }: { frozen: boolean; showGap: boolean }) {
  const { t } = useTranslation();
  return (
    <ConfigProvider componentDisabled={frozen}>
      <Form.List name="questions">
        {(fields, { add, remove, move }) => (
          <>
            {fields.map((f, i) => (
              <QuestionEditor
                key={f.key}
                name={f.name}
                index={i}
                count={fields.length}
                frozen={frozen}
                showGap={showGap}
                onMove={(to) => move(i, to)}
                onRemove={() => remove(i)}
              />
            ))}
            {!frozen && (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: questionTypes.map((q) => ({
                    key: q,
                    label: <span data-testid={`add-question-${q}`}>{t(`surveys.questionTypes.${q}`)}</span>,
                    onClick: () => add(blankQuestion(q)),
                  })),
                }}
              >
                <Button type="dashed" block icon={<PlusOutlined />} data-testid="add-question">
                  {t('surveys.builder.addQuestion')}
                </Button>
              </Dropdown>
            )}
          </>
        )}
      </Form.List>
    </ConfigProvider>
  );
}

/** A zh or en text input with the language marked for screen readers and input methods. */
function InputText({
  lang,
  area,
  testId,
  ...rest
}: {
  lang: string;
  area?: boolean;
  testId?: string;
  value?: string;
  onChange?: (e: unknown) => void;
  disabled?: boolean;
}) {
  return area ? (
    <Input.TextArea lang={lang} maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} data-testid={testId} {...rest} />
  ) : (
    <Input lang={lang} maxLength={2000} data-testid={testId} {...rest} />
  );
}
