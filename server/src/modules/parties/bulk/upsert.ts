import { phaseClock, timed } from '../../../platform/bulk/phases.ts';
import { auditWho, recordAudit, type Who } from '../../../platform/audit/audit.ts';
import { rowFailure } from '../../../platform/bulk/row-failure.ts';
import type { Db } from '../../../platform/db/database.ts';
import { orgUnitsRepository } from '../../../platform/identity/org-units.repository.ts';
import { usersRepository } from '../../../platform/identity/users.repository.ts';
import { canSeeFull } from '../parties.access.ts';
import { partiesRepository } from '../parties.repository.ts';
import { unique } from '../party-input.ts';
import { fieldDefinitionsRepository, stakeholderGroupsRepository } from '../settings/settings.repository.ts';
import { activeGroupKeys } from './bulk.repository.ts';
import { nextRound, prepareRow, type Prepared, type References } from './prepare.ts';
import { writeRound, type RoundContext } from './round.ts';
import type { BulkPartiesOutcome, BulkPartyInput, BulkPartyResult, UpsertKey } from './types.ts';

async function referencesOf(trx: Db, orgId: string, rows: BulkPartyInput[]): Promise<References> {
  if (rows.some((r) => r.roles?.length)) {
    await stakeholderGroupsRepository.ensureDefaults(trx, orgId);
  }
  const employment = rows.flatMap((r) => (r.roles ?? []).map((x) => x.employment));
  const userIds = [...rows.flatMap((r) => [r.ownerId, r.backupOwnerId]), ...employment.map((e) => e?.managerId)];
  const unitIds = employment.map((e) => e?.orgUnitId);
  const present = (xs: (string | null | undefined)[]) => unique(xs.filter((v): v is string => Boolean(v)));
  return {
    groups: await activeGroupKeys(trx, orgId),
    users: await usersRepository.existingIds(trx, orgId, present(userIds)),
    units: await orgUnitsRepository.existingIds(trx, orgId, present(unitIds)),
  };
}

/**
 * Bulk writes of the parties module, for imports and generated demo data.
 *
 * `bulkUpsertParties(trx, who, rows, { upsertKey })` writes many parties (with their roles and
 * employment) in the caller's transaction with multi-row inserts, keeping the same derived columns
 * as the single-record path (search text and grams, name key, E.164 phones), the same history
 * entries (role started, stage/level/phase, owner) and one audit row for the whole call.
 *
 * - `rows` are `createPartySchema` values (validate them first); `externalId` is optional.
 * - `who`: a request context (role rules apply: employee/candidate roles need HR or admin, and an
 *   upsert only updates parties the actor may change) or an `AuditWho` such as `systemWho(orgId)`
 *   (trusted: no role rules).
 * - `upsertKey`: with 'externalId', 'email' (the row's first email) or 'phone' (its first phone), a
 *   row whose key names an existing party updates it (given fields replace, given roles are started
 *   or changed, other roles stay); otherwise it creates. Without it every row creates. Rows with the
 *   same key in one call apply in order (the later one updates what the earlier one wrote).
 * - Problems of one row (bad phone, unknown owner, stage, group, org unit or custom field, a key
 *   matching two parties, an external id in use) fail that row only: `results[i]` says what
 *   happened to `rows[i]`; the other rows are written.
 * Returns the created ids, the updated ids with a snapshot taken before the update (for undo), and
 * a result per row.
 */
export async function bulkUpsertParties(
  trx: Db,
  who: Who,
  rows: BulkPartyInput[],
  opts: { upsertKey?: UpsertKey | undefined } = {},
): Promise<BulkPartiesOutcome> {
  const w = auditWho(who);
  const orgId = w.orgId;
  const actor = 'actor' in who ? who.actor : null;
  const results: BulkPartyResult[] = new Array<BulkPartyResult>(rows.length);
  if (!rows.length) {
    return { created: [], updated: [], results };
  }
  const refs = await timed('references', () => referencesOf(trx, orgId, rows));
  const prepared: Prepared[] = [];
  const prepare = phaseClock('prepare');
  prepare.run(() =>
    rows.forEach((input, index) => {
      try {
        prepared.push(prepareRow(input, index, actor, refs, opts.upsertKey));
      } catch (err) {
        results[index] = rowFailure(err);
      }
    }),
  );
  prepare.publish();
  const c: RoundContext = {
    trx,
    w,
    writable: actor ? canSeeFull(actor, await partiesRepository.visibility(trx, orgId), 'write') : null,
    defs: await fieldDefinitionsRepository.active(trx, orgId),
    upsertKey: opts.upsertKey,
    results,
    created: [],
    updated: [],
  };
  for (let pending = prepared; pending.length;) {
    const { round, later } = nextRound(pending);
    await writeRound(c, round);
    pending = later;
  }
  await recordAudit(trx, w, {
    action: 'bulk_upsert',
    entityType: 'party',
    entityId: null,
    after: {
      created: c.created.length,
      updated: c.updated.length,
      failed: results.filter((r) => r.action === 'failed').length,
      createdIds: c.created.slice(0, 1000),
      updatedIds: c.updated.slice(0, 1000).map((u) => u.id),
    },
  });
  return { created: c.created, updated: c.updated, results };
}
