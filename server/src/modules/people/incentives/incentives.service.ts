import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { validation } from '../../../platform/errors.ts';
import type { Warning } from '../people.schema.ts';
import { employeeFor, smallRaiseWarning } from '../file/file.service.ts';
import { loadPeopleSettings } from '../settings/settings.service.ts';
import { incentivesRepository } from './incentives.repository.ts';
import type { CreateIncentive, Incentive, ListIncentivesQuery } from './incentives.schema.ts';

type Row = Awaited<ReturnType<typeof incentivesRepository.list>>[number];
const toIncentive = (r: Row): Incentive => ({
  id: r.id,
  partyId: r.party_id,
  type: r.type as Incentive['type'],
  givenOn: r.given_on,
  note: r.note,
  givenBy: r.given_by,
  amount: r.amount,
  monthlyPay: r.monthly_pay,
  shareOfMonthlyPay: r.share === null ? null : Number(r.share),
  createdAt: r.created_at.toISOString(),
});

const bad = (field: string, message: string, code: string) =>
  validation(message, [{ path: ['body', field], message, code }]);

/** The six kinds of incentive of [S1] (docs/domain.md "People"): given by HR or the management chain. */
export function incentivesService(deps: Deps) {
  const { db } = deps;
  return {
    async list(ctx: RequestContext, partyId: string, f: ListIncentivesQuery): Promise<{ items: Incentive[] }> {
      await employeeFor(db, ctx, partyId, 'incentives', 'read');
      return { items: (await incentivesRepository.list(db, ctx.actor.orgId, partyId, f)).map(toIncentive) };
    },

    async create(
      ctx: RequestContext,
      partyId: string,
      input: CreateIncentive,
    ): Promise<Incentive & { warnings: Warning[] }> {
      const isMoney = input.type === 'money';
      if (isMoney && (input.amount === undefined || input.amount === null)) {
        throw bad('amount', 'A money incentive needs an amount', 'required');
      }
      if (!isMoney && input.amount !== undefined && input.amount !== null) {
        throw bad('amount', 'Only money incentives have an amount', 'not_money');
      }
      return db.transaction().execute(async (trx) => {
        const employee = await employeeFor(trx, ctx, partyId, 'incentives', 'write');
        const orgId = ctx.actor.orgId;
        const givenBy = input.givenBy ?? ctx.actor.userId;
        if (!(await incentivesRepository.userExists(trx, orgId, givenBy))) {
          throw bad('givenBy', 'No such user', 'unknown_user');
        }
        const row = await incentivesRepository.insert(trx, {
          org_id: orgId,
          party_id: partyId,
          type: input.type,
          given_on: input.givenOn,
          note: input.note ?? null,
          given_by: givenBy,
          amount: isMoney ? String(input.amount) : null,
          monthly_pay: isMoney ? employee.salary : null,
          created_by: ctx.actor.userId,
        });
        // Pay stays out of the audit log: the kind and date, not the amount.
        await recordAudit(trx, ctx, {
          action: 'incentive_create',
          entityType: 'party',
          entityId: partyId,
          after: { incentiveId: row.id, type: input.type, givenOn: input.givenOn },
        });
        const warnings: Warning[] = [];
        if (isMoney) {
          const { raiseWarningShare } = await loadPeopleSettings(trx, orgId);
          const pay = employee.salary === null ? null : Number(employee.salary);
          const w = smallRaiseWarning(Number(input.amount), pay, raiseWarningShare);
          if (w) {
            warnings.push(w);
          } else if (pay === null || pay <= 0) {
            warnings.push({
              code: 'no_monthly_pay',
              message: 'No monthly pay on file: the share of pay cannot be shown',
              share: null,
              threshold: raiseWarningShare,
            });
          }
        }
        return { ...toIncentive(row), warnings };
      });
    },
  };
}
