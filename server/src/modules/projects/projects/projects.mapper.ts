import type { Evaluation, Project, ProjectListItem, Target } from './projects.schema.ts';
import type { ProjectRow } from './projects.repository.ts';
import type { StoredTarget } from './measure.service.ts';

type Milestone = { name: string; due?: string | null; doneOn?: string | null };

export const toTargets = (targets: unknown[]): Target[] =>
  (targets as StoredTarget[]).map((t, index) => ({
    index,
    metric: t.metric,
    scope: t.scope,
    target: t.target,
    direction: t.direction,
    unit: t.unit,
    before: t.before,
  }));

/** The budget figures SQL computed in numeric (strings); only the share is a ratio. */
export function budgetFigures(budget: string, spent: string, remaining: string) {
  const b = Number(budget);
  return { budget, spent, remaining, spentShare: b > 0 ? Number(spent) / b : null };
}

export function toListItem(r: ProjectRow, parties: { id: string; displayName: string }[]): ProjectListItem {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    goal: r.goal,
    targets: toTargets(r.targets),
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    members: r.members,
    parties,
    segmentIds: r.segment_ids,
    currency: r.currency,
    ...budgetFigures(r.budget_text, r.spent, r.remaining),
    milestones: (r.milestones as Milestone[]).map((m) => ({
      name: m.name,
      due: m.due ?? null,
      doneOn: m.doneOn ?? null,
    })),
    deadline: r.deadline,
    ideaOn: r.idea_on,
    launchOn: r.launch_on,
    firstSaleOn: r.first_sale_on,
    productId: r.product_id,
    status: r.status,
    startedAt: r.started_at?.toISOString() ?? null,
    closedAt: r.closed_at?.toISOString() ?? null,
    evaluation: (r.evaluation as Evaluation | null) ?? null,
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}

export function toProject(
  r: ProjectRow,
  parties: { id: string; displayName: string }[],
  costs: { id: string; amount: string; spent_on: string; note: string | null; created_at: Date }[],
  log: { id: string; text: string; author_name: string | null; at: Date }[],
): Project {
  return {
    ...toListItem(r, parties),
    costs: costs.map((c) => ({
      id: c.id,
      amount: c.amount,
      spentOn: c.spent_on,
      note: c.note,
      createdAt: c.created_at.toISOString(),
    })),
    log: log.map((l) => ({ id: l.id, text: l.text, authorName: l.author_name, at: l.at.toISOString() })),
  };
}
