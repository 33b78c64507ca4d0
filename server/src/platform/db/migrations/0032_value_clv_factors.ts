import { sql, type Kysely } from 'kysely';

// What a CLV fit computes once for the customers' predictions (docs/metrics.md "CLV, probabilistic"): per distinct
// (x, tₓ, T) in days of its data, P(alive), E[Y] over the default horizon and the discounted expected purchases. The
// list of customers by CLV then reads them instead of computing them again on every page. No party is named here.
// Null factors: not finite for that triple (the customer is left out of the list, as when computed on the fly).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table value_clv_factor (
      org_id uuid not null,
      fit_id uuid not null,
      x int not null,
      tx_days int not null,
      t_days int not null,
      p_alive float8,
      expected_purchases float8,
      discounted float8,
      primary key (org_id, fit_id, x, tx_days, t_days),
      foreign key (org_id, fit_id) references value_clv_fit (org_id, id) on delete cascade
    );
  `.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('The CLV factors migration cannot be reverted'));
}
