import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { copyRows } from '../src/platform/db/copy.ts';
import type { Db } from '../src/platform/db/database.ts';
import { openTestDatabase } from './harness.ts';

// The COPY path of the bulk writers (platform/db/copy.ts) on the engine under test: rows streamed in chunks mean what
// the same values mean as query parameters, and a row that fails while being built (a lazy iterable) fails the COPY
// without leaving the connection stuck in COPY mode or a single row written.

let db: Db;
let close: () => Promise<void>;
const columns = ['id', 'label', 'tags', 'doc', 'at'];

beforeAll(async () => {
  const t = await openTestDatabase();
  db = t.db;
  close = t.dropAfter;
  await sql`create table copy_probe (id int primary key, label text, tags text[], doc jsonb, at timestamptz)`.execute(
    db,
  );
});
afterAll(async () => close());
beforeEach(async () => {
  await sql`delete from copy_probe`.execute(db);
});

const rowOf = (i: number) => ({
  id: i,
  // Every kind of text CSV and array literals must escape, an empty string (not NULL) and NULL.
  label: i % 7 === 0 ? '' : i % 11 === 0 ? null : `say "hi", back\\slash, 行 ${i}\nnext line`,
  tags: i % 5 === 0 ? [] : ['a,b', 'quote "q"', 'back\\slash', `t${i}`],
  doc: { n: i, text: 'x"y' },
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
});

describe('copyRows', () => {
  it('writes every value as a query parameter would, across chunk boundaries, from an array or a lazy iterable', async () => {
    const rows = Array.from({ length: 450 }, (_, i) => rowOf(i + 1));
    await db.transaction().execute(async (trx) => copyRows(trx, 'copy_probe', columns, rows.slice(0, 250)));
    const lazy = function* () {
      for (const r of rows.slice(250)) {
        yield r;
      }
    };
    await db.transaction().execute(async (trx) => copyRows(trx, 'copy_probe', columns, lazy()));
    const back = await sql<{ id: number; label: string | null; tags: string[]; doc: unknown; at: Date }>`
      select id, label, tags, doc, at from copy_probe order by id`.execute(db);
    expect(back.rows).toHaveLength(450);
    expect(back.rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }))).toEqual(
      rows.map((r) => ({ ...r, at: r.at.toISOString() })),
    );
    // The same values through an INSERT with parameters are stored identically.
    for (const i of [1, 7, 10, 11]) {
      const p = rowOf(i);
      await sql`insert into copy_probe values (${1000 + i}, ${p.label}, ${p.tags}, ${JSON.stringify(p.doc)}, ${p.at})`.execute(
        db,
      );
      const pair = await sql<{ same: boolean }>`
        select (a.label is not distinct from b.label and a.tags = b.tags and a.doc = b.doc and a.at = b.at) as same
        from copy_probe a, copy_probe b where a.id = ${i} and b.id = ${1000 + i}`.execute(db);
      expect(pair.rows).toEqual([{ same: true }]);
    }
  });

  it('a row that fails while being built fails the COPY: nothing written, the connection usable at once', async () => {
    const failing = function* () {
      for (let i = 1; i <= 600; i++) {
        if (i === 450) {
          throw new Error('row 450 could not be built');
        }
        yield rowOf(i);
      }
    };
    await expect(
      db.transaction().execute(async (trx) => {
        await copyRows(trx, 'copy_probe', columns, failing());
      }),
    ).rejects.toThrow('row 450 could not be built');
    const after = await sql<{ n: number }>`select count(*)::int as n from copy_probe`.execute(db);
    expect(after.rows[0]?.n).toBe(0);
    // A constraint the server refuses (a duplicate key in the third chunk) is a failed statement, not a hang.
    const dup = Array.from({ length: 500 }, (_, i) => rowOf(i === 420 ? 3 : i + 1));
    await expect(db.transaction().execute(async (trx) => copyRows(trx, 'copy_probe', columns, dup))).rejects.toThrow();
    await db.transaction().execute(async (trx) => copyRows(trx, 'copy_probe', columns, [rowOf(9)]));
    const one = await sql<{ id: number }>`select id from copy_probe`.execute(db);
    expect(one.rows).toEqual([{ id: 9 }]);
  });
});
