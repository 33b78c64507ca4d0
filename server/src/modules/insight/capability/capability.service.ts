import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import { trailingWindow } from '../insight.common.ts';
import { capabilityRepository as repo } from './capability.repository.ts';
import type {
  AssessmentsBody,
  Capability,
  CapabilityQuery,
  CapabilitySettingsBody,
  SnapshotBody,
} from './capability.schema.ts';
import { checklistKeys, defaultCapabilitySettings, indicators, type CapabilitySettings } from './catalogue.ts';
import { autoRaw, businessPerformance } from './figures.ts';
import { indexResult, indicatorResult } from './score.ts';

/** Stored settings over the defaults (a stored value may predate an indicator: the default fills it). */
function merged(stored: unknown): CapabilitySettings {
  const s = (stored ?? {}) as Partial<CapabilitySettings>;
  const d = defaultCapabilitySettings;
  return {
    targets: { ...d.targets, ...s.targets },
    assessedTarget: s.assessedTarget ?? d.assessedTarget,
    capabilityWeights: { ...d.capabilityWeights, ...s.capabilityWeights },
    indicatorWeights: { ...d.indicatorWeights, ...s.indicatorWeights },
  };
}

/** The CRM capability index (docs/capability-index.md): indicators, settings, assessments and snapshots. */
export function capabilityService(deps: Deps) {
  const { db } = deps;

  async function settings(orgId: string) {
    const row = await repo.settings(db, orgId);
    return { ...merged(row?.value), version: row?.version ?? null };
  }

  async function compute(ctx: RequestContext, q: CapabilityQuery): Promise<Capability> {
    const { orgId } = ctx.actor;
    const w = trailingWindow(q.asOf);
    const s = await settings(orgId);
    const raw = await autoRaw(deps, orgId, w.from, w.to);
    const ratings = await repo.ratings(db, orgId, w.to);
    const results = indicators.map((i) => indicatorResult(i.key, s, raw[i.key] ?? null, ratings.get(i.key) ?? null));
    const idx = indexResult(results, s);
    return {
      asOf: w.asOf,
      from: w.from.toISOString(),
      to: w.to.toISOString(),
      indicators: results,
      ...idx,
      checklist: checklistKeys.map((item) => ({
        item,
        mean: ratings.get(item)?.mean ?? null,
        assessors: ratings.get(item)?.assessors ?? 0,
      })),
      business: await businessPerformance(deps, ctx, w.from, w.to, w.asOf),
    };
  }

  return {
    compute,
    settings: (ctx: RequestContext) => settings(ctx.actor.orgId),

    async putSettings(ctx: RequestContext, body: CapabilitySettingsBody) {
      await putSettings(deps, ctx, body);
      return settings(ctx.actor.orgId);
    },

    async assess(ctx: RequestContext, body: AssessmentsBody) {
      const { orgId, userId } = ctx.actor;
      const rows = body.items.map((i) => ({
        org_id: orgId,
        item: i.item,
        rating: i.rating,
        evidence: i.evidence ?? null,
        assessor_id: userId,
      }));
      await db.transaction().execute(async (trx) => {
        const ids = await repo.insertAssessments(trx, rows);
        await recordAudit(trx, ctx, {
          action: 'create',
          entityType: 'insight_capability_assessment',
          entityId: ids[0]?.id ?? orgId,
          after: { items: body.items },
        });
      });
      return listAssessments(orgId);
    },

    assessments: (ctx: RequestContext) => listAssessments(ctx.actor.orgId),

    async snapshot(ctx: RequestContext, body: SnapshotBody) {
      const result = await compute(ctx, { asOf: body.asOf });
      const row = await db.transaction().execute(async (trx) => {
        const r = await repo.insertSnapshot(trx, {
          org_id: ctx.actor.orgId,
          as_of: result.asOf,
          tag: body.tag ?? null,
          stage: body.stage ?? null,
          result: JSON.stringify(result),
          created_by: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'create',
          entityType: 'insight_capability_snapshot',
          entityId: r.id,
          after: { asOf: r.as_of, tag: r.tag, stage: r.stage, index: result.index },
        });
        return r;
      });
      return snapshotOf(row);
    },

    async snapshots(ctx: RequestContext) {
      return { items: (await repo.listSnapshots(db, ctx.actor.orgId)).map(snapshotOf) };
    },
  };

  async function listAssessments(orgId: string) {
    const rows = await repo.listAssessments(db, orgId, 500);
    return {
      items: rows.map((r) => ({
        id: r.id,
        item: r.item,
        rating: r.rating,
        evidence: r.evidence,
        assessorId: r.assessor_id,
        assessorName: r.assessor_name,
        assessedAt: r.assessed_at.toISOString(),
      })),
    };
  }
}
export type CapabilityService = ReturnType<typeof capabilityService>;

/** Changes the named targets and weights in one audited write; a stale or missing version is a conflict. */
async function putSettings(deps: Deps, ctx: RequestContext, body: CapabilitySettingsBody): Promise<void> {
  const { orgId } = ctx.actor;
  const { version, ...change } = body;
  await deps.db.transaction().execute(async (trx) => {
    const before = await repo.settings(trx, orgId);
    const current = merged(before?.value);
    const next: CapabilitySettings = {
      ...current,
      ...(change.assessedTarget === undefined ? {} : { assessedTarget: change.assessedTarget }),
      ...mergeMaps(current, change),
    };
    const row = await repo.putSettings(trx, orgId, next, before ? version : undefined, ctx.actor.userId);
    if (!row || (before && version === undefined)) {
      throw new AppError('VERSION_CONFLICT', 'The settings were changed by someone else; reload and try again', {
        current: { ...current, version: before?.version ?? null },
      });
    }
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'insight_capability_settings',
      entityId: orgId,
      before: before?.value ?? null,
      after: next,
    });
  });
}

/** A PUT changes the entries it names and keeps the rest. */
function mergeMaps(current: CapabilitySettings, change: Omit<CapabilitySettingsBody, 'version'>) {
  const over = <K extends string>(base: Record<K, number>, patch: Partial<Record<K, number>> | undefined) => {
    const out = { ...base };
    for (const [k, v] of Object.entries(patch ?? {}) as [K, number | undefined][]) {
      if (v !== undefined) {
        out[k] = v;
      }
    }
    return out;
  };
  return {
    targets: over(current.targets, change.targets),
    capabilityWeights: over(current.capabilityWeights, change.capabilityWeights),
    indicatorWeights: over(current.indicatorWeights, change.indicatorWeights),
  };
}

function snapshotOf(r: {
  id: string;
  as_of: string;
  tag: 'before' | 'after' | null;
  stage: string | null;
  created_at: Date;
  result: unknown;
}) {
  const res = r.result as Capability;
  return {
    id: r.id,
    asOf: r.as_of,
    tag: r.tag,
    stage: r.stage,
    createdAt: r.created_at.toISOString(),
    index: res.index,
    coverage: res.coverage,
    capabilities: res.capabilities.map((c) => ({ key: c.key, score: c.score })),
    indicators: res.indicators.map((i) => ({ key: i.key, raw: i.raw, score: i.score })),
  };
}
