import { describe, expect, it } from 'vitest';
import type { ImportJob, ImportPreview } from '../../../api/types.ts';
import { initialWizard, wizardReducer, type WizardState } from './wizard.ts';

const job = (id: string) => ({ id, headers: ['姓名', 'Email'] }) as unknown as ImportJob;
const preview = (id: string): ImportPreview => ({
  job: job(id),
  suggestedMapping: { 姓名: 'displayName', Email: null },
  fields: [],
  sample: [],
});

const run = (state: WizardState, ...actions: Parameters<typeof wizardReducer>[1][]) =>
  actions.reduce(wizardReducer, state);

describe('wizardReducer', () => {
  it('maps a read file from the server suggestion and moves to the mapping step', () => {
    const s = run(initialWizard('parties'), { type: 'uploaded', preview: preview('a') });
    expect(s.step).toBe(1);
    expect(s.columns).toEqual([
      { header: '姓名', target: 'displayName', auto: true },
      { header: 'Email', target: null, auto: false },
    ]);
  });

  it('starts over from the suggestion when the file is read again (another encoding)', () => {
    const s = run(
      initialWizard('parties'),
      { type: 'uploaded', preview: preview('a') },
      { type: 'map', header: 'Email', target: 'emails' },
      { type: 'upsertKey', upsertKey: 'email' },
      { type: 'encoding', encoding: 'gb18030' },
      { type: 'uploaded', preview: preview('b') },
    );
    expect(s.columns.find((c) => c.header === 'Email')?.target).toBeNull();
    expect(s.upsertKey).toBeNull();
    expect(s.encoding).toBe('gb18030');
  });

  it('keeps a chosen column as the user set it, no longer automatic', () => {
    const s = run(
      initialWizard('parties'),
      { type: 'uploaded', preview: preview('a') },
      { type: 'map', header: '姓名', target: 'familyName' },
    );
    expect(s.columns[0]).toEqual({ header: '姓名', target: 'familyName', auto: false });
  });

  it('a new file forgets a forced encoding', () => {
    const s = run(
      initialWizard('parties'),
      { type: 'encoding', encoding: 'utf-16le' },
      { type: 'file', file: {} as File },
    );
    expect(s.encoding).toBeNull();
  });

  it('a dry run clears the last one and the error; the real import goes to the progress step', () => {
    let s = run(
      initialWizard('parties'),
      { type: 'uploaded', preview: preview('a') },
      { type: 'error', error: { title: 'x' } },
      { type: 'dryRun' },
    );
    expect(s).toMatchObject({ step: 2, error: null, dryJob: null });
    s = run(s, { type: 'started', job: job('dry'), dryRun: true });
    expect(s).toMatchObject({ step: 2, dryJob: { id: 'dry' }, realJob: null });
    s = run(s, { type: 'started', job: job('real'), dryRun: false });
    expect(s).toMatchObject({ step: 3, realJob: { id: 'real' } });
  });
});
