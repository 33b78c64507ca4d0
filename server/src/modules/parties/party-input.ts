import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/types.ts';
import { conflict, validation } from '../../platform/errors.ts';
import { usersRepository } from '../../platform/identity/users.repository.ts';
import { nameKey, searchColumns, type Searchable } from './names.ts';
import type { CreateParty } from './parties.schema.ts';
import type { CareNote, FieldDefinitionRow, NewPartyRow, PartyRow, PartyUpdate, Profile } from './parties.tables.ts';
import { validateCustom } from './settings/custom-fields.ts';
import { normalizePhone } from './phone.ts';
import { partiesRepository } from './parties.repository.ts';

type Issue = { path: (string | number)[]; message: string; code: string };

/** Phones as stored (E.164 where possible), de-duplicated; entries without digits are refused. */
export function normalisePhones(phones: string[]): string[] {
  const out: string[] = [];
  const issues: Issue[] = [];
  phones.forEach((raw, i) => {
    const n = normalizePhone(raw);
    if (n === null) {
      issues.push({ path: ['body', 'phones', i], message: 'Not a phone number', code: 'invalid_phone' });
    } else if (!out.includes(n)) {
      out.push(n);
    }
  });
  if (issues.length) {
    throw validation('Invalid phone number', issues);
  }
  return out;
}

export const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

export function normaliseCare(
  care: NonNullable<CreateParty['profile']>['care'],
  previous: CareNote[] = [],
): CareNote[] {
  return (care ?? []).map((c) => {
    const old = c.id ? previous.find((p) => p.id === c.id) : undefined;
    return {
      id: c.id ?? randomUUID(),
      at: c.at ? new Date(c.at).toISOString() : (old?.at ?? new Date().toISOString()),
      note: c.note,
      topic: c.topic ?? null,
    };
  });
}

/** The profile after a change: given parts replace the stored ones. */
export function mergeProfile(before: Profile | null, input: CreateParty['profile']): Profile {
  const base: Profile = before ?? { facts: {}, preferences: {}, care: [] };
  if (!input) {
    return base;
  }
  return {
    facts: input.facts ?? base.facts,
    preferences: input.preferences ?? base.preferences,
    care: input.care ? normaliseCare(input.care, base.care) : base.care,
  };
}

/** The maintained search columns of a party's values. */
export function derivedColumns(p: Searchable) {
  const { text, grams } = searchColumns(p);
  return { search_text: text, search_grams: grams, name_key: nameKey(p.displayName) };
}

/** The row of a new party (single-record and bulk paths alike): given fields, normalised `values`, checked `custom`, and derived search columns. */
export function newPartyRow(
  orgId: string,
  input: CreateParty,
  values: Searchable,
  custom: Record<string, unknown>,
  ownerId: string | null,
  createdBy: string | null,
) {
  return {
    org_id: orgId,
    kind: input.kind,
    display_name: values.displayName,
    external_id: input.externalId ?? null,
    given_name: values.givenName,
    family_name: values.familyName,
    emails: values.emails,
    phones: values.phones,
    tags: values.tags,
    birthday: input.birthday ?? null,
    gender: input.gender ?? null,
    address: input.address ? JSON.stringify(input.address) : null,
    locale: input.locale ?? null,
    custom: JSON.stringify(custom),
    owner_id: ownerId,
    backup_owner_id: input.backupOwnerId ?? null,
    profile: JSON.stringify(mergeProfile(null, input.profile)),
    created_by: createdBy,
    ...derivedColumns(values),
  } satisfies NewPartyRow;
}

/** What an update may give (the single-record PATCH and a bulk upsert alike); omitted fields keep their value. */
export type PartyChange = Partial<Omit<CreateParty, 'roles'>>;

/**
 * The new column values of an existing party (single-record and bulk paths alike): given fields replace, omitted
 * ones stay, search columns follow. `phones` are the given phones already normalised (undefined: not given).
 */
export function partyUpdateValues(
  before: PartyRow,
  input: PartyChange,
  phones: string[] | undefined,
  defs: FieldDefinitionRow[],
): PartyUpdate {
  const merged: Searchable = {
    displayName: input.displayName ?? before.display_name,
    givenName: input.givenName === undefined ? before.given_name : input.givenName,
    familyName: input.familyName === undefined ? before.family_name : input.familyName,
    emails: input.emails ? unique(input.emails) : before.emails,
    phones: phones ?? before.phones,
    tags: input.tags ? unique(input.tags) : before.tags,
  };
  const values: PartyUpdate = {
    display_name: merged.displayName,
    given_name: merged.givenName,
    family_name: merged.familyName,
    emails: merged.emails,
    phones: merged.phones,
    tags: merged.tags,
    ...derivedColumns(merged),
  };
  const given = <K extends keyof PartyChange>(k: K) => input[k] !== undefined;
  if (given('externalId')) {
    values.external_id = input.externalId;
  }
  if (given('kind')) {
    values.kind = input.kind;
  }
  if (given('birthday')) {
    values.birthday = input.birthday;
  }
  if (given('gender')) {
    values.gender = input.gender;
  }
  if (given('address')) {
    values.address = input.address ? JSON.stringify(input.address) : null;
  }
  if (given('locale')) {
    values.locale = input.locale;
  }
  if (given('ownerId')) {
    values.owner_id = input.ownerId;
  }
  if (given('backupOwnerId')) {
    values.backup_owner_id = input.backupOwnerId;
  }
  if (input.profile !== undefined) {
    values.profile = JSON.stringify(mergeProfile(before.profile, input.profile));
  }
  if (input.custom !== undefined) {
    values.custom = JSON.stringify(validateCustom(defs, input.custom, { ...before.custom, ...input.custom }));
  }
  return values;
}

export const searchableOf = (r: PartyRow): Searchable => ({
  displayName: r.display_name,
  givenName: r.given_name,
  familyName: r.family_name,
  emails: r.emails,
  phones: r.phones,
  tags: r.tags,
});

/** Owner and backup owner must be users of the organisation. */
export async function checkOwners(
  db: Kysely<Database>,
  orgId: string,
  input: { ownerId?: string | null | undefined; backupOwnerId?: string | null | undefined },
) {
  for (const field of ['ownerId', 'backupOwnerId'] as const) {
    const id = input[field];
    if (id && !(await usersRepository.findById(db, orgId, id))) {
      throw validation('No such user', [{ path: ['body', field], message: 'No such user', code: 'unknown_reference' }]);
    }
  }
}

/** An external id names one party of the organisation (deleted ones included): 409 when another holds it. */
export async function checkExternalId(
  db: Kysely<Database>,
  orgId: string,
  externalId: string | null | undefined,
  selfId?: string,
) {
  if (!externalId) {
    return;
  }
  const other = await partiesRepository.byExternalId(db, orgId, externalId);
  if (other && other.id !== selfId) {
    throw conflict('Another party has this external id', { path: ['body', 'externalId'], partyId: other.id });
  }
}
