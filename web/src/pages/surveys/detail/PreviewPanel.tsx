import { useState } from 'react';
import { Alert, Form, Segmented, Space } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Survey } from '../../../api/types.ts';
import { langOf } from '../shared/answers.ts';
import { previewQuestions, type BuilderValues, type Lang } from '../shared/builder.ts';
import { SurveyResponder } from '../shared/SurveyResponder/SurveyResponder.tsx';

/** The survey exactly as the public page renders it (with unsaved edits), in either language. */
export function PreviewPanel({ survey, form }: { survey: Survey; form: FormInstance<BuilderValues> }) {
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useState<Lang>(langOf(i18n.language));
  const [width, setWidth] = useState<'phone' | 'desktop'>('phone');
  const values = Form.useWatch([], { form, preserve: true }) as BuilderValues | undefined;
  const questions = previewQuestions(values?.questions ?? []);
  const preview = {
    title: { zh: values?.title?.zh ?? survey.title.zh, en: values?.title?.en ?? survey.title.en },
    description:
      values?.description?.zh || values?.description?.en
        ? { zh: values.description.zh ?? '', en: values.description.en ?? '' }
        : null,
    anonymous: values?.anonymous ?? survey.anonymous,
    closesAt: values?.closesAt ? values.closesAt.toISOString() : null,
    questions,
  };
  return (
    <div data-testid="survey-preview">
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('surveys.preview.hint')} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={lang}
          onChange={(v) => setLang(v as Lang)}
          options={[
            { value: 'zh', label: <span lang="zh-CN">中文</span> },
            { value: 'en', label: <span lang="en">English</span> },
          ]}
          data-testid="preview-language"
        />
        <Segmented
          value={width}
          onChange={setWidth}
          options={[
            { value: 'phone', label: t('surveys.preview.phone') },
            { value: 'desktop', label: t('surveys.preview.desktop') },
          ]}
          data-testid="preview-width"
        />
      </Space>
      <div
        style={{
          background: '#f5f7fa',
          padding: '8px 12px 24px',
          borderRadius: 8,
          maxWidth: width === 'phone' ? 390 : undefined,
          margin: width === 'phone' ? '0 auto' : undefined,
          border: width === 'phone' ? '1px solid #e8e8e8' : undefined,
        }}
      >
        <SurveyResponder key={lang} survey={preview} lang={lang} />
      </div>
    </div>
  );
}
