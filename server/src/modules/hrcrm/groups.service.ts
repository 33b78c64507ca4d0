import { requireRole, type Actor, type RequestContext } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import { notFound } from '../../platform/errors.ts';
import {
  defaultStakeholderGroups,
  groupQuadrantCounts,
  quadrantOf,
  stakeholderGroupRows,
  type RelationshipHistoryItem,
  type RelationshipInput,
} from '../parties/index.ts';
import { HRCRM_WRITERS, hrGroups, hrProcessSteps, type HrGroupKey } from './constants.ts';
import type { HrButterfly, HrGroup } from './hrcrm.schema.ts';
import { hrcrmRepository, type AssessmentRow } from './hrcrm.repository.ts';

export interface GroupName {
  key: HrGroupKey;
  nameZh: string;
  nameEn: string;
  side: 'internal' | 'external';
}

/** The eight HR groups, named as the organisation names its stakeholder groups (the defaults until it has any). */
export async function groupNames(db: Db, orgId: string): Promise<GroupName[]> {
  const stored = new Map((await stakeholderGroupRows(db, orgId)).map((r) => [r.key, r]));
  return hrGroups.map((g) => {
    const row = stored.get(g.key);
    const d = defaultStakeholderGroups.find((x) => x.key === g.key);
    return {
      key: g.key,
      nameZh: row?.name_zh ?? d?.nameZh ?? g.key,
      nameEn: row?.name_en ?? d?.nameEn ?? g.key,
      side: g.side,
    };
  });
}

/** The HR group of a key, or 404 (docs/domain.md "HR-department CRM": the eight groups only). */
export function hrGroupKey(key: string): HrGroupKey {
  const g = hrGroups.find((x) => x.key === key);
  if (!g) {
    throw notFound('HR group');
  }
  return g.key;
}

export function toHistoryItem(a: AssessmentRow): RelationshipHistoryItem {
  return {
    at: a.at.toISOString(),
    actor: { id: a.actor_id, name: a.actor_name },
    initiativeScore: a.initiative_score,
    participationScore: a.participation_score,
    quadrant: quadrantOf(a.initiative_score, a.participation_score),
    targetQuadrant: a.target_quadrant,
    targetQuadrantBy: a.target_quadrant_by,
    level: a.level,
    targetLevel: a.target_level,
    targetLevelBy: a.target_level_by,
    reason: a.reason,
  };
}

function toAssessment(a: AssessmentRow | undefined): HrGroup['assessment'] {
  if (!a) {
    return null;
  }
  const { at, actor, ...rest } = toHistoryItem(a);
  return { ...rest, assessedAt: at, assessedBy: actor };
}

async function loadGroups(db: Db, actor: Actor): Promise<HrGroup[]> {
  const [names, latest, counts, done] = await Promise.all([
    groupNames(db, actor.orgId),
    hrcrmRepository.latestAssessments(db, actor.orgId),
    groupQuadrantCounts(db, actor),
    hrcrmRepository.doneSteps(db, actor.orgId),
  ]);
  const zh = actor.locale === 'zh-CN';
  return names.map((g) => {
    const mine = counts.filter((c) => c.group === g.key);
    const byQuadrant = { basic: 0, proactive: 0, reactive: 0, partnership: 0, unscored: 0 };
    for (const c of mine) {
      byQuadrant[c.quadrant ?? 'unscored'] += c.count;
    }
    return {
      key: g.key,
      name: zh ? g.nameZh : g.nameEn,
      nameZh: g.nameZh,
      nameEn: g.nameEn,
      side: g.side,
      assessment: toAssessment(latest.find((a) => a.group_key === g.key)),
      parties: { count: mine.reduce((s, c) => s + c.count, 0), byQuadrant },
      process: {
        done: Math.min(Number(done.find((d) => d.group_key === g.key)?.done ?? 0), hrProcessSteps.length),
        total: 7 as const,
      },
    };
  });
}

/**
 * The HR department's own assessment of each group (docs/domain.md "HR-department CRM"): both relationship scales,
 * each with its target, kept apart; an append-only history whose newest row is current.
 */
export function groupsService(deps: Deps) {
  const { db } = deps;
  return {
    list: (ctx: RequestContext) => loadGroups(db, ctx.actor),

    async butterfly(ctx: RequestContext): Promise<HrButterfly> {
      const groups = await loadGroups(db, ctx.actor);
      return {
        internal: groups.filter((g) => g.side === 'internal'),
        external: groups.filter((g) => g.side === 'external'),
      };
    },

    async putAssessment(ctx: RequestContext, key: string, input: RelationshipInput): Promise<HrGroup> {
      requireRole(ctx.actor, ...HRCRM_WRITERS);
      const groupKey = hrGroupKey(key);
      await db.transaction().execute(async (trx) => {
        const [before] = await hrcrmRepository.assessmentHistory(trx, ctx.actor.orgId, groupKey);
        // Omitted fields keep the current value; null clears it (the same rule as a role's relationship).
        const keep = <T>(v: T | undefined, old: T | null | undefined): T | null =>
          v === undefined ? (old ?? null) : v;
        const row = {
          org_id: ctx.actor.orgId,
          group_key: groupKey,
          initiative_score: keep(input.initiativeScore, before?.initiative_score),
          participation_score: keep(input.participationScore, before?.participation_score),
          target_quadrant: keep(input.targetQuadrant, before?.target_quadrant),
          target_quadrant_by: keep(input.targetQuadrantBy, before?.target_quadrant_by),
          level: keep(input.level, before?.level),
          target_level: keep(input.targetLevel, before?.target_level),
          target_level_by: keep(input.targetLevelBy, before?.target_level_by),
          reason: input.reason,
          actor_id: ctx.actor.userId,
        };
        const { id } = await hrcrmRepository.insertAssessment(trx, row);
        await recordAudit(trx, ctx, {
          action: 'update',
          entityType: 'hr_crm',
          entityId: id,
          before: before ? { groupKey, ...toAssessment(before) } : null,
          after: { groupKey, ...input },
        });
      });
      const groups = await loadGroups(db, ctx.actor);
      const g = groups.find((x) => x.key === groupKey);
      if (!g) {
        throw notFound('HR group');
      }
      return g;
    },

    async history(ctx: RequestContext, key: string): Promise<{ items: RelationshipHistoryItem[] }> {
      const groupKey = hrGroupKey(key);
      const rows = await hrcrmRepository.assessmentHistory(db, ctx.actor.orgId, groupKey);
      return { items: rows.map(toHistoryItem) };
    },
  };
}
