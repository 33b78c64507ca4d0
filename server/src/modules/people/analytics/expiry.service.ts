import type { Db } from '../../../platform/db/database.ts';
import { createSystemTask } from '../../parties/index.ts';
import { loadPeopleSettings } from '../settings/settings.service.ts';
import { expiryRepository } from './expiry.repository.ts';

export const CONTRACT_EXPIRY_JOB = 'people-contract-expiry';

/**
 * The daily contract-expiry job (docs/metrics.md "Contract-expiry tasks"): for each contract of a current employee
 * ending within the organisation's `contractWindowDays` without the intent to renew, one task for HR — once per
 * contract and end date, however often it runs (a changed end date is a new notice). Returns how many it raised.
 */
export async function raiseContractExpiryTasks(db: Db, now = new Date()): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  let raised = 0;
  for (const orgId of await expiryRepository.orgsWithEndingContracts(db, today)) {
    const settings = await loadPeopleSettings(db, orgId);
    const assignee = await expiryRepository.hrAssignee(db, orgId);
    if (!assignee) {
      continue;
    }
    for (const c of await expiryRepository.due(db, orgId, today, settings.contractWindowDays)) {
      await db.transaction().execute(async (trx) => {
        if (!(await expiryRepository.claim(trx, orgId, c.contract_id, c.end_on))) {
          return;
        }
        const intent = c.renewal_intent ?? 'not set';
        const task = await createSystemTask(trx, orgId, {
          kind: 'review',
          title: `合同到期 · Contract ends ${c.end_on}: ${c.name} (renewal intent: ${intent})`,
          partyId: c.party_id,
          notes: 'Decide on renewal and record the intent on the contract (people: contract renewal flag).',
          dueAt: new Date(`${c.end_on}T00:00:00Z`),
          assigneeId: assignee,
        });
        await expiryRepository.setTask(trx, orgId, c.contract_id, c.end_on, task.id);
        raised++;
      });
    }
  }
  return raised;
}
