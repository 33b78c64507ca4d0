import { requireRole, type RequestContext } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Deps } from '../../platform/deps.ts';
import { validation } from '../../platform/errors.ts';
import { groupGapCells, valueDimensionLabel } from '../surveys/index.ts';
import { HRCRM_WRITERS } from './constants.ts';
import { buildDimensions, evaluationWindow } from './evaluation.ts';
import { hrGroupKey } from './groups.service.ts';
import type { CreateContribution, HrContribution, HrEvaluation } from './hrcrm.schema.ts';
import { hrcrmRepository } from './hrcrm.repository.ts';

type ContributionRow = Awaited<ReturnType<typeof hrcrmRepository.findContribution>>;
const toContribution = (c: ContributionRow): HrContribution => ({
  id: c.id,
  recordedOn: c.recorded_on,
  text: c.text,
  value: c.value,
  recordedBy: { id: c.recorded_by, name: c.recorder_name },
});

const NOT_ENOUGH =
  'Not enough data: no gap (expectation) survey aimed at this group has answers in the window, or none reaches its anonymity minimum';

/**
 * Expected against perceived value per dimension for a group (docs/metrics.md "HR group evaluation"), from the gap
 * surveys aimed at it as the surveys module reads them (anonymity minimum applied there), and the group's own
 * contribution as HR records it.
 */
export function evaluationService(deps: Deps) {
  const { db } = deps;
  return {
    async get(ctx: RequestContext, key: string, q: { from?: string | undefined; to?: string | undefined }) {
      const groupKey = hrGroupKey(key);
      const window = evaluationWindow(q.from, q.to, new Date());
      if (window.to < window.from) {
        throw validation('`to` must be on or after `from`', [
          { path: ['query', 'to'], message: 'Before from', code: 'to_before_from' },
        ]);
      }
      const zh = ctx.actor.locale === 'zh-CN';
      const [cells, contributions] = await Promise.all([
        groupGapCells(db, ctx.actor, groupKey, window),
        hrcrmRepository.contributions(db, ctx.actor.orgId, groupKey, window.from, window.to),
      ]);
      const dimensions = buildDimensions(cells, (k) => valueDimensionLabel(k, zh));
      const out: HrEvaluation = {
        groupKey,
        dimensions,
        contributions: contributions.map(toContribution),
        note: dimensions.length ? null : NOT_ENOUGH,
      };
      return out;
    },

    /** Dimensions with both an expected and a perceived mean, over everything up to today. */
    async dimensionCount(ctx: RequestContext, groupKey: string): Promise<number> {
      const cells = await groupGapCells(db, ctx.actor, groupKey, evaluationWindow('1900-01-01', undefined, new Date()));
      return cells.filter((c) => c.period === null && c.expected !== null && c.perceived !== null).length;
    },

    async contribute(ctx: RequestContext, key: string, input: CreateContribution): Promise<HrContribution> {
      requireRole(ctx.actor, ...HRCRM_WRITERS);
      const groupKey = hrGroupKey(key);
      return db.transaction().execute(async (trx) => {
        const { id } = await hrcrmRepository.insertContribution(trx, {
          org_id: ctx.actor.orgId,
          group_key: groupKey,
          recorded_on: input.recordedOn,
          text: input.text,
          value: input.value ?? null,
          recorded_by: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'create',
          entityType: 'hr_crm',
          entityId: id,
          after: { groupKey, ...input },
        });
        return toContribution(await hrcrmRepository.findContribution(trx, ctx.actor.orgId, id));
      });
    },
  };
}
