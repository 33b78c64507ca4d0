import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/types.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { emitEvent } from '../../../platform/webhooks/events.ts';
import { versionConflict } from '../../../platform/errors.ts';
import type { Deps } from '../../../platform/deps.ts';
import { conflict, notFound, validation } from '../../../platform/errors.ts';
import { MERGE_UNDO_DAYS } from '../constants.ts';
import { mergeRepository } from './merge.repository.ts';
import { derivedColumns, searchableOf } from '../party-input.ts';
import { partiesRepository } from '../parties.repository.ts';
import type { MergeResult, Party } from '../parties.schema.ts';
import { partiesService, readableParty, withRoles, writableParty } from '../parties.service.ts';
import type { MergeMoved, PartyRow } from '../parties.tables.ts';

const DAY = 24 * 60 * 60 * 1000;
const minus = <T>(xs: T[], ys: T[]) => xs.filter((x) => !ys.includes(x));

/** The merge's audit row and webhook event, in its transaction. */
async function mergedTogether(
  trx: Kysely<Database>,
  ctx: RequestContext,
  m: { id: string; intoId: string; mergeId: string; displayName: string; moved: unknown },
): Promise<void> {
  await recordAudit(trx, ctx, {
    action: 'merge',
    entityType: 'party',
    entityId: m.id,
    before: { displayName: m.displayName },
    after: { mergedIntoId: m.intoId, mergeId: m.mergeId, moved: m.moved },
  });
  await emitEvent(trx, ctx, 'party.merged', { id: m.id, intoId: m.intoId, mergeId: m.mergeId });
}

