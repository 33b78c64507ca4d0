import { CompiledQuery, sql, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bulkUpsertParties,
  partiesSharingContacts,
  resolvePartyRefs,
  type BulkPartyInput,
  type PartyRef,
} from '../src/modules/parties/index.ts';
import { systemWho } from '../src/platform/audit/audit.ts';
import type { Db } from '../src/platform/db/database.ts';
import { setup, type Harness } from './harness.ts';

// An import batch's lookups and updates must stay index probes as the table grows: a plan that scans the party table
// makes every batch cost more than the one before, and a large import quadratic. Each statement a batch runs is
// captured from the parties module's own functions and EXPLAINed on a table large enough that a scan costs more than
// probes, with fresh statistics (what the importer's upkeep keeps between batches).

/** Parties written through the bulk path (the ones the batches below name), then filler rows written by SQL. */
const PARTIES = 2000;
const FILLER = 60_000;
const scanned = ['party', 'party_role', 'party_history'];

let h: Harness;
let orgId: string;

const person = (i: number): BulkPartyInput => ({
  kind: 'person',
  displayName: `客户 ${i}`,
  externalId: `X${i}`,
  emails: [`c${i}@example.com`],
  phones: [`+86138${String(i).padStart(8, '0')}`],
  roles: [{ role: 'customer', stage: 'developing' }],
});

/** Runs `fn` on a Db that records every statement Kysely builds; returns them compiled with their parameters. */
async function capture(fn: (db: Db) => Promise<unknown>): Promise<CompiledQuery[]> {
  const nodes: RootOperationNode[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      nodes.push(args.node);
      return args.node;
    },
    transformResult: (args) => Promise.resolve(args.result),
  };
  await h.db.db.transaction().execute(async (trx) => {
    await fn(trx.withPlugin(plugin));
  });
  return nodes.map((node) => h.db.db.getExecutor().compileQuery(node, { queryId: 'plan' }));
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

const indexScans = ['Index Scan', 'Index Only Scan', 'Bitmap Index Scan'];

/**
 * The tables a statement's plan reads whole: a sequential scan, or an index walked from end to end (an index scan
 * with no condition, which the planner may prefer to a sequential scan and costs as much).
 */
async function wholeReads(q: CompiledQuery): Promise<string[]> {
  const res = await h.db.db.executeQuery<{ 'QUERY PLAN': [{ Plan: PlanNode }] | string }>(
    CompiledQuery.raw(`explain (format json) ${q.sql}`, [...q.parameters]),
  );
  const raw = res.rows[0]?.['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? (JSON.parse(raw) as [{ Plan: PlanNode }]) : raw)?.[0]?.Plan;
  const out: string[] = [];
  const walk = (n: PlanNode | undefined, relation: string | undefined) => {
    if (!n) {
      return;
    }
    const rel = n['Relation Name'] ?? relation;
    if (rel && (n['Node Type'] === 'Seq Scan' || (indexScans.includes(n['Node Type']) && !n['Index Cond']))) {
      out.push(rel);
    }
    n.Plans?.forEach((c) => walk(c, rel));
  };
  walk(plan, undefined);
  return out.filter((t) => scanned.includes(t));
}

/** Every captured read or update of the party tables, with the tables its plan scans. */
async function scansOf(queries: CompiledQuery[]) {
  const reads = queries.filter((q) => /^\s*(select|update|delete|with)\b/i.test(q.sql) && /"?party/.test(q.sql));
  expect(reads.length).toBeGreaterThan(0);
  return Promise.all(reads.map(async (q) => ({ sql: q.sql.slice(0, 160), scans: await wholeReads(q) })));
}

beforeAll(async () => {
  h = await setup();
  orgId = h.org.orgId;
  const rows = Array.from({ length: PARTIES }, (_, i) => person(i));
  await h.db.db.transaction().execute(async (trx) => {
    const out = await bulkUpsertParties(trx, systemWho(orgId), rows);
    expect(out.created).toHaveLength(PARTIES);
  });
  // Enough other customers (with their roles) that reading a table whole costs far more than probing it.
  await sql`
    insert into party (org_id, kind, display_name, external_id, emails, phones, name_key)
    select ${orgId}::uuid, 'person', 'Filler ' || g, 'F' || g, array['f' || g || '@fill.test'], array['+8613900' || lpad(g::text, 6, '0')], 'filler ' || g
    from generate_series(1, ${FILLER}) g`.execute(h.db.db);
  await sql`
    insert into party_role (org_id, party_id, role, stage)
    select org_id, id, 'customer', 'developing' from party where org_id = ${orgId}::uuid and external_id like 'F%'`.execute(
    h.db.db,
  );
  await sql`analyze party, party_role, party_history`.execute(h.db.db);
}, 180_000);

describe('import batches use index probes', () => {
  it('finds a scan when a statement has no index to use (the check itself works)', async () => {
    const queries = await capture((db) =>
      db
        .selectFrom('party')
        .select('id')
        .where(sql<boolean>`display_name || '' = ${'客户 7'}`)
        .execute(),
    );
    expect((await scansOf(queries)).flatMap((q) => q.scans)).toEqual(['party']);
  });

  it.each(['externalId', 'email', 'phone'] as const)(
    'an upsert batch keyed by %s probes the indexes for its matches, external ids and roles, and updates by id',
    async (upsertKey) => {
      // Half the batch names existing parties (updates with a stage change), half is new.
      const rows = [
        ...Array.from({ length: 100 }, (_, i) => ({
          ...person(i * 20),
          roles: [{ role: 'customer' as const, stage: 'loyal' }],
        })),
        ...Array.from({ length: 100 }, (_, i) =>
          person({ externalId: 100_000, email: 200_000, phone: 300_000 }[upsertKey] + i),
        ),
      ];
      const queries = await capture(async (db) => {
        const out = await bulkUpsertParties(db, systemWho(orgId), rows, { upsertKey });
        expect(out.updated).toHaveLength(100);
      });
      const plans = await scansOf(queries);
      expect(plans).toEqual(plans.map((q) => ({ ...q, scans: [] })));
    },
  );

  it('the duplicate report and the references of a batch probe the indexes', async () => {
    const ids = Array.from({ length: 200 }, (_, i) => i * 9);
    const refs: PartyRef[] = ids.flatMap((i) => [
      { by: 'externalId', value: `X${i}` },
      { by: 'email', value: `c${i}@example.com` },
      { by: 'phone', value: `+86138${String(i).padStart(8, '0')}` },
      { by: 'name', value: `客户 ${i}` },
    ]);
    const queries = await capture(async (db) => {
      const dupes = await partiesSharingContacts(
        db,
        orgId,
        ids.map((i) => `c${i}@example.com`),
        ids.map((i) => `+86138${String(i).padStart(8, '0')}`),
      );
      expect(dupes).toHaveLength(200);
      const found = await resolvePartyRefs(db, orgId, refs);
      expect(found.get('externalId:X9')).toHaveLength(1);
    });
    const plans = await scansOf(queries);
    expect(plans).toEqual(plans.map((q) => ({ ...q, scans: [] })));
  });
});
