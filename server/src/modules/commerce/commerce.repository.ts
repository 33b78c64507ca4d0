import type { SearchProvider } from '../../platform/search/search.ts';
import { sql, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Visibility } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { fewVisible, idsUpTo } from '../../platform/db/count.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import { paginate, parseSort } from '../../platform/db/pagination.ts';
import { transactionPartySet, transactionVisible } from './commerce.access.ts';
import type { ListProductsQuery, ListTransactionsQuery } from './commerce.schema.ts';
import type {
  ProductRow,
  ProductTable,
  TransactionLineRow,
  TransactionLineTable,
  TransactionRow,
  TransactionTable,
} from './commerce.tables.ts';

type PageArgs = { limit: number; cursor: string | undefined };

const productSorts = {
  name: { column: 'pr.name', type: 'text' },
  updatedAt: { column: 'pr.updated_at', type: 'timestamptz' },
  createdAt: { column: 'pr.created_at', type: 'timestamptz' },
} as const;

const transactionSorts = {
  occurredAt: { column: 't.occurred_at', type: 'timestamptz' },
  createdAt: { column: 't.created_at', type: 'timestamptz' },
} as const;

export type LineWithName = TransactionLineRow & { product_name: string | null };

export const productsRepository = {
  list(db: Db, orgId: string, f: ListProductsQuery, page: PageArgs) {
    let q = db.selectFrom('product as pr').selectAll('pr').where('pr.org_id', '=', orgId);
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb.or([eb('pr.name', 'ilike', like), eb('pr.sku', 'ilike', like)]));
    }
    if (f.category) {
      q = q.where('pr.category', '=', f.category);
    }
    if (f.active !== undefined) {
      q = q.where('pr.active', '=', f.active);
    }
    const sort = parseSort(f.sort, productSorts);
    const key = { 'pr.name': 'name', 'pr.updated_at': 'updated_at', 'pr.created_at': 'created_at' } as const;
    return paginate(q, { ...page, sort, idColumn: 'pr.id', sortValue: (r) => r[key[sort.column as keyof typeof key]] });
  },

  find(db: Db, orgId: string, id: string): Promise<ProductRow | undefined> {
    return db.selectFrom('product').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  },

  byIds(db: Db, orgId: string, ids: string[]): Promise<ProductRow[]> {
    return ids.length
      ? db.selectFrom('product').selectAll().where('org_id', '=', orgId).where('id', 'in', ids).execute()
      : Promise.resolve([]);
  },

  insert(db: Db, row: Insertable<ProductTable>): Promise<ProductRow> {
    return db.insertInto('product').values(row).returningAll().executeTakeFirstOrThrow();
  },

  update(
    db: Db,
    orgId: string,
    id: string,
    version: number,
    values: Updateable<ProductTable>,
  ): Promise<ProductRow | undefined> {
    return updateVersioned(db, 'product', orgId, id, version, values);
  },

  /** Ids of the organisation's products holding these external ids or SKUs (for a clear 409). */
  async taken(
    db: Db,
    orgId: string,
    externalId: string | null | undefined,
    sku: string | null | undefined,
    except?: string,
  ) {
    if (!externalId && !sku) {
      return undefined;
    }
    let q = db
      .selectFrom('product')
      .select(['id', 'external_id', 'sku'])
      .where('org_id', '=', orgId)
      .where((eb) =>
        eb.or([...(externalId ? [eb('external_id', '=', externalId)] : []), ...(sku ? [eb('sku', '=', sku)] : [])]),
      );
    if (except) {
      q = q.where('id', '<>', except);
    }
    return q.executeTakeFirst();
  },
};

