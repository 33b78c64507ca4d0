import type { SearchProvider } from './search.ts';

// Users and org units in the global search box.
const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const platformSearchProviders: SearchProvider[] = [
  async (db, actor, q, limit) => {
    const rows = await db
      .selectFrom('app_user')
      .select(['id', 'display_name', 'email'])
      .where('org_id', '=', actor.orgId)
      .where((eb) => eb.or([eb('display_name', 'ilike', like(q)), eb('email', 'ilike', like(q))]))
      .orderBy('display_name')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      type: 'user',
      id: r.id,
      title: r.display_name,
      subtitle: r.email,
      url: `/settings/users/${r.id}`,
    }));
  },
  async (db, actor, q, limit) => {
    const rows = await db
      .selectFrom('org_unit')
      .select(['id', 'name'])
      .where('org_id', '=', actor.orgId)
      .where('name', 'ilike', like(q))
      .orderBy('name')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      type: 'org_unit',
      id: r.id,
      title: r.name,
      subtitle: null,
      url: `/settings/org-units?focus=${r.id}`,
    }));
  },
];
