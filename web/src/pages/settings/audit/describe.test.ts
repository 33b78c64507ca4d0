import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../../i18n/en.json';
import zhCN from '../../../i18n/zh-CN.json';
import { describeChanges, recordPath, showValue, type Translate } from './describe.ts';

async function translator(lng: 'en' | 'zh-CN'): Promise<Translate> {
  const i18n = createInstance();
  await i18n.init({
    lng,
    showSupportNotice: false,
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  });
  return {
    t: (k, o) => i18n.t(k, o),
    exists: (k) => i18n.exists(k),
    dateTime: (iso) => `dt(${iso})`,
    date: (iso) => `d(${iso})`,
  };
}

const text = (s: string) => ({ kind: 'text', text: s });

describe('plain-language audit changes', () => {
  it('names a stage change with the stage labels of the reader', async () => {
    const entry = {
      entityType: 'party',
      before: { stage: 'new', version: 3 },
      after: { stage: 'developing', version: 4 },
    };
    const zh = describeChanges(entry, await translator('zh-CN'));
    expect(zh).toEqual([
      {
        field: 'stage',
        label: zhCN.audit.fields.stage,
        before: text(zhCN.parties.stages.new),
        after: text(zhCN.parties.stages.developing),
      },
    ]);
    const english = describeChanges(entry, await translator('en'));
    expect(english[0]).toMatchObject({ label: 'Stage', before: text('New'), after: text('Developing') });
  });

  it('reads database rows (snake_case) and API shapes alike, and leaves bookkeeping out', async () => {
    const tr = await translator('en');
    const lines = describeChanges(
      {
        entityType: 'party',
        before: { display_name: '王芳', owner_id: 'u1', updated_at: '2026-01-01T00:00:00Z', search_text: 'x' },
        after: { display_name: '王芳芳', owner_id: 'u2', updated_at: '2026-02-01T00:00:00Z', search_text: 'y' },
      },
      tr,
    );
    expect(lines.map((l) => l.field)).toEqual(['displayName', 'ownerId']);
    expect(lines[0]).toMatchObject({ label: 'Name', before: text('王芳'), after: text('王芳芳') });
    expect(lines[1]).toMatchObject({
      label: 'Owner',
      before: { kind: 'user', id: 'u1' },
      after: { kind: 'user', id: 'u2' },
    });
  });

  it('shows labels for statuses by record type, yes/no, dates, lists, and nothing for empty values', async () => {
    const tr = await translator('en');
    expect(showValue('case', 'status', 'resolved', tr)).toEqual(text(en.service.statuses.resolved));
    expect(showValue('task', 'status', 'done', tr)).toEqual(text(en.tasks.statuses.done));
    expect(showValue('user', 'roles', ['admin', 'hr'], tr)).toEqual(
      text(`${en.roles.admin}${en.common.listSeparator}${en.roles.hr}`),
    );
    expect(showValue('product', 'active', false, tr)).toEqual(text('No'));
    expect(showValue('task', 'dueAt', '2026-03-01T08:00:00.000Z', tr)).toEqual(text('dt(2026-03-01T08:00:00.000Z)'));
    expect(showValue('party', 'birthday', '1990-05-01', tr)).toEqual(text('d(1990-05-01)'));
    expect(showValue('party', 'tags', [], tr)).toEqual({ kind: 'none' });
    expect(showValue('party', 'note', 'x'.repeat(500), tr)).toMatchObject({ text: `${'x'.repeat(119)}…` });
    expect(showValue('party', 'stage', 'something_new', tr)).toEqual(text('something_new'));
  });

  it('lists what a created record was made with and what a deleted one held', async () => {
    const tr = await translator('en');
    const created = describeChanges(
      { entityType: 'product', before: null, after: { id: 'p1', name: 'Tea', price: '12.50' } },
      tr,
    );
    expect(created).toEqual([
      { field: 'name', label: 'Name', before: { kind: 'none' }, after: text('Tea') },
      { field: 'price', label: 'Price', before: { kind: 'none' }, after: text('12.50') },
    ]);
    const deleted = describeChanges({ entityType: 'product', before: { name: 'Tea' }, after: null }, tr);
    expect(deleted).toEqual([{ field: 'name', label: 'Name', before: text('Tea'), after: { kind: 'none' } }]);
  });

  it('links the records that have a page', () => {
    expect(recordPath('party', 'a1')).toBe('/parties/a1');
    expect(recordPath('case', 'c1')).toBe('/service/cases/c1');
    expect(recordPath('session', 's1')).toBeNull();
    expect(recordPath('party', null)).toBeNull();
  });
});
