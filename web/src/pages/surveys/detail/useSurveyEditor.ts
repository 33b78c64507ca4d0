import { useEffect, useEffectEvent, useState } from 'react';
import { Form } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { Survey } from '../../../api/types.ts';
import { useToast } from '../../../components/feedback/toast.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { invalidateSurveys, surveyKey, useSurvey } from '../shared/api.ts';
import { toUpdatePayload, valuesFromSurvey, type BuilderValues } from '../shared/builder.ts';

/**
 * The survey and its builder form: saved with the survey's version, refilled when another version arrives but
 * never over unsaved edits (`dirty`), and a 409 kept as `save.conflict` while the survey reloads.
 */
export function useSurveyEditor(id: string) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const survey = useSurvey(id);
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

  const fill = useEffectEvent(() => {
    if (survey.data && !dirty) {
      form.setFieldsValue(valuesFromSurvey(survey.data));
    }
  });
  const shownVersion = survey.data && `${survey.data.id}@${survey.data.version}`;
  useEffect(() => fill(), [shownVersion]);

  /** Drops the unsaved edits for the server's version (after a conflict). */
  const reload = (s: Survey) => {
    form.setFieldsValue(valuesFromSurvey(s));
    setDirty(false);
    save.clearConflict();
  };
  return { survey, form, save, dirty, markDirty: () => setDirty(true), reload };
}
