import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';

// The customer side of the service-profit chain in SQL (docs/metrics.md "The chain"): per org unit or owner, a
// customer score over a period, each answer or purchase attributed to the customer's owner at its time (parties'
// `ownerAtSql`) and to that owner's org unit. Reads parties' join contract, commerce's transaction table (a published
// contract for analytics) and surveys' customer-answer read model.

export interface CustomerScoreRow {
  key: string;
  name: string;
  unit_id: string | null;
  customers: number;
  score: number | null;
}

export interface ChainWindow {
  orgId: string;
  level: 'orgUnit' | 'owner';
  from: Date;
  to: Date;
  /** parties' ownerAtSql, bound to the organisation. */
  ownerAt: (party: RawBuilder<unknown>, owner: RawBuilder<unknown>, at: RawBuilder<unknown>) => RawBuilder<unknown>;
}

const live = sql`p.deleted_at is null and p.merged_into_id is null`;
const customerSide = sql`not exists (select 1 from party_membership m where m.org_id = p.org_id and m.party_id = p.id
  and m.role in ('employee', 'candidate'))`;

/** Groups `events` (rows with party_id and owner_id) by unit or owner, with `score` over them. */
function grouped(w: ChainWindow, events: RawBuilder<unknown>, score: RawBuilder<unknown>) {
  const key = w.level === 'owner' ? sql`u.id` : sql`u.org_unit_id`;
  const name = w.level === 'owner' ? sql`max(u.display_name)` : sql`max(ou.name)`;
  return sql<CustomerScoreRow>`
    with e as (${events})
    select ${key} as key, ${name} as name, ${w.level === 'owner' ? sql`max(u.org_unit_id::text)::uuid` : key} as unit_id,
      count(distinct e.party_id)::int as customers, (${score})::float8 as score
    from e join app_user u on u.org_id = ${w.orgId} and u.id = e.owner_id
    left join org_unit ou on ou.org_id = u.org_id and ou.id = u.org_unit_id
    where ${key} is not null
    group by ${key}
    order by ${key}`;
}

/** NPS (promoters − detractors) or CSAT (top-two-box) × 100 of the answers in the window. */
export async function answerScores(
  db: Db,
  w: ChainWindow,
  metric: 'nps' | 'csat',
  answers: RawBuilder<unknown>,
): Promise<CustomerScoreRow[]> {
  const events = sql`select a.party_id, a.value, ${w.ownerAt(sql`a.party_id`, sql`p.owner_id`, sql`a.at`)} as owner_id
    from ${answers} a join party p on p.org_id = ${w.orgId} and p.id = a.party_id where ${live}`;
  const score =
    metric === 'nps'
      ? sql`((count(*) filter (where e.value >= 9)) - (count(*) filter (where e.value <= 6))) * 100.0 / count(*)`
      : sql`(count(*) filter (where e.value >= 4)) * 100.0 / count(*)`;
  return (await grouped(w, events, score).execute(db)).rows;
}

/**
 * Retention × 100: of the customers with a purchase in the 365 days before the window (attributed to their owner at
 * its start), the share with a purchase in the window.
 */
export async function retentionScores(db: Db, w: ChainWindow): Promise<CustomerScoreRow[]> {
  const before = new Date(w.from.getTime() - 365 * 86_400_000);
  const bought = (from: Date, to: Date) => sql`exists (select 1 from transaction t where t.org_id = p.org_id
    and t.party_id = p.id and t.amount > 0 and t.occurred_at >= ${from} and t.occurred_at < ${to})`;
  const events = sql`select p.id as party_id, ${bought(w.from, w.to)} as kept,
      ${w.ownerAt(sql`p.id`, sql`p.owner_id`, sql`${w.from}::timestamptz`)} as owner_id
    from party p where p.org_id = ${w.orgId} and ${live} and ${customerSide} and ${bought(before, w.from)}`;
  return (await grouped(w, events, sql`(count(*) filter (where e.kept)) * 100.0 / count(*)`).execute(db)).rows;
}

/**
 * Revenue growth in % in one currency: revenue in the window over the revenue of the equally long period before it,
 * minus 1, each transaction attributed to the owner at its time; null when the earlier revenue is not positive.
 */
export async function growthScores(db: Db, w: ChainWindow, currency: string): Promise<CustomerScoreRow[]> {
  const start = new Date(2 * w.from.getTime() - w.to.getTime());
  const events = sql`select t.party_id, t.amount, t.occurred_at >= ${w.from} as current,
      ${w.ownerAt(sql`t.party_id`, sql`p.owner_id`, sql`t.occurred_at`)} as owner_id
    from transaction t join party p on p.org_id = t.org_id and p.id = t.party_id
    where t.org_id = ${w.orgId} and t.currency = ${currency} and t.occurred_at >= ${start}
      and t.occurred_at < ${w.to} and ${live} and ${customerSide}`;
  const prior = sql`sum(e.amount) filter (where not e.current)`;
  const score = sql`case when ${prior} > 0
    then (coalesce(sum(e.amount) filter (where e.current), 0) / ${prior} - 1) * 100 end`;
  return (await grouped(w, events, score).execute(db)).rows;
}

/** The currency with the most transactions in [from, to), or null. */
export async function chainCurrency(db: Db, orgId: string, from: Date, to: Date): Promise<string | null> {
  const { rows } = await sql<{ currency: string }>`
    select currency from transaction where org_id = ${orgId} and occurred_at >= ${from} and occurred_at < ${to}
    group by currency order by count(*) desc, currency limit 1`.execute(db);
  return rows[0]?.currency ?? null;
}
