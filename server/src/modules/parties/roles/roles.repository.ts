import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../platform/db/types.ts';
import { paginate } from '../../../platform/db/pagination.ts';
import type { PartyRoleName } from '../constants.ts';
import type { PartyHistoryTable, PartyRoleRow, PartyRoleTable, PartyRoleUpdate } from '../parties.tables.ts';

type Db = Kysely<Database>;

export const rolesRepository = {
  findCurrent(db: Db, orgId: string, partyId: string, role: PartyRoleName): Promise<PartyRoleRow | undefined> {
    return db
      .selectFrom('party_role')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('party_id', '=', partyId)
      .where('role', '=', role)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
  },

  insert(db: Db, row: Insertable<PartyRoleTable>): Promise<PartyRoleRow> {
    return db.insertInto('party_role').values(row).returningAll().executeTakeFirstOrThrow();
  },

  update(
    db: Db,
    orgId: string,
    id: string,
    version: number,
    values: PartyRoleUpdate,
  ): Promise<PartyRoleRow | undefined> {
    return db
      .updateTable('party_role')
      .set((eb) => ({ ...values, updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('version', '=', version)
      .where('ended_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
  },

  addHistory(db: Db, rows: Insertable<PartyHistoryTable>[]): Promise<unknown> {
    return rows.length ? db.insertInto('party_history').values(rows).execute() : Promise.resolve();
  },

  /** Newest first, with the actor's name. */
  history(
    db: Db,
    orgId: string,
    partyId: string,
    f: { role?: PartyRoleName | undefined; field?: string | undefined },
    page: { limit: number; cursor: string | undefined },
  ) {
    let q = db
      .selectFrom('party_history as h')
      .leftJoin('app_user as u', (j) => j.onRef('u.org_id', '=', 'h.org_id').onRef('u.id', '=', 'h.actor_id'))
      .selectAll('h')
      .select('u.display_name as actor_name')
      .where('h.org_id', '=', orgId)
      .where('h.party_id', '=', partyId);
    if (f.role) {
      q = q.where('h.role', '=', f.role);
    }
    if (f.field) {
      q = q.where('h.field', '=', f.field as PartyHistoryTable['field']);
    }
    return paginate(q, {
      ...page,
      sort: { column: 'h.at', desc: true, type: 'timestamptz' },
      idColumn: 'h.id',
      sortValue: (r) => r.at,
    });
  },

  /** Known stakeholder group keys of the org (active ones). */
  async groupExists(db: Db, orgId: string, key: string): Promise<boolean> {
    const row = await db
      .selectFrom('stakeholder_group')
      .select('id')
      .where('org_id', '=', orgId)
      .where('key', '=', key)
      .where('active', '=', true)
      .executeTakeFirst();
    return row !== undefined;
  },
};
