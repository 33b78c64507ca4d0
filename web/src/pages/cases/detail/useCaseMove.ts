import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { validationIssues } from '../../../api/errors.ts';
import type { Case, CaseStatus } from '../../../api/types.ts';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { casesEndpoint, invalidateCase } from '../shared/api.ts';

export interface MoveError {
  message: string;
  /** The case changed meanwhile and no longer allows the move. */
  stale: boolean;
}

/** A status move of the case, with the reason a refused move gives. */
export function useCaseMove(c: Case) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { describe } = useErrorMessage();
  const [error, setError] = useState<MoveError | null>(null);
  const move = useMutation({
    mutationFn: (status: CaseStatus) =>
      api<Case>(`${casesEndpoint}/${c.id}`, { method: 'PATCH', body: { status, version: c.version } }),
    onSuccess: (updated) => {
      setError(null);
      queryClient.setQueryData(['cases', c.id], updated);
      invalidateCase(queryClient, updated);
    },
    onError: (err) => {
      // A move the case no longer allows (someone changed it meanwhile) answers with a status issue: reload it.
      const stale = validationIssues(err).some((i) => i.path.join('.') === 'body.status');
      setError({ message: stale ? t('service.detail.staleMove') : describe(err), stale });
      if (stale) {
        invalidateCase(queryClient, c);
      }
    },
  });
  return { move, error, clearError: () => setError(null) };
}
