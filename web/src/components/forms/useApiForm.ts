import { useCallback, useState } from 'react';
import { Form, type FormInstance } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { hasCode } from '../../api/errors.ts';
import type { ValidationIssue } from '../../api/types.ts';
import { useErrorMessage } from '../feedback/useErrorMessage.ts';
import { applyServerErrors } from './serverErrors.ts';

interface Options<TValues, TResult> {
  /** A form created by the caller (Form.useForm) when its callbacks need it; else the hook makes one. */
  form?: FormInstance<TValues>;
  submit: (values: TValues) => Promise<TResult>;
  onSuccess?: (result: TResult, values: TValues) => void;
  /** Called on a 409 VERSION_CONFLICT, typically to refetch the server's current record. */
  onConflict?: () => void;
}

/** What useApiForm returns: the form, its submit handler and the state of the last submit. */
export interface ApiForm<TValues> {
  form: FormInstance<TValues>;
  onFinish: (values: TValues) => void;
  submitting: boolean;
  /** The error no field shows (null when there is none). */
  formError: string | null;
  /** The values of a submit the server refused with VERSION_CONFLICT. */
  conflict: TValues | null;
  clearConflict: () => void;
  /** Forgets errors and the conflict; the fields keep their values. */
  reset: () => void;
  /** Empties the fields too, as a dialog does when it closes. */
  clear: () => void;
}

/**
 * An antd form bound to an API call: server validation errors land on their fields, other errors
 * become `formError`, and a VERSION_CONFLICT is exposed as `conflict` (the values the user tried).
 */
export function useApiForm<TValues, TResult = unknown>({
  form: given,
  submit,
  onSuccess,
  onConflict,
}: Options<TValues, TResult>): ApiForm<TValues> {
  const [form] = Form.useForm<TValues>(given);
  const { t, i18n } = useTranslation();
  const { describe } = useErrorMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<TValues | null>(null);
  const mutation = useMutation({ mutationFn: submit });

  const messageFor = useCallback(
    (issue: ValidationIssue) => {
      // Server messages are English; other languages get a translation by zod issue code.
      const key = `validation.${issue.code}`;
      return i18n.language !== 'en' && i18n.exists(key) ? t(key) : issue.message;
    },
    [t, i18n],
  );

  const onFinish = useCallback(
    (values: TValues) => {
      setFormError(null);
      mutation.mutateAsync(values).then(
        (result) => onSuccess?.(result, values),
        (error: unknown) => {
          if (hasCode(error, 'VERSION_CONFLICT')) {
            setConflict(values);
            onConflict?.();
            return;
          }
          const unmatched = applyServerErrors(form, error, messageFor);
          if (unmatched === null) {
            setFormError(describe(error));
          } else if (unmatched.length > 0) {
            setFormError(unmatched.map((i) => `${i.path.join('.')}: ${messageFor(i)}`).join('; '));
          }
        },
      );
    },
    [mutation, onSuccess, onConflict, form, messageFor, describe],
  );

  const reset = useCallback(() => {
    setFormError(null);
    setConflict(null);
    mutation.reset();
  }, [mutation]);

  const clear = useCallback(() => {
    form.resetFields();
    reset();
  }, [form, reset]);

  return {
    form,
    onFinish,
    submitting: mutation.isPending,
    formError,
    conflict,
    clearConflict: () => setConflict(null),
    reset,
    clear,
  };
}
