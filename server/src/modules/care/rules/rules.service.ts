import { hasRole, type RequestContext } from '../../../platform/auth/actor.ts';
import { diff, recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import { failedUpdate, updateVersioned } from '../../../platform/db/versioned.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden, notFound, validation } from '../../../platform/errors.ts';
import type { Page } from '../../../platform/http/common.schema.ts';
import { activeFieldDefinitions, canSeeFull, customerVisibility } from '../../parties/index.ts';
import { mayChangeRule } from '../care.access.ts';
import type { CareRuleRow } from '../care.tables.ts';
import { careOrgRuleEditorRoles } from '../constants.ts';
import { occasionTitle } from '../reminders.service.ts';
import { ruleOccasions } from './occasions.repository.ts';
import { rulesRepository } from './rules.repository.ts';
import type {
  CareRule,
  CareRuleParams,
  CareRulePreview,
  CreateCareRule,
  ListCareRulesQuery,
  UpdateCareRule,
} from './rules.schema.ts';

export const toCareRule = (r: CareRuleRow): CareRule => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  params: r.params,
  role: r.role,
  leadDays: r.lead_days,
  scope: r.scope,
  assignee: r.assignee,
  assigneeId: r.assignee_id,
  titleZh: r.title_zh,
  titleEn: r.title_en,
  bodyZh: r.body_zh,
  bodyEn: r.body_en,
  active: r.active,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
});

const problem = (field: string, message: string) =>
  validation(message, [{ path: ['body', 'params', field], message, code: 'invalid_param' }]);

/** What each kind needs (docs/care.md "Rule kinds"): 400 on the parameter otherwise. */
async function checkParams(db: Db, orgId: string, kind: CareRule['kind'], p: CareRuleParams): Promise<CareRuleParams> {
  if ((kind === 'purchase' || kind === 'revisit') && p.days === undefined) {
    throw problem('days', `A ${kind} rule needs days`);
  }
  if (kind === 'purchase') {
    if (Boolean(p.category) === Boolean(p.productId)) {
      throw problem('category', 'A purchase rule names a category or a product (one of them)');
    }
    if (p.productId && !(await rulesRepository.productExists(db, orgId, p.productId))) {
      throw problem('productId', 'Unknown product');
    }
  }
  if (kind === 'anniversary' && p.field !== 'customer_since' && p.field !== 'hire_date') {
    throw problem('field', 'An anniversary counts from customer_since or hire_date');
  }
  if (kind === 'custom_date' || kind === 'contract_renewal') {
    const key = p.field ?? (kind === 'contract_renewal' ? 'contract_end' : undefined);
    const defs = await activeFieldDefinitions(db, orgId);
    if (!defs.some((d) => d.key === key && d.type === 'date')) {
      throw problem('field', `No active custom date field ${key ?? '(none given)'}`);
    }
    return { ...p, field: key };
  }
  return p;
}

async function visibleRule(db: Db, ctx: RequestContext, id: string): Promise<CareRuleRow> {
  const row = await rulesRepository.findVisible(db, ctx.actor, id);
  if (!row) {
    throw notFound('Care rule');
  }
  return row;
}