/** Duplicates, merge and un-merge of parties. */
export function mergeService(deps: Deps) {
  const { db } = deps;
  const parties = partiesService(deps);

  return {
    /** Live parties you may see with the same normalised email or phone, or a similar name (trigram similarity, Chinese included). */
    async duplicates(ctx: RequestContext, id: string) {
      const party = await readableParty(db, ctx, id);
      const visibility = await partiesRepository.visibility(db, ctx.actor.orgId);
      const rows = await partiesRepository.duplicates(db, ctx.actor, visibility, party);
      const mapped = await withRoles(db, ctx.actor.orgId, rows);
      return {
        items: rows.map((r, i) => ({
          party: mapped[i] as Party,
          reasons: [
            ...(r.same_email ? (['email'] as const) : []),
            ...(r.same_phone ? (['phone'] as const) : []),
            ...(r.similar_name ? (['name'] as const) : []),
          ],
          score: Math.round(Math.max(r.same_email || r.same_phone ? 1 : 0, Number(r.name_score)) * 100) / 100,
        })),
      };
    },

    /** Merges party `id` into `intoId`: roles, interactions, tasks, history, contacts, tags and care notes move; undo within 30 days. */
    async merge(ctx: RequestContext, id: string, intoId: string, version: number | undefined): Promise<MergeResult> {
      if (id === intoId) {
        throw validation('A party cannot be merged into itself', [
          { path: ['body', 'intoId'], message: 'Same party', code: 'same_party' },
        ]);
      }
      const orgId = ctx.actor.orgId;
      const mergeId = await db.transaction().execute(async (trx) => {
        // Lock in id order so two opposite merges cannot deadlock.
        const [first, second] = [id, intoId].sort();
        const locked = new Map<string, PartyRow>();
        for (const pid of [first, second] as string[]) {
          locked.set(pid, await writableParty(trx, ctx, pid));
        }
        const source = locked.get(id) as PartyRow;
        const target = locked.get(intoId) as PartyRow;
        if (version !== undefined && version !== source.version) {
          throw versionConflict(
            (await withRoles(trx, orgId, [{ ...source, can_full: true, can_sensitive: false }]))[0],
          );
        }
        const endedRoles = await mergeRepository.endClashingRoles(trx, orgId, id, intoId);
        const moved: MergeMoved = {
          roles: await mergeRepository.moveAll(trx, 'party_role', orgId, id, intoId),
          endedRoles,
          interactions: await mergeRepository.moveAll(trx, 'interaction', orgId, id, intoId),
          tasks: await mergeRepository.moveAll(trx, 'task', orgId, id, intoId),
          others: {},
          history: await mergeRepository.moveAll(trx, 'party_history', orgId, id, intoId),
          addedEmails: minus(source.emails, target.emails),
          addedPhones: minus(source.phones, target.phones),
          addedTags: minus(source.tags, target.tags),
          addedCare: source.profile.care
            .filter((c) => !target.profile.care.some((t) => t.id === c.id))
            .map((c) => c.id),
        };
        const merged = {
          ...searchableOf(target),
          emails: [...target.emails, ...moved.addedEmails],
          phones: [...target.phones, ...moved.addedPhones],
          tags: [...target.tags, ...moved.addedTags],
        };
        const care = [...target.profile.care, ...source.profile.care.filter((c) => moved.addedCare.includes(c.id))];
        await partiesRepository.touch(
          trx,
          orgId,
          intoId,
          {
            emails: merged.emails,
            phones: merged.phones,
            tags: merged.tags,
            profile: JSON.stringify({ ...target.profile, care }),
            ...derivedColumns(merged),
          },
          true,
        );
        await partiesRepository.touch(trx, orgId, id, { merged_into_id: intoId }, true);
        // Other modules' records about the party (cases, transactions) follow it too.
        for (const table of deps.partyReferences.all()) {
          (moved.others ??= {})[table] = await mergeRepository.moveReferences(trx, table, orgId, id, intoId);
        }
        const row = await mergeRepository.insert(trx, orgId, id, intoId, moved, ctx.actor.userId);
        await mergedTogether(trx, ctx, { id, intoId, mergeId: row.id, displayName: source.display_name, moved });
        return row.id;
      });
      return {
        mergeId,
        source: await parties.reload(ctx, id),
        target: await parties.reload(ctx, intoId),
        undoUntil: new Date(Date.now() + MERGE_UNDO_DAYS * DAY).toISOString(),
      };
    },

    /** Undoes the merge of party `id` (within 30 days): what moved goes back; what was added to the target since stays. */
    async unmerge(ctx: RequestContext, id: string): Promise<{ source: Party; target: Party }> {
      const orgId = ctx.actor.orgId;
      const targetId = await db.transaction().execute(async (trx) => {
        const visibility = await partiesRepository.visibility(trx, orgId);
        const source = await partiesRepository.findWritable(trx, ctx.actor, visibility, id);
        if (!source) {
          throw notFound('Party');
        }
        const merge = source.merged_into_id ? await mergeRepository.latestOpen(trx, orgId, id) : undefined;
        if (!source.merged_into_id || merge?.target_id !== source.merged_into_id) {
          throw conflict('This party is not merged into another');
        }
        if (merge.merged_at.getTime() < Date.now() - MERGE_UNDO_DAYS * DAY) {
          throw conflict(`Merges can be undone for ${MERGE_UNDO_DAYS} days; this one is older`);
        }
        const target = await writableParty(trx, ctx, merge.target_id);
        const m = merge.moved;
        for (const [table, ids] of [
          ['party_role', m.roles],
          ['interaction', m.interactions],
          ['task', m.tasks],
          ['party_history', m.history],
        ] as const) {
          await mergeRepository.moveBack(trx, table, orgId, ids, target.id, id);
        }
        for (const [table, ids] of Object.entries(m.others ?? {})) {
          if (deps.partyReferences.all().includes(table)) {
            await mergeRepository.moveReferencesBack(trx, table, orgId, ids, target.id, id);
          }
        }
        await mergeRepository.reopenRoles(trx, orgId, id, m.endedRoles);
        const back = {
          ...searchableOf(target),
          emails: minus(target.emails, m.addedEmails),
          phones: minus(target.phones, m.addedPhones),
          tags: minus(target.tags, m.addedTags),
        };
        const care = target.profile.care.filter((c) => !m.addedCare.includes(c.id));
        await partiesRepository.touch(
          trx,
          orgId,
          target.id,
          {
            emails: back.emails,
            phones: back.phones,
            tags: back.tags,
            profile: JSON.stringify({ ...target.profile, care }),
            ...derivedColumns(back),
          },
          true,
        );
        await partiesRepository.touch(trx, orgId, id, { merged_into_id: null }, true);
        await mergeRepository.markUndone(trx, orgId, merge.id, ctx.actor.userId);
        await recordAudit(trx, ctx, {
          action: 'unmerge',
          entityType: 'party',
          entityId: id,
          before: { mergedIntoId: target.id, mergeId: merge.id },
          after: { mergedIntoId: null },
        });
        return target.id;
      });
      return { source: await parties.reload(ctx, id), target: await parties.reload(ctx, targetId) };
    },
  };
}
