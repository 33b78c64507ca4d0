import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/types.ts';
import { paginate } from '../../platform/db/pagination.ts';
import type {
  ImportErrorTable,
  ImportItemTable,
  ImportJobRow,
  ImportJobTable,
  ImportStatus,
} from './imports.tables.ts';
import type { ListImportsQuery } from './imports.schema.ts';
import { copyRows } from '../../platform/db/copy.ts';

type Db = Kysely<Database>;

export interface Progress {
  processed: number;
  bytesDone: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  duplicates: number;
}

export const importsRepository = {
  insert(db: Db, row: Insertable<ImportJobTable>): Promise<ImportJobRow> {
    return db.insertInto('import_job').values(row).returningAll().executeTakeFirstOrThrow();
  },

  find(db: Db, orgId: string, id: string): Promise<ImportJobRow | undefined> {
    return db.selectFrom('import_job').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  },

  list(db: Db, orgId: string, createdBy: string | null, f: ListImportsQuery) {
    let q = db.selectFrom('import_job').selectAll().where('org_id', '=', orgId);
    if (createdBy) {
      q = q.where('created_by', '=', createdBy);
    }
    if (f.entity) {
      q = q.where('entity', '=', f.entity);
    }
    if (f.status) {
      q = q.where('status', '=', f.status);
    }
    return paginate(q, {
      limit: f.limit,
      cursor: f.cursor,
      sort: { column: 'created_at', desc: true, type: 'timestamptz' },
      idColumn: 'id',
      sortValue: (r) => r.created_at,
    });
  },

  update(db: Db, orgId: string, id: string, values: Partial<Record<keyof ImportJobTable, unknown>>) {
    return db
      .updateTable('import_job')
      .set({ ...(values as object), updated_at: new Date() })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** Moves a job into `to` when it is in one of `from`; undefined when another process got there first. */
  transition(
    db: Db,
    orgId: string,
    id: string,
    from: ImportStatus[],
    to: ImportStatus,
    values: Partial<Record<keyof ImportJobTable, unknown>> = {},
  ) {
    return db
      .updateTable('import_job')
      .set({ ...(values as object), status: to, updated_at: new Date() })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('status', 'in', from)
      .returningAll()
      .executeTakeFirst();
  },

  /** The checkpoint: moves with the batch that it counts, in the batch's transaction. */
  advance(db: Db, orgId: string, id: string, d: Progress) {
    return db
      .updateTable('import_job')
      .set((eb) => ({
        processed: eb('processed', '+', d.processed),
        bytes_done: d.bytesDone,
        created: eb('created', '+', d.created),
        updated: eb('updated', '+', d.updated),
        skipped: eb('skipped', '+', d.skipped),
        failed: eb('failed', '+', d.failed),
        duplicates: eb('duplicates', '+', d.duplicates),
        updated_at: new Date(),
      }))
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
  },

  /** What each row became, by COPY (the batch's largest write after the records themselves). */
  async addItems(db: Db, rows: Insertable<ImportItemTable>[]) {
    await copyRows(db, 'import_item', ['org_id', 'job_id', 'row_no', 'entity', 'record_id', 'action', 'before'], rows);
  },

  async addErrors(db: Db, rows: Insertable<ImportErrorTable>[]) {
    const columns = ['org_id', 'job_id', 'row_no', 'seq', 'column', 'code', 'message', 'value'];
    await copyRows(db, 'import_error', columns, rows);
  },

  /** Jobs a crash or restart left queued or running (on any organisation), with their runner's lease. */
  // org-scope: resuming interrupted imports at start, across organisations; each is then run with its own org_id.
  unfinished(db: Db) {
    return db
      .selectFrom('import_job')
      .select(['org_id', 'id', 'status', 'updated_at', 'runner_id', 'lease_until', 'file_path'])
      .where('status', 'in', ['queued', 'running'])
      .orderBy('created_at')
      .execute();
  },

  /** Error rows in row order, a page at a time (the CSV report streams through them). */
  errors(db: Db, orgId: string, jobId: string, after: { row: number; seq: number } | null, limit: number) {
    let q = db.selectFrom('import_error').selectAll().where('org_id', '=', orgId).where('job_id', '=', jobId);
    if (after) {
      q = q.where(sql<boolean>`(row_no, seq) > (${after.row}, ${after.seq})`);
    }
    return q.orderBy('row_no').orderBy('seq').limit(limit).execute();
  },

  /** Ids of the records of one entity the job created (a revert removes them). */
  async createdIds(db: Db, orgId: string, jobId: string, entity: string): Promise<string[]> {
    const rows = await db
      .selectFrom('import_item')
      .select('record_id')
      .where('org_id', '=', orgId)
      .where('job_id', '=', jobId)
      .where('entity', '=', entity)
      .where('action', '=', 'created')
      .execute();
    return rows.map((r) => r.record_id);
  },

  /** The snapshots of records the job updated, newest row first, a page before row `before`. */
  updatedBefore(db: Db, orgId: string, jobId: string, before: number, limit: number) {
    return db
      .selectFrom('import_item')
      .select(['row_no', 'before'])
      .where('org_id', '=', orgId)
      .where('job_id', '=', jobId)
      .where('action', '=', 'updated')
      .where('row_no', '<', before)
      .orderBy('row_no', 'desc')
      .limit(limit)
      .execute();
  },

  /** The ids of the records of one entity the job created (a subquery for the owning module's undo). */
  createdIdsQuery(orgId: string, jobId: string, entity: string) {
    return sql`select i.record_id from import_item i
      where i.org_id = ${orgId} and i.job_id = ${jobId} and i.entity = ${entity} and i.action = 'created'`;
  },

  /** Planner statistics of the items table, which grows with every batch (the revert reads it by job). */
  async analyseItems(db: Db): Promise<void> {
    await sql`analyze import_item`.execute(db);
  },

  items(db: Db, orgId: string, jobId: string) {
    return db
      .selectFrom('import_item')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('job_id', '=', jobId)
      .orderBy('row_no', 'desc')
      .execute();
  },
};