/** Care rules (docs/care.md): definitions, and a preview of who would be reminded (a read that writes nothing). */
export function careRulesService(deps: Deps) {
  const { db } = deps;

  const visible = (ctx: RequestContext, id: string) => visibleRule(db, ctx, id);

  async function checkAssignee(ctx: RequestContext, assignee: string, assigneeId: string | null | undefined) {
    if ((assignee === 'user') !== Boolean(assigneeId)) {
      throw validation('assigneeId is given exactly when assignee is user', [
        { path: ['body', 'assigneeId'], message: 'Name a user for assignee user (and only then)', code: 'invalid' },
      ]);
    }
    if (assigneeId && !(await rulesRepository.activeUser(db, ctx.actor.orgId, assigneeId))) {
      throw validation('Unknown user', [
        { path: ['body', 'assigneeId'], message: 'Unknown user', code: 'unknown_reference' },
      ]);
    }
  }

  return {
    async list(ctx: RequestContext, q: ListCareRulesQuery): Promise<Page<CareRule>> {
      const page = await rulesRepository.list(db, ctx.actor, q);
      return { items: page.items.map(toCareRule), nextCursor: page.nextCursor };
    },

    get: async (ctx: RequestContext, id: string) => toCareRule(await visible(ctx, id)),

    async create(ctx: RequestContext, input: CreateCareRule): Promise<CareRule> {
      const orgEditor = hasRole(ctx.actor, ...careOrgRuleEditorRoles);
      const scope = input.scope ?? (orgEditor ? 'org' : 'mine');
      if (scope === 'org' && !orgEditor) {
        throw forbidden('Organisation-wide care rules are set by admins, managers and marketing; use scope mine');
      }
      const role = input.kind === 'anniversary' && input.params.field === 'hire_date' ? 'employee' : input.role;
      const params = await checkParams(db, ctx.actor.orgId, input.kind, input.params);
      await checkAssignee(ctx, input.assignee, input.assigneeId);
      return db.transaction().execute(async (trx) => {
        const row = await rulesRepository.insert(trx, {
          org_id: ctx.actor.orgId,
          name: input.name,
          kind: input.kind,
          params: JSON.stringify(params),
          role,
          lead_days: input.leadDays,
          scope,
          assignee: input.assignee,
          assignee_id: input.assigneeId ?? null,
          title_zh: input.titleZh,
          title_en: input.titleEn,
          body_zh: input.bodyZh ?? null,
          body_en: input.bodyEn ?? null,
          active: input.active,
          created_by: ctx.actor.userId,
        });
        const out = toCareRule(row);
        await recordAudit(trx, ctx, { action: 'create', entityType: 'care_rule', entityId: row.id, after: out });
        return out;
      });
    },

    async update(ctx: RequestContext, id: string, version: number, input: UpdateCareRule): Promise<CareRule> {
      const current = await visible(ctx, id);
      if (!mayChangeRule(ctx.actor, current)) {
        throw forbidden('Only its creator, or for an organisation-wide rule admins, managers and marketing, change it');
      }
      const params = input.params ? await checkParams(db, ctx.actor.orgId, current.kind, input.params) : undefined;
      const assignee = input.assignee ?? current.assignee;
      const assigneeId =
        input.assigneeId !== undefined ? input.assigneeId : assignee === 'owner' ? null : current.assignee_id;
      await checkAssignee(ctx, assignee, assigneeId);
      return db.transaction().execute(async (trx) => {
        const row = await updateVersioned(trx, 'care_rule', ctx.actor.orgId, id, version, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(params ? { params: JSON.stringify(params) } : {}),
          ...(input.role !== undefined ? { role: input.role } : {}),
          ...(input.leadDays !== undefined ? { lead_days: input.leadDays } : {}),
          assignee,
          assignee_id: assigneeId ?? null,
          ...(input.titleZh !== undefined ? { title_zh: input.titleZh } : {}),
          ...(input.titleEn !== undefined ? { title_en: input.titleEn } : {}),
          ...(input.bodyZh !== undefined ? { body_zh: input.bodyZh } : {}),
          ...(input.bodyEn !== undefined ? { body_en: input.bodyEn } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
        });
        if (!row) {
          failedUpdate(
            await rulesRepository.find(trx, ctx.actor.orgId, id).then((r) => r && toCareRule(r)),
            'Care rule',
          );
        }
        const out = toCareRule(row);
        await recordAudit(trx, ctx, {
          action: 'update',
          entityType: 'care_rule',
          entityId: id,
          ...diff(toCareRule(current), out),
        });
        return out;
      });
    },

    preview: (ctx: RequestContext, id: string, days: number) => previewRule(db, ctx, id, days),
  };
}

/** Who would be reminded from today to today + days, among the parties the reader may see (writes nothing). */
export async function previewRule(
  db: Db,
  ctx: RequestContext,
  id: string,
  days: number,
  now = new Date(),
): Promise<CareRulePreview> {
  const rule = await visibleRule(db, ctx, id);
  const today = now.toISOString().slice(0, 10);
  const to = new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const shift = (d: string, n: number) =>
    new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const visibility = await customerVisibility(db, ctx.actor.orgId);
  const rows = await ruleOccasions(
    db,
    { ...rule, params: rule.params },
    { from: today, to: shift(to, rule.lead_days) },
    { visible: canSeeFull(ctx.actor, visibility, 'read'), onlyNew: false, limit: 500 },
  );
  return {
    ruleId: rule.id,
    from: today,
    to,
    items: rows.map((r) => ({
      partyId: r.party_id,
      displayName: r.display_name,
      occasionOn: r.occasion_on,
      remindOn: r.remind_on,
      assigneeId: r.assignee_id,
      title: occasionTitle(rule, r),
      created: r.created,
    })),
    note: rule.active ? null : 'This rule is inactive: the job raises no tasks for it until it is made active again',
  };
}
