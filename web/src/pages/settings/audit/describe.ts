// Plain-language changes of an audit entry ("Stage: New → Developing"): which fields changed, each with a label in
// the reader's language and its values as the rest of the app shows them. Audit rows hold either API shapes
// (camelCase) or database rows (snake_case); both read the same here.

export interface Translate {
  t: (key: string, opts?: Record<string, unknown>) => string;
  exists: (key: string) => boolean;
  dateTime: (iso: string) => string;
  date: (iso: string) => string;
}

/** A value as shown: text, or a user id the page resolves to a name. */
export type ShownValue = { kind: 'text'; text: string } | { kind: 'user'; id: string } | { kind: 'none' };

export interface ChangeLine {
  field: string;
  label: string;
  before: ShownValue;
  after: ShownValue;
}

/** Bookkeeping columns nobody reads as a change. */
const hidden = new Set([
  'id',
  'orgId',
  'version',
  'createdAt',
  'updatedAt',
  'searchText',
  'searchGrams',
  'nameKey',
  'createdBy',
  'passwordHash',
]);
const userFields = new Set(['ownerId', 'backupOwnerId', 'assigneeId', 'managerId', 'userId', 'trainerId']);
const MAX_TEXT = 120;

export const camel = (key: string): string => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Where each field's values have labels, by record type (the first that has a label wins). */
function valueKeys(entityType: string, field: string): string[] {
  switch (field) {
    case 'stage':
      return ['parties.stages'];
    case 'kind':
      return entityType === 'survey' ? ['surveys.kinds'] : entityType === 'task' ? ['tasks.kinds'] : ['parties.kinds'];
    case 'status':
      return entityType === 'case'
        ? ['service.statuses']
        : entityType === 'task'
          ? ['tasks.statuses']
          : entityType === 'survey'
            ? ['surveys.statuses']
            : entityType === 'import_job'
              ? ['imports.statuses']
              : [];
    case 'role':
    case 'roles':
      return entityType === 'user' || entityType === 'token' ? ['roles'] : ['parties.roles', 'roles'];
    case 'channel':
      return entityType === 'case' ? ['service.channels'] : ['interactions.channels', 'value.channels'];
    case 'priority':
      return ['service.priorities'];
    default:
      return [];
  }
}

const isIsoDateTime = (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s);
const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);
const clip = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s);

function labelled(value: string, keys: string[], tr: Translate): string {
  for (const k of keys) {
    if (tr.exists(`${k}.${value}`)) {
      return tr.t(`${k}.${value}`);
    }
  }
  return value;
}

/** One value as the app shows it. */
export function showValue(entityType: string, field: string, value: unknown, tr: Translate): ShownValue {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return { kind: 'none' };
  }
  if (userFields.has(field) && typeof value === 'string') {
    return { kind: 'user', id: value };
  }
  const keys = valueKeys(entityType, field);
  if (typeof value === 'boolean') {
    return { kind: 'text', text: tr.t(value ? 'people.yes' : 'people.no') };
  }
  if (typeof value === 'number') {
    return { kind: 'text', text: String(value) };
  }
  if (typeof value === 'string') {
    const text = isIsoDateTime(value)
      ? tr.dateTime(value)
      : isIsoDate(value)
        ? tr.date(value)
        : labelled(value, keys, tr);
    return { kind: 'text', text: clip(text) };
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return {
      kind: 'text',
      text: clip(value.map((v) => labelled(String(v), keys, tr)).join(tr.t('common.listSeparator'))),
    };
  }
  return { kind: 'text', text: clip(JSON.stringify(value)) };
}

/** The field's label: the audit's own, else the party history's, else the key made readable. */
export function fieldLabel(field: string, tr: Translate): string {
  if (tr.exists(`audit.fields.${field}`)) {
    return tr.t(`audit.fields.${field}`);
  }
  const words = field.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const record = (v: unknown): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) {
      out[camel(k)] = x;
    }
  }
  return out;
};

/**
 * The changed fields of an entry, in the order the record lists them: for a change, the fields whose values differ;
 * for a creation, the fields it was made with; for a deletion, what it held.
 */
export function describeChanges(
  entry: { entityType: string; before: unknown; after: unknown },
  tr: Translate,
): ChangeLine[] {
  const before = record(entry.before);
  const after = record(entry.after);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((k) => !hidden.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((field) => ({
      field,
      label: fieldLabel(field, tr),
      before: showValue(entry.entityType, field, before[field], tr),
      after: showValue(entry.entityType, field, after[field], tr),
    }))
    .filter((line) => line.before.kind !== 'none' || line.after.kind !== 'none');
}

/** The page a record of this type opens on, if it has one. */
export function recordPath(entityType: string, entityId: string | null): string | null {
  if (!entityId) {
    return null;
  }
  const id = encodeURIComponent(entityId);
  switch (entityType) {
    case 'party':
      return `/parties/${id}`;
    case 'case':
      return `/service/cases/${id}`;
    case 'survey':
      return `/feedback/surveys/${id}`;
    case 'user':
      return `/settings/users/${id}`;
    case 'import_job':
      return `/settings/imports/${id}`;
    case 'segment':
      return `/value/segments/${id}`;
    case 'sla_policy':
      return `/service/sla-policies/${id}`;
    case 'appraisal_cycle':
      return `/people/cycles/${id}`;
    default:
      return null;
  }
}
