import type { Db } from '../../platform/db/database.ts';
import { createSystemTask } from '../parties/index.ts';
import type { CareRuleRow } from './care.tables.ts';
import { CARE_CATCH_UP_DAYS } from './constants.ts';
import { remindersRepository, ruleOccasions, type OccasionRow } from './rules/occasions.repository.ts';
import { rulesRepository } from './rules/rules.repository.ts';
import type { CareRuleParams } from './rules/rules.schema.ts';
import { pickLanguage, renderTemplate } from './templates.ts';

type Rule = Pick<CareRuleRow, 'name' | 'title_zh' | 'title_en' | 'body_zh' | 'body_en' | 'params'>;

const values = (rule: Rule, o: OccasionRow) => ({
  name: o.display_name,
  date: o.occasion_on,
  years: o.years,
  days: (rule.params as CareRuleParams).days ?? null,
  products: o.products,
  rule: rule.name,
});

/** The task title of an occasion, in the assignee's language. */
export const occasionTitle = (rule: Rule, o: OccasionRow): string =>
  renderTemplate(pickLanguage(o.locale, rule.title_zh, rule.title_en), values(rule, o)).slice(0, 300);

const occasionNotes = (rule: Rule, o: OccasionRow): string | null => {
  const body = pickLanguage(o.locale, rule.body_zh, rule.body_en);
  return body ? renderTemplate(body, values(rule, o)) : null;
};

const shift = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The daily care-reminder job (docs/care.md "Reminders"): for every active rule, one task per party and occasion
 * whose reminder day (the occasion minus the lead days) has come — occasions from CARE_CATCH_UP_DAYS ago to
 * today + lead days. Exactly once per (rule, party, occasion date): each task is created in the transaction that
 * inserts that key with `on conflict do nothing`, so a second run, a restart or another server running the job at
 * the same moment finds the key taken and creates nothing. Returns how many tasks it created.
 */
export async function raiseCareReminders(db: Db, now = new Date()): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  let raised = 0;
  for (const rule of await rulesRepository.active(db)) {
    const window = { from: shift(today, -CARE_CATCH_UP_DAYS), to: shift(today, rule.lead_days) };
    const due = await ruleOccasions(db, { ...rule, params: rule.params }, window, {
      onlyNew: true,
      limit: 100_000,
    });
    for (const o of due) {
      await db.transaction().execute(async (trx) => {
        if (!(await remindersRepository.claim(trx, rule.org_id, rule.id, o.party_id, o.occasion_on))) {
          return;
        }
        const task = await createSystemTask(trx, rule.org_id, {
          kind: 'care',
          title: occasionTitle(rule, o),
          partyId: o.party_id,
          notes: occasionNotes(rule, o),
          dueAt: new Date(`${o.occasion_on}T00:00:00Z`),
          assigneeId: o.assignee_id,
        });
        await remindersRepository.setTask(trx, rule.org_id, rule.id, o.party_id, o.occasion_on, task.id);
        raised++;
      });
    }
  }
  return raised;
}
