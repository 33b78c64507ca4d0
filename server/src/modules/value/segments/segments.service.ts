import type { RequestContext } from '../../../platform/auth/actor.ts';
import { diff, recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import { failedUpdate } from '../../../platform/db/versioned.ts';
import type { Deps } from '../../../platform/deps.ts';
import { conflict, notFound, validation } from '../../../platform/errors.ts';
import type { Page } from '../../../platform/http/common.schema.ts';
import { customerVisibility, partiesReadModel } from '../../parties/index.ts';
import { snapshotsRepository } from '../snapshots/snapshots.repository.ts';
import { MAX_SEGMENTS } from './constants.ts';
import { membershipRepository } from './membership.repository.ts';
import { compileRule, type CompileContext } from './rule-sql.repository.ts';
import type { Condition, SegmentRule } from './rule.schema.ts';
import type {
  CreateSegment,
  ListSegmentsQuery,
  MembersQuery,
  Segment,
  SegmentCount,
  SegmentHistory,
  SegmentMember,
  SegmentPreview,
  UpdateSegment,
} from './segments.schema.ts';
import { segmentsRepository, type MemberRow } from './segments.repository.ts';
import type { SegmentRow } from './value-segments.tables.ts';

export const toSegment = (r: SegmentRow): Segment => ({
  id: r.id,
  name: r.name,
  description: r.description,
  rule: r.rule,
  priority: r.priority,
  archived: r.archived,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
});

const toMember = (r: MemberRow): SegmentMember => ({
  id: r.id,
  displayName: r.display_name,
  kind: r.kind,
  ownerId: r.owner_id,
  rfmSegment: r.rfm_segment,
  valueClass: r.value_class,
  clv: r.clv,
  monetary: r.monetary,
  lastPurchaseOn: r.last_purchase_on,
});

/** Every condition of a tree with its path under the body. */
function conditionsOf(rule: SegmentRule, path: (string | number)[]): { cond: Condition; path: (string | number)[] }[] {
  if ('and' in rule) {
    return rule.and.flatMap((r, i) => conditionsOf(r, [...path, 'and', i]));
  }
  if ('or' in rule) {
    return rule.or.flatMap((r, i) => conditionsOf(r, [...path, 'or', i]));
  }
  if ('not' in rule) {
    return conditionsOf(rule.not, [...path, 'not']);
  }
  return [{ cond: rule, path }];
}

/** Owners, org units and stakeholder groups a rule names must exist in the organisation: 400 on the field. */
async function checkReferences(db: Db, orgId: string, rule: SegmentRule, at: (string | number)[]): Promise<void> {
  const conds = conditionsOf(rule, at);
  const values = (field: string) =>
    conds.flatMap((c) => (c.cond.field === field && 'value' in c.cond ? (c.cond.value as string[]) : []));
  const [users, units, groups] = await Promise.all([
    segmentsRepository.existingUsers(db, orgId, values('owner')),
    segmentsRepository.existingUnits(db, orgId, values('orgUnit')),
    values('stakeholderGroup').length
      ? partiesReadModel.stakeholderGroupNames(db, orgId, false)
      : Promise.resolve(new Map<string, string>()),
  ]);
  const known: Record<string, (v: string) => boolean> = {
    owner: (v) => users.has(v),
    orgUnit: (v) => units.has(v),
    stakeholderGroup: (v) => groups.has(v),
  };
  const problems = conds.flatMap(({ cond, path }) => {
    const check = known[cond.field];
    if (!check || !('value' in cond) || !Array.isArray(cond.value)) {
      return [];
    }
    return (cond.value as string[]).flatMap((v, i) =>
      check(v)
        ? []
        : [{ path: [...path, 'value', i], message: `Unknown ${cond.field}: ${v}`, code: 'unknown_reference' }],
    );
  });
  if (problems.length) {
    throw validation('The rule names records that do not exist', problems);
  }
}

/** What value conditions read: the latest finished value snapshot. */
async function contextOf(db: Db, orgId: string): Promise<CompileContext & { asOf: string | null }> {
  const run = await snapshotsRepository.latestDone(db, orgId);
  return { orgId, runId: run?.id ?? null, asOf: run?.as_of ?? null, now: new Date() };
}

const noSnapshotNote = (asOf: string | null) =>
  asOf ? null : 'No value snapshot yet: conditions on RFM segment, value class, CLV and scores match no one';

/** Compiled active segments, in the order a respondent's segment is chosen. */
export async function segmentBranches(db: Db, orgId: string) {
  const [rows, ctx] = await Promise.all([segmentsRepository.active(db, orgId), contextOf(db, orgId)]);
  return rows.map((r) => ({ id: r.id, cond: compileRule(r.rule, ctx) }));
}

/** The segment's compiled condition for its live members, or null when it does not exist (or is archived). */
export async function activeSegmentCondition(db: Db, orgId: string, id: string) {
  const row = await segmentsRepository.find(db, orgId, id);
  return row && !row.archived ? compileRule(row.rule, await contextOf(db, orgId)) : null;
}

async function foundSegment(db: Db, orgId: string, id: string): Promise<SegmentRow> {
  const row = await segmentsRepository.find(db, orgId, id);
  if (!row) {
    throw notFound('Segment');
  }
  return row;
}

/**
 * Dynamic segments (docs/metrics.md "Segments"): a rule tree compiled to one parameterised SQL condition, counted
 * and listed live under the reader's visibility, with monthly membership snapshots for migration between segments.
 */
export function segmentsService(deps: Deps) {
  const { db } = deps;

  const found = (ctx: RequestContext, id: string, trx: Db = db) => foundSegment(trx, ctx.actor.orgId, id);

  async function checkName(trx: Db, orgId: string, name: string, except?: string) {
    if (await segmentsRepository.nameTaken(trx, orgId, name, except)) {
      throw conflict('An active segment has this name', { reason: 'NAME_TAKEN' });
    }
  }

  async function counted(ctx: RequestContext, rule: SegmentRule) {
    const orgId = ctx.actor.orgId;
    const [vis, c] = await Promise.all([customerVisibility(db, orgId), contextOf(db, orgId)]);
    const cond = compileRule(rule, c);
    return { vis, c, cond, count: await segmentsRepository.count(db, ctx.actor, vis, cond) };
  }

  return {
    async create(ctx: RequestContext, input: CreateSegment): Promise<Segment> {
      const orgId = ctx.actor.orgId;
      await checkReferences(db, orgId, input.rule, ['body', 'rule']);
      return db.transaction().execute(async (trx) => {
        await checkName(trx, orgId, input.name);
        if ((await segmentsRepository.activeCount(trx, orgId)) >= MAX_SEGMENTS) {
          throw conflict(`At most ${MAX_SEGMENTS} active segments: archive one first`, { reason: 'TOO_MANY' });
        }
        const row = await segmentsRepository.insert(trx, {
          org_id: orgId,
          name: input.name,
          description: input.description ?? null,
          rule: JSON.stringify(input.rule),
          priority: input.priority,
          created_by: ctx.actor.userId,
        });
        const out = toSegment(row);
        await recordAudit(trx, ctx, { action: 'segment.create', entityType: 'segment', entityId: row.id, after: out });
        return out;
      });
    },

    async update(ctx: RequestContext, id: string, version: number, input: UpdateSegment): Promise<Segment> {
      const orgId = ctx.actor.orgId;
      if (input.rule) {
        await checkReferences(db, orgId, input.rule, ['body', 'rule']);
      }
      return db.transaction().execute(async (trx) => {
        const before = await found(ctx, id, trx);
        const activeAfter = input.archived === undefined ? !before.archived : !input.archived;
        if (activeAfter && (input.name !== undefined || before.archived)) {
          await checkName(trx, orgId, input.name ?? before.name, id);
        }
        const row = await segmentsRepository.update(trx, orgId, id, version, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.rule !== undefined ? { rule: JSON.stringify(input.rule) } : {}),
          ...(input.priority !== undefined ? { priority: input.priority } : {}),
          ...(input.archived !== undefined ? { archived: input.archived } : {}),
        });
        if (!row) {
          failedUpdate(toSegment(before), 'Segment');
        }
        const d = diff(toSegment(before), toSegment(row));
        await recordAudit(trx, ctx, { action: 'segment.update', entityType: 'segment', entityId: id, ...d });
        return toSegment(row);
      });
    },

    get: async (ctx: RequestContext, id: string): Promise<Segment> => toSegment(await found(ctx, id)),

    async list(ctx: RequestContext, q: ListSegmentsQuery): Promise<Page<Segment>> {
      const page = await segmentsRepository.list(db, ctx.actor.orgId, q.archived ?? false, q);
      return { items: page.items.map(toSegment), nextCursor: page.nextCursor };
    },

    async count(ctx: RequestContext, id: string): Promise<SegmentCount> {
      const { c, count } = await counted(ctx, (await found(ctx, id)).rule);
      return { count, valueSnapshotAsOf: c.asOf, note: noSnapshotNote(c.asOf) };
    },

    async members(ctx: RequestContext, id: string, q: MembersQuery): Promise<Page<SegmentMember>> {
      const row = await found(ctx, id);
      const orgId = ctx.actor.orgId;
      const [vis, c] = await Promise.all([customerVisibility(db, orgId), contextOf(db, orgId)]);
      const page = await segmentsRepository.members(db, ctx.actor, vis, compileRule(row.rule, c), c.runId, q.sort, q);
      return { items: page.items.map(toMember), nextCursor: page.nextCursor };
    },

    /** A rule's live count and first members, before it is saved (the builder's preview). Writes nothing. */
    async preview(ctx: RequestContext, rule: SegmentRule): Promise<SegmentPreview> {
      await checkReferences(db, ctx.actor.orgId, rule, ['body', 'rule']);
      const { vis, c, cond, count } = await counted(ctx, rule);
      const sample = await segmentsRepository.members(db, ctx.actor, vis, cond, c.runId, 'name', {
        limit: 20,
        cursor: undefined,
      });
      return { count, valueSnapshotAsOf: c.asOf, note: noSnapshotNote(c.asOf), sample: sample.items.map(toMember) };
    },

    async history(ctx: RequestContext, id: string): Promise<SegmentHistory> {
      await found(ctx, id);
      const vis = await customerVisibility(db, ctx.actor.orgId);
      const months = await membershipRepository.history(db, ctx.actor, vis, id);
      return { months, note: months.length ? null : 'No monthly snapshot taken yet (taken on the 1st of each month)' };
    },
  };
}
