import { useState } from 'react';
import type { FormInstance } from 'antd';
import { useApiForm, type ApiForm } from '../../../components/forms/useApiForm.ts';
import { guardOf } from './guards.ts';

/**
 * useApiForm for people writes the server may refuse with a guard (409 with `details.reason`): the guard is kept
 * as `guardError` (shown by GuardAlert, in the UI language) instead of the generic conflict message.
 */
export function useGuardedForm<TValues, TResult = unknown>(opts: {
  form?: FormInstance<TValues>;
  submit: (values: TValues) => Promise<TResult>;
  onSuccess?: (result: TResult, values: TValues) => void;
  onConflict?: () => void;
}): ApiForm<TValues> & { guardError: unknown } {
  const [guardError, setGuardError] = useState<unknown>(null);
  const form = useApiForm<TValues, TResult>({
    ...opts,
    submit: async (values) => {
      setGuardError(null);
      try {
        return await opts.submit(values);
      } catch (error) {
        if (guardOf(error)) {
          setGuardError(error);
        }
        throw error;
      }
    },
  });
  return {
    ...form,
    formError: guardError ? null : form.formError,
    guardError,
    clear: () => {
      setGuardError(null);
      form.clear();
    },
  };
}
