import type { ImportJob, ImportPreview, PartyRoleName } from '../../../api/types.ts';
import type { ImportEntity } from '../shared/roles.ts';
import { initialMapping, setTarget, type ColumnMapping, type UpsertKey } from './mapping.ts';

/** Upload → mapping → dry run → import → report. */
export type Step = 0 | 1 | 2 | 3 | 4;

export interface WizardError {
  title: string;
  detail?: string;
}

/** Everything the import wizard remembers between its steps. */
export interface WizardState {
  step: Step;
  entity: ImportEntity;
  /** The role of parties rows without a roles column. */
  role: PartyRoleName;
  file: File | null;
  /** An encoding the user forced for a CSV; null lets the server detect it. */
  encoding: string | null;
  preview: ImportPreview | null;
  columns: ColumnMapping[];
  upsertKey: UpsertKey | null;
  /** Percent of the file sent while an upload runs, else null. */
  uploadPct: number | null;
  dryJob: ImportJob | null;
  realJob: ImportJob | null;
  error: WizardError | null;
}

export type WizardAction =
  | { type: 'entity'; entity: ImportEntity }
  | { type: 'role'; role: PartyRoleName }
  | { type: 'file'; file: File }
  | { type: 'encoding'; encoding: string | null }
  | { type: 'uploadProgress'; pct: number | null }
  | { type: 'uploaded'; preview: ImportPreview }
  | { type: 'map'; header: string; target: string | null }
  | { type: 'upsertKey'; upsertKey: UpsertKey | null }
  | { type: 'dryRun' }
  | { type: 'started'; job: ImportJob; dryRun: boolean }
  | { type: 'error'; error: WizardError | null }
  | { type: 'goTo'; step: Step };

export const initialWizard = (entity: ImportEntity): WizardState => ({
  step: 0,
  entity,
  role: 'customer',
  file: null,
  encoding: null,
  preview: null,
  columns: [],
  upsertKey: null,
  uploadPct: null,
  dryJob: null,
  realJob: null,
  error: null,
});

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'entity':
      return { ...state, entity: action.entity };
    case 'role':
      return { ...state, role: action.role };
    case 'file':
      // A new file is read with the detected encoding first.
      return { ...state, file: action.file, encoding: null };
    case 'encoding':
      return { ...state, encoding: action.encoding };
    case 'uploadProgress':
      return { ...state, uploadPct: action.pct };
    case 'uploaded':
      // A (re-)read file starts a fresh mapping from the server's suggestion.
      return {
        ...state,
        step: 1,
        preview: action.preview,
        columns: initialMapping(action.preview.job.headers, action.preview.suggestedMapping),
        upsertKey: null,
        dryJob: null,
      };
    case 'map':
      return { ...state, columns: setTarget(state.columns, action.header, action.target) };
    case 'upsertKey':
      return { ...state, upsertKey: action.upsertKey };
    case 'dryRun':
      return { ...state, step: 2, error: null, dryJob: null };
    case 'started':
      return action.dryRun ? { ...state, dryJob: action.job } : { ...state, realJob: action.job, step: 3 };
    case 'error':
      return { ...state, error: action.error };
    case 'goTo':
      return { ...state, step: action.step };
  }
}
