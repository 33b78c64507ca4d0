import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/database.ts';
import { employmentSource } from '../../parties/index.ts';
import { turnoverScope } from '../people.access.ts';

export interface TurnoverRow {
  key: string;
  headcount_start: number;
  headcount_end: number;
  separations: number;
  voluntary: number;
  involuntary: number;
  first_year: number;
}

/**
 * Employment spells in the actor's scope (docs/metrics.md "Turnover"): from the hire date (or the role's start) to
 * the separation's exit date (or the role's exit date); separations from the separations the people module records.
 */
function spells(actor: Actor): RawBuilder<unknown> {
  return sql`
    emp as (
      select e.party_id, e.org_unit_id, coalesce(e.hire_date, e.started_at::date) as start_on,
        coalesce(s.exit_on, e.exit_date) as end_on
      from ${employmentSource(actor.orgId)} e
      left join lateral (
        select max(x.exit_on) as exit_on from employee_separation x
        where x.org_id = e.org_id and x.party_id = e.party_id
      ) s on true
      where ${turnoverScope(actor, 'e.party_id')}
    ),
    sep as (
      select x.exit_on, x.exit_type, e.start_on, e.org_unit_id
      from employee_separation x join emp e on e.party_id = x.party_id
      where x.org_id = ${actor.orgId}
    )`;
}

/** Employed at the end of day d: started on or before d and not left by then (a leaver on d is gone at its end). */
const headcountAt = (d: RawBuilder<unknown>, unit?: RawBuilder<unknown>) =>
  sql<number>`(select count(*)::int from emp where start_on <= ${d} and (end_on is null or end_on > ${d})
    ${unit ? sql`and emp.org_unit_id is not distinct from ${unit}` : sql``})`;

const separationCounts = (start: RawBuilder<unknown>, end: RawBuilder<unknown>, unit?: RawBuilder<unknown>) => {
  const where = sql`sep.exit_on between ${start} and ${end}
    ${unit ? sql`and sep.org_unit_id is not distinct from ${unit}` : sql``}`;
  return sql`(select count(*)::int from sep where ${where}) as separations,
    (select count(*)::int from sep where ${where} and sep.exit_type = 'voluntary') as voluntary,
    (select count(*)::int from sep where ${where} and sep.exit_type = 'involuntary') as involuntary,
    (select count(*)::int from sep where ${where} and sep.exit_on < sep.start_on + interval '12 months') as first_year`;
};

export const turnoverRepository = {
  /** Per calendar month of [from, to] (the first and last months cut to the range). */
  async byMonth(db: Db, actor: Actor, from: string, to: string): Promise<TurnoverRow[]> {
    const r = await sql<TurnoverRow>`
      with ${spells(actor)},
      periods as (
        select to_char(m, 'YYYY-MM') as key, greatest(m::date, ${from}::date) as p_start,
          least((m + interval '1 month' - interval '1 day')::date, ${to}::date) as p_end
        from generate_series(date_trunc('month', ${from}::date), date_trunc('month', ${to}::date), interval '1 month') m
      )
      select key, ${headcountAt(sql`p_start`)} as headcount_start, ${headcountAt(sql`p_end`)} as headcount_end,
        ${separationCounts(sql`p_start`, sql`p_end`)}
      from periods order by key
    `.execute(db);
    return r.rows;
  },

  /** Per org unit (the employee's unit on their employee role) over the whole of [from, to]. */
  async byOrgUnit(db: Db, actor: Actor, from: string, to: string): Promise<TurnoverRow[]> {
    const f = sql`${from}::date`;
    const t = sql`${to}::date`;
    const r = await sql<TurnoverRow>`
      with ${spells(actor)},
      units as (select distinct org_unit_id from emp)
      select coalesce(units.org_unit_id::text, '') as key,
        ${headcountAt(f, sql`units.org_unit_id`)} as headcount_start,
        ${headcountAt(t, sql`units.org_unit_id`)} as headcount_end,
        ${separationCounts(f, t, sql`units.org_unit_id`)}
      from units order by key
    `.execute(db);
    return r.rows;
  },

  /** The whole range, for the total line. */
  async total(db: Db, actor: Actor, from: string, to: string): Promise<TurnoverRow> {
    const f = sql`${from}::date`;
    const t = sql`${to}::date`;
    const r = await sql<TurnoverRow>`
      with ${spells(actor)}
      select 'total' as key, ${headcountAt(f)} as headcount_start, ${headcountAt(t)} as headcount_end,
        ${separationCounts(f, t)}
    `.execute(db);
    return r.rows[0] as TurnoverRow;
  },
};
