import type { Kysely } from 'kysely';
import type { Database, OrganizationRow } from '../db/types.ts';
import type { Locale } from './constants-types.ts';
import { orgSettingsCache, type OrgSettings } from './org-settings.ts';

type Db = Kysely<Database>;

export const organizationsRepository = {
  findById(db: Db, orgId: string): Promise<OrganizationRow | undefined> {
    return db.selectFrom('organization').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  },
  /** The organisation's settings, from the app's cache when it has one (platform/identity/org-settings.ts). */
  async settings(db: Db, orgId: string): Promise<OrgSettings | undefined> {
    const load = async () =>
      (await db.selectFrom('organization').select('settings').where('org_id', '=', orgId).executeTakeFirst())?.settings;
    const cache = orgSettingsCache(db);
    return cache ? cache.get(orgId, load) : load();
  },
  findBySlug(db: Db, slug: string): Promise<OrganizationRow | undefined> {
    return db.selectFrom('organization').selectAll().where('slug', '=', slug).executeTakeFirst();
  },
  list(db: Db): Promise<OrganizationRow[]> {
    return db.selectFrom('organization').selectAll().orderBy('created_at').limit(1000).execute();
  },
  insert(db: Db, v: { slug: string; name: string; defaultLocale: Locale }): Promise<OrganizationRow> {
    return db
      .insertInto('organization')
      .values({ slug: v.slug, name: v.name, default_locale: v.defaultLocale })
      .returningAll()
      .executeTakeFirstOrThrow();
  },
};
