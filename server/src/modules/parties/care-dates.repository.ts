import { sql, type RawBuilder } from 'kysely';

export interface PartyDatesRow {
  party_id: string;
  birthday: string | null;
  customer_since: string | null;
  hire_date: string | null;
  custom: Record<string, unknown>;
}

/**
 * The dates of live parties that care reminders count from (docs/care.md "Rule kinds"), as an SQL source other
 * modules may join (`… from ${partyDatesSource(orgId)} d`): birthday, the day the current customer role started
 * (customer since), the current employee role's hire date, and the custom fields (date fields as 'YYYY-MM-DD').
 */
export function partyDatesSource(orgId: string): RawBuilder<PartyDatesRow> {
  return sql<PartyDatesRow>`(
    select p.id as party_id, p.birthday, p.custom,
      (select (cr.started_at at time zone 'UTC')::date from party_role cr
        where cr.org_id = p.org_id and cr.party_id = p.id and cr.role = 'customer' and cr.ended_at is null) as customer_since,
      (select er.hire_date from party_role er
        where er.org_id = p.org_id and er.party_id = p.id and er.role = 'employee' and er.ended_at is null) as hire_date
    from party p
    where p.org_id = ${orgId} and p.deleted_at is null and p.merged_into_id is null
  )`;
}

/** The day of each party's last visit (an interaction on the `visit` channel), for revisit reminders. */
export function lastVisitSource(orgId: string): RawBuilder<{ party_id: string; last_visit_on: string }> {
  return sql<{ party_id: string; last_visit_on: string }>`(
    select i.party_id, max((i.occurred_at at time zone 'UTC')::date) as last_visit_on
    from interaction i where i.org_id = ${orgId} and i.channel = 'visit'
    group by i.party_id
  )`;
}
