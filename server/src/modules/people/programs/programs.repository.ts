import { sql, type Insertable, type Updateable } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/database.ts';
import { managedUnitIds } from '../../../platform/access/access.ts';
import { updateVersioned } from '../../../platform/db/versioned.ts';
import { paginate } from '../../../platform/db/pagination.ts';
import { isHr, programVisible, visionVisible } from '../people.access.ts';
import type { PdcaCycleTable, VisionReviewTable } from '../people.tables.ts';
import type { ListPdcaQuery, ListVisionQuery } from './programs.schema.ts';

const createdDesc = { column: 'x.created_at', desc: true, type: 'timestamptz' } as const;

export const programsRepository = {
  /** Whether the actor may create a record for this unit (null: the organisation, HR and admin only). */
  async unitWritable(db: Db, actor: Actor, orgUnitId: string | null): Promise<boolean> {
    if (isHr(actor)) {
      return true;
    }
    if (!orgUnitId) {
      return false;
    }
    const r = await sql<{ ok: boolean }>`select ${orgUnitId}::uuid in ${managedUnitIds(actor)} as ok`.execute(db);
    return r.rows[0]?.ok ?? false;
  },

  async unitExists(db: Db, orgId: string, id: string): Promise<boolean> {
    const r = await db.selectFrom('org_unit').select('id').where('org_id', '=', orgId).where('id', '=', id).execute();
    return r.length > 0;
  },

  /** Live parties of the organisation among `ids` (owners and participants name people that exist). */
  async liveParties(db: Db, orgId: string, ids: string[]): Promise<Set<string>> {
    if (!ids.length) {
      return new Set();
    }
    const rows = await db
      .selectFrom('party as p')
      .select('p.id')
      .where('p.org_id', '=', orgId)
      .where('p.id', 'in', ids)
      .where('p.deleted_at', 'is', null)
      .where('p.merged_into_id', 'is', null)
      .execute();
    return new Set(rows.map((r) => r.id));
  },

  insertPdca: (db: Db, row: Insertable<PdcaCycleTable>) =>
    db.insertInto('pdca_cycle').values(row).returning('id').executeTakeFirstOrThrow(),

  updatePdca: (db: Db, orgId: string, id: string, version: number, set: Updateable<PdcaCycleTable>) =>
    updateVersioned(db, 'pdca_cycle', orgId, id, version, set),

  pdcaQuery(db: Db, actor: Actor, mode: 'read' | 'write') {
    return db
      .selectFrom('pdca_cycle as x')
      .leftJoin('party as p', (j) => j.onRef('p.org_id', '=', 'x.org_id').onRef('p.id', '=', 'x.owner_party_id'))
      .selectAll('x')
      .select('p.display_name as owner_name')
      .where('x.org_id', '=', actor.orgId)
      .where(programVisible(actor, mode));
  },

  findPdca: (db: Db, actor: Actor, id: string, mode: 'read' | 'write' = 'read') =>
    programsRepository.pdcaQuery(db, actor, mode).where('x.id', '=', id).executeTakeFirst(),

  listPdca(db: Db, actor: Actor, q: ListPdcaQuery) {
    let query = programsRepository.pdcaQuery(db, actor, 'read');
    if (q.orgUnitId) {
      query = query.where('x.org_unit_id', '=', q.orgUnitId);
    }
    if (q.status) {
      query = query.where('x.status', '=', q.status);
    }
    return paginate(query, {
      limit: q.limit,
      cursor: q.cursor,
      sort: createdDesc,
      idColumn: 'x.id',
      sortValue: (r) => r.created_at,
    });
  },

  insertVision: (db: Db, row: Insertable<VisionReviewTable>) =>
    db
      .insertInto('vision_review')
      .values(row)
      .onConflict((c) => c.doNothing())
      .returning('id')
      .executeTakeFirst(),

  updateVision: (db: Db, orgId: string, id: string, version: number, set: Updateable<VisionReviewTable>) =>
    updateVersioned(db, 'vision_review', orgId, id, version, set),

  visionQuery: (db: Db, actor: Actor, mode: 'read' | 'write') =>
    db
      .selectFrom('vision_review as x')
      .selectAll('x')
      .where('x.org_id', '=', actor.orgId)
      .where(visionVisible(actor, mode)),

  findVision: (db: Db, actor: Actor, id: string, mode: 'read' | 'write' = 'read') =>
    programsRepository.visionQuery(db, actor, mode).where('x.id', '=', id).executeTakeFirst(),

  listVision(db: Db, actor: Actor, q: ListVisionQuery) {
    let query = programsRepository.visionQuery(db, actor, 'read');
    if (q.orgUnitId) {
      query = query.where('x.org_unit_id', '=', q.orgUnitId);
    }
    if (q.year) {
      query = query.where('x.year', '=', q.year);
    }
    return paginate(query, {
      limit: q.limit,
      cursor: q.cursor,
      sort: createdDesc,
      idColumn: 'x.id',
      sortValue: (r) => r.created_at,
    });
  },
};
