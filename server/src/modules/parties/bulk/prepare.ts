import { hasRole, type Actor } from '../../../platform/auth/actor.ts';
import { RowError } from '../../../platform/bulk/row-failure.ts';
import { unique } from '../party-input.ts';
import { normalizePhone } from '../phone.ts';
import { stagesOf } from '../roles/stages.ts';
import type { BulkPartyInput, UpsertKey } from './types.ts';

/** A row that passed the checks that need no party: its normalised contacts and its upsert key. */
export interface Prepared {
  index: number;
  input: BulkPartyInput;
  key: string | null;
  emails: string[];
  phones: string[];
  tags: string[];
}

/** Reference data a call checks rows against, read once per call. */
export interface References {
  groups: Set<string>;
  users: Set<string>;
  units: Set<string>;
}

/** The input field a failing upsert key points at. */
export const keyField = (k: UpsertKey | undefined) =>
  k === 'externalId' ? 'externalId' : k === 'email' ? 'emails' : 'phones';

function checkRoles(input: BulkPartyInput, actor: Actor | null, refs: References) {
  (input.roles ?? []).forEach((r, i) => {
    const at = (...rest: string[]) => ['roles', i, ...rest];
    if (actor && (r.role === 'employee' || r.role === 'candidate') && !hasRole(actor, 'hr', 'admin')) {
      throw new RowError('forbidden', 'Only HR and admins manage employee and candidate roles', at('role'));
    }
    if (r.stage !== undefined && !stagesOf(r.role).includes(r.stage)) {
      const msg = `Unknown stage for a ${r.role}; stages: ${stagesOf(r.role).join(', ')}`;
      throw new RowError('unknown_stage', msg, at('stage'));
    }
    if (r.stakeholderGroup && !refs.groups.has(r.stakeholderGroup)) {
      const msg = 'No such stakeholder group (see /api/stakeholder-groups)';
      throw new RowError('unknown_reference', msg, at('stakeholderGroup'));
    }
    const e = r.employment;
    if (e && r.role !== 'employee' && r.role !== 'candidate') {
      throw new RowError('not_allowed', 'Only employee and candidate roles carry employment', at('employment'));
    }
    if (e?.orgUnitId && !refs.units.has(e.orgUnitId)) {
      throw new RowError('unknown_reference', 'No such org unit', at('employment', 'orgUnitId'));
    }
    if (e?.managerId && !refs.users.has(e.managerId)) {
      throw new RowError('unknown_reference', 'No such user', at('employment', 'managerId'));
    }
  });
}

/** Per-row checks that need no party (phones, references, roles, the upsert key); throws a RowError for the row. */
export function prepareRow(
  input: BulkPartyInput,
  index: number,
  actor: Actor | null,
  refs: References,
  upsertKey: UpsertKey | undefined,
): Prepared {
  const phones: string[] = [];
  (input.phones ?? []).forEach((raw, i) => {
    const n = normalizePhone(raw);
    if (n === null) {
      throw new RowError('invalid_phone', 'Not a phone number', ['phones', i]);
    }
    if (!phones.includes(n)) {
      phones.push(n);
    }
  });
  for (const field of ['ownerId', 'backupOwnerId'] as const) {
    const id = input[field];
    if (id && !refs.users.has(id)) {
      throw new RowError('unknown_reference', 'No such user', [field]);
    }
  }
  checkRoles(input, actor, refs);
  const emails = unique(input.emails ?? []);
  let key: string | null = null;
  if (upsertKey) {
    key =
      upsertKey === 'externalId'
        ? (input.externalId ?? null)
        : upsertKey === 'email'
          ? (emails[0] ?? null)
          : (phones[0] ?? null);
    if (!key) {
      throw new RowError('missing_key', `The upsert key (${upsertKey}) is empty`, [keyField(upsertKey)]);
    }
  }
  return { index, input, key, emails, phones, tags: unique(input.tags ?? []) };
}

/** Rows sharing a key apply in order: each round takes the first pending row of every key. */
export function nextRound(pending: Prepared[]): { round: Prepared[]; later: Prepared[] } {
  const seen = new Set<string>();
  const round: Prepared[] = [];
  const later: Prepared[] = [];
  for (const p of pending) {
    const k = p.key ?? p.input.externalId ?? null;
    if (k !== null && seen.has(k)) {
      later.push(p);
    } else {
      if (k !== null) {
        seen.add(k);
      }
      round.push(p);
    }
  }
  return { round, later };
}
