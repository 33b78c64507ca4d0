import type { Insertable } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/database.ts';
import { oneOnOneVisible } from '../people.access.ts';
import type { OneOnOneTable } from '../people.tables.ts';
import type { ListOneOnOnesQuery } from './conversations.schema.ts';

export const conversationsRepository = {
  insert: (db: Db, row: Insertable<OneOnOneTable>) =>
    db.insertInto('one_on_one').values(row).returning('id').executeTakeFirstOrThrow(),

  /** 1:1s the actor may read: its two participants and HR (docs/domain.md: the notes are private to them). */
  list(db: Db, actor: Actor, f: ListOneOnOnesQuery & { id?: string }) {
    let q = db
      .selectFrom('one_on_one as o')
      .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 'o.org_id').onRef('p.id', '=', 'o.party_id'))
      .selectAll('o')
      .select('p.display_name')
      .where('o.org_id', '=', actor.orgId)
      .where('p.deleted_at', 'is', null)
      .where(oneOnOneVisible(actor));
    if (f.id) {
      q = q.where('o.id', '=', f.id);
    }
    if (f.partyId) {
      q = q.where('o.party_id', '=', f.partyId);
    }
    if (f.from) {
      q = q.where('o.held_on', '>=', f.from);
    }
    if (f.to) {
      q = q.where('o.held_on', '<=', f.to);
    }
    return q.orderBy('o.held_on', 'desc').orderBy('o.created_at', 'desc').limit(1000).execute();
  },
};
