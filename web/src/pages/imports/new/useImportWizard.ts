import { useEffect, useMemo, useReducer, useRef } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/errors.ts';
import { useMe } from '../../../auth/session.ts';
import { listKey } from '../../../components/DataTable/index.ts';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { invalidateParties } from '../../parties/shared/api.ts';
import { importsEndpoint, startImport, uploadImport, useImportErrors, useImportJob } from '../shared/api.ts';
import { isActive } from '../shared/progress.ts';
import { importableEntities } from '../shared/roles.ts';
import { mappingProblems, startBody, upsertKeyOptions } from './mapping.ts';
import { initialWizard, wizardReducer, type WizardError } from './wizard.ts';

/**
 * The import wizard's state and the requests behind it: reading the file (again with another encoding), the
 * dry run on a second upload of the same file (a job runs once, so the mapped job stays ready), the real
 * import, and both jobs polled while they run.
 */
export function useImportWizard() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const me = useMe();
  const { describe } = useErrorMessage();
  const entities = importableEntities(me.user.roles);
  const [state, dispatch] = useReducer(wizardReducer, entities[0] ?? 'parties', initialWizard);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  const { entity, file, encoding, preview, columns, upsertKey, role } = state;
  const sendOptions = { entity, csrfToken: me.csrfToken ?? '', acceptLanguage: i18n.language };

  const errorOf = (err: unknown): WizardError => ({
    title: describe(err),
    detail: isApiError(err) && err.message !== describe(err) ? err.message : undefined,
  });

  const upload = useMutation({
    mutationFn: (input: { file: File; encoding: string | null }) => {
      abort.current?.abort();
      abort.current = new AbortController();
      dispatch({ type: 'uploadProgress', pct: 0 });
      return uploadImport(input.file, {
        ...sendOptions,
        encoding: input.encoding,
        onProgress: (f) => dispatch({ type: 'uploadProgress', pct: Math.round(f * 100) }),
        signal: abort.current.signal,
      });
    },
  });

  const readFile = async (f: File, enc: string | null) => {
    dispatch({ type: 'error', error: null });
    try {
      dispatch({ type: 'uploaded', preview: await upload.mutateAsync({ file: f, encoding: enc }) });
    } catch (err) {
      if (!(err instanceof DOMException)) {
        // The server's own words for a too-large file name the limit; other errors by their code.
        const tooLarge = isApiError(err) && err.code === 'PAYLOAD_TOO_LARGE';
        dispatch({
          type: 'error',
          error: tooLarge ? { title: t('imports.upload.tooLarge'), detail: err.message } : errorOf(err),
        });
      }
    } finally {
      dispatch({ type: 'uploadProgress', pct: null });
    }
  };

  const start = useMutation({
    mutationFn: async (dryRun: boolean) => {
      if (!preview || !file) {
        throw new Error('No upload');
      }
      const body = startBody(entity, columns, { dryRun, upsertKey, role });
      if (dryRun) {
        const copy = await uploadImport(file, { ...sendOptions, encoding });
        return startImport(copy.job.id, body);
      }
      return startImport(preview.job.id, body);
    },
    onSuccess: (job, dryRun) => {
      void queryClient.invalidateQueries({ queryKey: listKey(importsEndpoint) });
      dispatch({ type: 'started', job, dryRun });
    },
    onError: (err) => dispatch({ type: 'error', error: errorOf(err) }),
  });

  const problems = useMemo(
    () => (preview ? mappingProblems(entity, preview.fields, columns) : { missing: [], doubled: [] }),
    [entity, preview, columns],
  );
  const dry = useImportJob(state.dryJob?.id, state.dryJob ?? undefined);
  const real = useImportJob(state.realJob?.id, state.realJob ?? undefined);
  const dryDone = Boolean(dry.data && !isActive(dry.data.status));
  const dryErrors = useImportErrors(dry.data?.id, dryDone);

  // The import finished: parties lists show the new rows; the report follows.
  const realStatus = real.data?.status;
  useEffect(() => {
    if (state.step === 3 && realStatus && !isActive(realStatus) && realStatus !== 'uploaded') {
      invalidateParties(queryClient);
      void queryClient.invalidateQueries({ queryKey: listKey(importsEndpoint) });
    }
  }, [state.step, realStatus, queryClient]);

  const dryRun = () => {
    dispatch({ type: 'dryRun' });
    start.mutate(true);
  };

  return {
    state,
    dispatch,
    entities,
    readFile,
    uploading: upload.isPending,
    problems,
    keyOptions: upsertKeyOptions(entity, columns),
    dryRun,
    importNow: () => start.mutate(false),
    starting: start.isPending,
    dry: { job: dry.data, done: dryDone, errors: dryErrors.data },
    real: real.data,
  };
}

export type ImportWizard = ReturnType<typeof useImportWizard>;
