import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { generateDemo, type GeneratorOptions } from '../src/demo/generator.ts';
import { setup } from './harness.ts';

const h = await setup();
const db = h.db.db;
const small: Omit<GeneratorOptions, 'orgName'> = {
  customers: 200,
  employees: 30,
  transactions: 2000,
  locale: 'mixed',
  password: 'demo-password-1',
  batchSize: 500,
};

/** A checksum over what was generated (names, owners by email, amounts, dates, lines), leaving out ids and creation times. */
async function checksum(orgId: string): Promise<string> {
  const r = await sql<{ c: string }>`
    select md5(
      (select string_agg(concat_ws('|', p.external_id, p.display_name, p.kind, array_to_string(p.phones, ','), split_part(u.email, '@', 1)), ';' order by p.external_id)
         from party p left join app_user u on u.org_id = p.org_id and u.id = p.owner_id where p.org_id = ${orgId})
      || (select string_agg(concat_ws('|', p.external_id, t.occurred_at, t.amount, t.channel,
              (select string_agg(concat_ws('/', pr.sku, l.quantity, l.amount), ',' order by l.line_no)
                 from transaction_line l join product pr on pr.org_id = l.org_id and pr.id = l.product_id
                 where l.org_id = t.org_id and l.transaction_id = t.id)), ';' order by p.external_id, t.occurred_at, t.amount)
         from "transaction" t join party p on p.org_id = t.org_id and p.id = t.party_id where t.org_id = ${orgId})
      || (select string_agg(concat_ws('|', r.employee_no, r.hire_date, r.job_title, r.salary, split_part(m.email, '@', 1)), ';' order by r.employee_no)
         from party_role r left join app_user m on m.org_id = r.org_id and m.id = r.manager_id where r.org_id = ${orgId} and r.role = 'employee')
    ) as c`.execute(db);
  return r.rows[0]?.c ?? '';
}

const a = await generateDemo(db, { ...small, orgName: 'Gen A', seed: 42 });
const b = await generateDemo(db, { ...small, orgName: 'Gen B', seed: 42 });
const c = await generateDemo(db, { ...small, orgName: 'Gen C', seed: 43 });

describe('demo generator', () => {
  it('generates the requested volumes through the bulk paths', async () => {
    expect(a.counts).toMatchObject({ customers: 200, employees: 30, transactions: 2000 });
    const n = async (table: 'party' | 'transaction' | 'app_user' | 'interaction', orgId: string) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('org_id', '=', orgId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await n('party', a.orgId)).toBe(230);
    expect(await n('transaction', a.orgId)).toBe(2000);
    expect(await n('app_user', a.orgId)).toBe(31);
    expect(await n('interaction', a.orgId)).toBeGreaterThan(50);
    expect(a.counts.tasks).toBeGreaterThan(0);
    // Every employee has a manager except the CEO; every customer an owner; amounts equal their lines.
    const noManager = await sql<{
      n: number;
    }>`select count(*)::int as n from party_role where org_id = ${a.orgId} and role = 'employee' and manager_id is null`.execute(
      db,
    );
    expect(noManager.rows[0]?.n).toBe(1);
    const noOwner = await sql<{
      n: number;
    }>`select count(*)::int as n from party_role r join party p on p.org_id = r.org_id and p.id = r.party_id where r.org_id = ${a.orgId} and r.role = 'customer' and p.owner_id is null`.execute(
      db,
    );
    expect(noOwner.rows[0]?.n).toBe(0);
    const off = await sql<{
      n: number;
    }>`select count(*)::int as n from "transaction" t where t.org_id = ${a.orgId} and t.amount <> (select sum(amount) from transaction_line l where l.org_id = t.org_id and l.transaction_id = t.id)`.execute(
      db,
    );
    expect(off.rows[0]?.n).toBe(0);
  });

  it('is deterministic for a seed and differs for another seed', async () => {
    const [ca, cb, cc] = await Promise.all([checksum(a.orgId), checksum(b.orgId), checksum(c.orgId)]);
    expect(ca).toMatch(/^[0-9a-f]{32}$/);
    expect(cb).toBe(ca);
    expect(cc).not.toBe(ca);
  });

  it('skews revenue: the top 20% of owners hold more than half of it', async () => {
    const r = await sql<{ share: string }>`
      with by_owner as (
        select p.owner_id, sum(t.amount) as revenue from "transaction" t join party p on p.org_id = t.org_id and p.id = t.party_id
        where t.org_id = ${a.orgId} group by p.owner_id
      ), ranked as (select revenue, row_number() over (order by revenue desc) as rk, count(*) over () as n from by_owner)
      select (sum(revenue) filter (where rk <= ceil(n * 0.2)) / sum(revenue))::text as share from ranked`.execute(db);
    expect(Number(r.rows[0]?.share)).toBeGreaterThan(0.5);
  });

  it('gives RFM and CLV signal: purchase frequency varies widely, some customers stopped buying, repeat buyers exist', async () => {
    const r = await sql<{ buyers: number; repeat: number; max_f: number; lapsed: number }>`
      with f as (select party_id, count(*) as n, max(occurred_at) as last from "transaction" where org_id = ${a.orgId} group by party_id)
      select count(*)::int as buyers, count(*) filter (where n >= 2)::int as repeat, max(n)::int as max_f,
             count(*) filter (where last < timestamptz '2026-01-01' - interval '180 days')::int as lapsed from f`.execute(
      db,
    );
    const row = r.rows[0];
    expect(row?.buyers).toBeGreaterThan(100);
    expect(row?.repeat).toBeGreaterThan(50);
    expect(row?.max_f).toBeGreaterThan(30);
    expect(row?.lapsed).toBeGreaterThan(20);
  });

  it('lets the sample users sign in and see the data through the API', async () => {
    const admin = h.as(await h.login(a.adminEmail, 'demo-password-1'));
    const list = (await admin.get('/api/transactions?limit=5')).json();
    expect(list.items).toHaveLength(5);
    expect(a.sampleUsers.length).toBeGreaterThanOrEqual(3);
    const rep = a.sampleUsers.find((u) => u.roles.includes('agent') && !u.roles.includes('manager'));
    expect(rep).toBeDefined();
    const agent = h.as(await h.login(rep?.email ?? '', 'demo-password-1'));
    const mine = (await agent.get('/api/parties?role=customer&limit=500')).json().items as { ownerId: string }[];
    const me = (await agent.get('/api/auth/me')).json().user;
    expect(mine.every((p) => p.ownerId === me.id)).toBe(true);
  });
});
