import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, notFound, validation, versionConflict } from '../../../platform/errors.ts';
import { measureTarget, targetMet, type StoredTarget } from './measure.service.ts';
import { projectsRepository as repo } from './projects.repository.ts';
import type { CloseProject, Evaluation, Project } from './projects.schema.ts';

/**
 * The closing evaluation (docs/projects.md "Closing"): each target measured again now against its baseline from
 * the start (custom ones typed in), met or not, and the cost against the budget; the project becomes closed.
 */
export async function closeProject(trx: Db, ctx: RequestContext, project: Project, input: CloseProject) {
  const current = await repo.lock(trx, ctx.actor.orgId, project.id);
  const row = await repo.find(trx, ctx.actor.orgId, project.id);
  if (!current || !row) {
    throw notFound('Project');
  }
  if (input.version !== undefined && input.version !== current.version) {
    throw versionConflict(project);
  }
  if (current.status !== 'active') {
    throw conflict(`Only an active project closes; this one is ${current.status}`);
  }
  const stored = row.targets as StoredTarget[];
  const custom = new Map((input.customValues ?? []).map((c) => [c.target, c.value]));
  for (const i of custom.keys()) {
    if (stored[i]?.metric !== 'custom') {
      throw validation('customValues name custom targets by index', [
        { path: ['body', 'customValues'], message: `Target ${i} is not a custom target`, code: 'invalid_target' },
      ]);
    }
  }
  const at = new Date();
  const targets: Evaluation['targets'] = [];
  for (const [index, t] of stored.entries()) {
    const value = t.metric === 'custom' ? (custom.get(index) ?? null) : await measureTarget(trx, ctx.actor, t, at);
    const before = t.before;
    targets.push({
      index,
      metric: t.metric,
      scope: t.scope,
      target: t.target,
      direction: t.direction,
      unit: t.unit,
      before,
      after: { value, at: at.toISOString() },
      met: targetMet(t, value),
    });
  }
  const evaluation: Evaluation = {
    measuredAt: at.toISOString(),
    targets,
    met: targets.filter((t) => t.met === true).length,
    evaluated: targets.filter((t) => t.met !== null).length,
    budget: project.budget,
    spent: project.spent,
    remaining: project.remaining,
    spentShare: project.spentShare,
    lessons: input.lessons ?? null,
  };
  await repo.update(trx, ctx.actor.orgId, project.id, {
    status: 'closed',
    closed_at: at,
    evaluation: JSON.stringify(evaluation),
  });
}
