import { validation } from '../../../platform/errors.ts';
import type { CustomValue, FieldDefinitionRow } from '../parties.tables.ts';

type Issue = { path: (string | number)[]; message: string; code: string };
type Def = Pick<FieldDefinitionRow, 'key' | 'type' | 'options' | 'required'>;

function check(def: Def, v: CustomValue): string | null {
  if (v === null) {
    return def.required ? 'Required' : null;
  }
  switch (def.type) {
    case 'text':
      return typeof v === 'string' ? null : 'Expected text';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? null : 'Expected a number';
    case 'boolean':
      return typeof v === 'boolean' ? null : 'Expected true or false';
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))
        ? null
        : 'Expected a date (YYYY-MM-DD)';
    case 'select':
      return typeof v === 'string' && def.options.includes(v) ? null : `Expected one of: ${def.options.join(', ')}`;
    case 'multiselect':
      return Array.isArray(v) && v.every((x) => def.options.includes(x))
        ? null
        : `Expected a list of: ${def.options.join(', ')}`;
  }
}

/**
 * Checks custom values against the org's active field definitions: no unknown keys, the right type,
 * select values among the options, required fields present. `merged` is the record after the change.
 * Null removes a value.
 */
export function validateCustom(
  defs: Def[],
  given: Record<string, CustomValue>,
  merged: Record<string, CustomValue>,
): Record<string, CustomValue> {
  const issues: Issue[] = [];
  const byKey = new Map(defs.map((d) => [d.key, d]));
  for (const [key, v] of Object.entries(given)) {
    const def = byKey.get(key);
    if (!def) {
      issues.push({
        path: ['body', 'custom', key],
        message: 'No such custom field (see /api/field-definitions)',
        code: 'unknown_field',
      });
      continue;
    }
    const problem = check(def, v);
    if (problem) {
      issues.push({ path: ['body', 'custom', key], message: problem, code: 'invalid_custom_value' });
    }
  }
  for (const def of defs) {
    const v = merged[def.key];
    if (def.required && (v === undefined || v === null) && !(def.key in given)) {
      issues.push({ path: ['body', 'custom', def.key], message: 'Required', code: 'required' });
    }
  }
  if (issues.length) {
    throw validation(
      `Invalid custom field ${issues[0]?.path.slice(2).join('.') ?? ''}: ${issues[0]?.message ?? ''}`,
      issues,
    );
  }
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== null));
}
