import { updateVersioned } from '../db/versioned.ts';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { inTeam } from '../access/access.ts';
import type { Database, NewUserRow, UserRow, UserUpdate } from '../db/types.ts';
import { paginate, parseSort } from '../db/pagination.ts';
import type { Role } from './constants-types.ts';

type Db = Kysely<Database>;

const sortColumns = {
  displayName: { column: 'display_name', type: 'text' },
  email: { column: 'email', type: 'text' },
  createdAt: { column: 'created_at', type: 'timestamptz' },
  lastLoginAt: { column: "coalesce(last_login_at, '-infinity'::timestamptz)", type: 'timestamptz' },
} as const;

export interface UserFilters {
  q?: string | undefined;
  role?: Role | undefined;
  orgUnitId?: string | undefined;
  active?: boolean | undefined;
  scope: 'all' | 'team';
  sort: string;
}

export const usersRepository = {
  findById(db: Db, orgId: string, id: string): Promise<UserRow | undefined> {
    return db.selectFrom('app_user').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  },

  /** Display names of `ids` (users of the organisation), in one query: lists show owners without a request each. */
  async displayNames(db: Db, orgId: string, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) {
      return new Map();
    }
    const rows = await db
      .selectFrom('app_user')
      .select(['id', 'display_name'])
      .where('org_id', '=', orgId)
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r.display_name]));
  },

  /** Which of `ids` are users of the organisation. */
  async existingIds(db: Db, orgId: string, ids: string[]): Promise<Set<string>> {
    if (!ids.length) {
      return new Set();
    }
    const rows = await db
      .selectFrom('app_user')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', 'in', ids)
      .execute();
    return new Set(rows.map((r) => r.id));
  },

  // org-scope: sign-in looks the email up before any organisation is known.
  findActiveByEmail(db: Db, email: string): Promise<(UserRow & { org_slug: string })[]> {
    return db
      .selectFrom('app_user')
      .innerJoin('organization', 'organization.org_id', 'app_user.org_id')
      .selectAll('app_user')
      .select('organization.slug as org_slug')
      .where('app_user.email', '=', email)
      .where('app_user.active', '=', true)
      .limit(20)
      .execute();
  },

  findByEmail(db: Db, orgId: string, email: string): Promise<UserRow | undefined> {
    return db
      .selectFrom('app_user')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('email', '=', email)
      .executeTakeFirst();
  },

  list(db: Db, actor: Actor, f: UserFilters, page: { limit: number; cursor: string | undefined }) {
    let q = db.selectFrom('app_user').selectAll().where('org_id', '=', actor.orgId);
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb.or([eb('display_name', 'ilike', like), eb('email', 'ilike', like)]));
    }
    if (f.role) {
      q = q.where((eb) => eb(eb.val(f.role), '=', eb.fn.any('roles')));
    }
    if (f.orgUnitId) {
      q = q.where('org_unit_id', '=', f.orgUnitId);
    }
    if (f.active !== undefined) {
      q = q.where('active', '=', f.active);
    }
    if (f.scope === 'team') {
      q = q.where(() => inTeam(actor, 'id'));
    }
    const sort = parseSort(f.sort, sortColumns);
    const field = (f.sort.startsWith('-') ? f.sort.slice(1) : f.sort) as keyof typeof sortColumns;
    return paginate(q, {
      ...page,
      sort,
      idColumn: 'id',
      sortValue: (row) => {
        switch (field) {
          case 'displayName':
            return row.display_name;
          case 'email':
            return row.email;
          case 'createdAt':
            return row.created_at;
          case 'lastLoginAt':
            return row.last_login_at ?? '-infinity';
        }
      },
    });
  },

  countByRole(db: Db, orgId: string) {
    return db
      .selectFrom((eb) =>
        eb
          .selectFrom('app_user')
          .select((e) => e.fn<Role>('unnest', ['roles']).as('role'))
          .where('org_id', '=', orgId)
          .where('active', '=', true)
          .as('r'),
      )
      .select(['r.role', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('r.role')
      .orderBy('r.role')
      .execute();
  },

  insert(db: Db, row: NewUserRow): Promise<UserRow> {
    return db.insertInto('app_user').values(row).returningAll().executeTakeFirstOrThrow();
  },

  /** Conditional on the version the caller read; undefined when it changed or is gone. */
  update(db: Db, orgId: string, id: string, version: number, values: UserUpdate): Promise<UserRow | undefined> {
    return updateVersioned(db, 'app_user', orgId, id, version, values);
  },

  touchLogin(db: Db, orgId: string, id: string): Promise<unknown> {
    return db
      .updateTable('app_user')
      .set({ last_login_at: new Date() })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
  },

  countAdmins(db: Db, orgId: string): Promise<number> {
    return db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', orgId)
      .where('active', '=', true)
      .where((eb) => eb(eb.val('admin'), '=', eb.fn.any('roles')))
      .executeTakeFirstOrThrow()
      .then((r) => r.n);
  },

  /** An active user of the organisation, by id (imports run as their creator, as they are now). */
  findActiveById(db: Db, orgId: string, id: string): Promise<UserRow | undefined> {
    return db
      .selectFrom('app_user')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('active', '=', true)
      .executeTakeFirst();
  },

  /** An active user of the organisation, by (lower-case) email: the CLI's --as. */
  findActiveByEmailInOrg(db: Db, orgId: string, email: string): Promise<UserRow | undefined> {
    return db
      .selectFrom('app_user')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('active', '=', true)
      .where('email', '=', email)
      .executeTakeFirst();
  },

  /** The first active admin (by creation) of the organisation, or of any organisation without one. */
  // org-scope: the CLI's default actor: with no organisation named, the first admin of any.
  firstActiveAdmin(db: Db, orgId?: string): Promise<UserRow | undefined> {
    let q = db.selectFrom('app_user').selectAll();
    if (orgId) {
      q = q.where('org_id', '=', orgId);
    }
    return q
      .where('active', '=', true)
      .where((eb) => eb(eb.val('admin'), '=', eb.fn.any('roles')))
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
  },

  /** Every user's id, email and name (imports resolve users named in cells). */
  directory(
    db: Db,
    orgId: string,
  ): Promise<{ id: string; email: string; display_name: string; org_unit_id: string | null }[]> {
    return db
      .selectFrom('app_user')
      .select(['id', 'email', 'display_name', 'org_unit_id'])
      .where('org_id', '=', orgId)
      .execute();
  },

  /** Links a user to their employee record ("my record"), for loaders that create both. */
  async linkParty(db: Db, orgId: string, id: string, partyId: string): Promise<void> {
    await db
      .updateTable('app_user')
      .set({ party_id: partyId })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
  },
};