export const transactionsRepository = {
  async list(db: Db, actor: Actor, visibility: Visibility, f: ListTransactionsQuery, page: PageArgs) {
    // A reader who sees few parties (an agent: their own customers; HR: the employees) would make a date-ordered
    // walk skip most transactions; for them, take the visible parties first (when the parties module's set of a
    // restricted reader holds at most fewVisible.max) and read their transactions through the (org_id, party_id,
    // occurred_at) index. Everyone else walks the date index with the party check per row.
    const set = f.partyId ? null : transactionPartySet(actor, visibility);
    const few = set ? await idsUpTo(db, set, fewVisible.max) : null;
    let q = db
      .selectFrom('transaction as t')
      .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 't.org_id').onRef('p.id', '=', 't.party_id'))
      .selectAll('t')
      .where('t.org_id', '=', actor.orgId)
      .where(() => transactionVisible(actor, visibility, 'read'));
    if (few) {
      // Read by party (ids from an earlier statement; the condition above, liveness included, still applies to each).
      // Named on both sides so the planner starts from these parties rather than walking the dates.
      q = q.where(sql<SqlBool>`t.party_id = any(${sql.val(few)}::uuid[]) and p.id = any(${sql.val(few)}::uuid[])`);
    }
    if (f.partyId) {
      q = q.where('t.party_id', '=', f.partyId);
    }
    if (f.channel) {
      q = q.where('t.channel', '=', f.channel);
    }
    if (f.from) {
      q = q.where('t.occurred_at', '>=', new Date(f.from));
    }
    if (f.to) {
      q = q.where('t.occurred_at', '<', new Date(f.to));
    }
    if (f.productId) {
      const productId = f.productId;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('transaction_line as l')
            .select('l.line_no')
            .whereRef('l.org_id', '=', 't.org_id')
            .whereRef('l.transaction_id', '=', 't.id')
            .where('l.product_id', '=', productId),
        ),
      );
    }
    const sort = parseSort(f.sort, transactionSorts);
    return paginate(q, {
      ...page,
      sort,
      idColumn: 't.id',
      sortValue: (r) => (sort.column === 't.created_at' ? r.created_at : r.occurred_at),
    });
  },

  find(
    db: Db,
    actor: Actor,
    visibility: Visibility,
    id: string,
    mode: 'read' | 'write',
  ): Promise<TransactionRow | undefined> {
    return db
      .selectFrom('transaction as t')
      .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 't.org_id').onRef('p.id', '=', 't.party_id'))
      .selectAll('t')
      .where('t.org_id', '=', actor.orgId)
      .where('t.id', '=', id)
      .where(() => transactionVisible(actor, visibility, mode))
      .executeTakeFirst();
  },

  byIds(db: Db, orgId: string, ids: string[]): Promise<TransactionRow[]> {
    return ids.length
      ? db.selectFrom('transaction').selectAll().where('org_id', '=', orgId).where('id', 'in', ids).execute()
      : Promise.resolve([]);
  },

  /** Display names of the parties on a page (already known visible to the reader). */
  async partyNames(db: Db, orgId: string, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) {
      return new Map();
    }
    const rows = await db
      .selectFrom('party')
      .select(['id', 'display_name'])
      .where('org_id', '=', orgId)
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r.display_name]));
  },

  /** The lines of these transactions, in line order, with their product's name. */
  linesOf(db: Db, orgId: string, ids: string[]): Promise<LineWithName[]> {
    if (!ids.length) {
      return Promise.resolve([]);
    }
    return db
      .selectFrom('transaction_line as l')
      .leftJoin('product as pr', (j) => j.onRef('pr.org_id', '=', 'l.org_id').onRef('pr.id', '=', 'l.product_id'))
      .selectAll('l')
      .select('pr.name as product_name')
      .where('l.org_id', '=', orgId)
      .where('l.transaction_id', 'in', ids)
      .orderBy('l.transaction_id')
      .orderBy('l.line_no')
      .execute();
  },

  /**
   * The party timeline's keys of a party's transactions. The timeline shows only a party the reader may
   * see in full, and a transaction is visible exactly when its party is, so the organisation and the party suffice.
   */
  timelineKeys(orgId: string, partyId: string) {
    return sql`select 'transaction' as type, tx.id, tx.occurred_at as at from "transaction" tx where tx.org_id = ${orgId} and tx.party_id = ${partyId}`;
  },

  insert(db: Db, row: Insertable<TransactionTable>): Promise<TransactionRow> {
    return db.insertInto('transaction').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async insertLines(db: Db, rows: Insertable<TransactionLineTable>[]): Promise<void> {
    if (rows.length) {
      await db.insertInto('transaction_line').values(rows).execute();
    }
  },

  /** Whether an external id is taken in the organisation (for a clear 409 rather than a constraint error). */
  async externalIdTaken(db: Db, orgId: string, externalId: string): Promise<boolean> {
    return Boolean(
      await db
        .selectFrom('transaction')
        .select('id')
        .where('org_id', '=', orgId)
        .where('external_id', '=', externalId)
        .executeTakeFirst(),
    );
  },
};

/** Products in the global search box, by name or SKU (the catalogue is everyone's to read); opens the filtered list. */
export const productsSearchProvider: SearchProvider = async (db, actor, q, limit) => {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .selectFrom('product as pr')
    .select(['pr.id', 'pr.name', 'pr.sku', 'pr.active'])
    .where('pr.org_id', '=', actor.orgId)
    .where((eb) => eb.or([eb('pr.name', 'ilike', like), eb('pr.sku', 'ilike', like)]))
    .orderBy('pr.active', 'desc')
    .orderBy('pr.name')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    type: 'product',
    id: r.id,
    title: r.name,
    subtitle: r.sku,
    url: `/value/products?q=${encodeURIComponent(r.name)}`,
  }));
};
