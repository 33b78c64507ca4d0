import { sql } from 'kysely';
import type { GeneratorResult } from '../server/src/demo/generator.ts';
import { hashPassword } from '../server/src/platform/auth/crypto.ts';
import type { DatabaseHandle } from '../server/src/platform/db/database.ts';

/** The organisation a previous run or `tandem demo --org Bench` left in the database (`--seeded`), ready to measure. */
export async function adopt(
  h: DatabaseHandle,
  o: { password: string; extraUsers: number; customers: number; employees: number; transactions: number },
): Promise<{ demo: GeneratorResult; seedMs: number }> {
  const org = await h.db
    .selectFrom('organization')
    .select('org_id as id')
    .where('slug', '=', 'bench')
    .executeTakeFirst();
  if (!org) {
    throw new Error('--seeded: no organisation "bench" in that database');
  }
  const users = await h.db
    .selectFrom('app_user')
    .select(['email', 'display_name', 'roles'])
    .where('org_id', '=', org.id)
    .where('password_hash', 'is not', null)
    .execute();
  const sampleUsers = users.map((u) => ({ email: u.email, displayName: u.display_name, roles: u.roles }));
  const agent = sampleUsers.find((u) => u.roles.includes('agent') && !u.roles.includes('manager'));
  const hash = await hashPassword(o.password);
  await h.db
    .updateTable('app_user')
    .set({ password_hash: hash })
    .where('org_id', '=', org.id)
    .where('email', 'in', ['admin@bench.test', ...(agent ? [agent.email] : [])])
    .execute();
  const filler = await h.db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', org.id)
    .where('email', 'like', 'user%@bench.test')
    .executeTakeFirstOrThrow();
  if (Number(filler.n) === 0) {
    await sql`
      insert into app_user (org_id, email, display_name, roles, locale)
      select ${org.id}::uuid, 'user' || g || '@bench.test', (array['张','李','王','Smith','Chen'])[1 + g % 5] || ' ' || g, array['agent'], 'zh-CN'
      from generate_series(1, ${o.extraUsers}) g`.execute(h.db);
    await sql`analyze`.execute(h.db);
  }
  console.log(`Measuring the seeded organisation (${sampleUsers.length} users who sign in)`);
  const demo: GeneratorResult = {
    orgId: org.id,
    slug: 'bench',
    adminEmail: 'admin@bench.test',
    password: o.password,
    sampleUsers,
    counts: {
      employees: o.employees,
      customers: o.customers,
      products: 0,
      transactions: o.transactions,
      interactions: 0,
      tasks: 0,
    },
    transactionLoad: { ms: 0, rowsPerSecond: 0 },
  };
  return { demo, seedMs: 0 };
}
