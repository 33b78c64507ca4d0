import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';

export const companyLinksRepository = {
  /** Live organisations whose name is one of `names` (case-insensitive), the oldest per name. */
  async organisationsNamed(db: Db, orgId: string, names: string[]) {
    const lowered = names.map((n) => n.toLowerCase());
    const { rows } = await sql<{ id: string; name_key: string }>`
      select distinct on (lower(p.display_name)) p.id, lower(p.display_name) as name_key
      from party p
      where p.org_id = ${orgId} and p.kind = 'organization' and p.deleted_at is null and p.merged_into_id is null
        and lower(p.display_name) = any(${lowered}::text[])
      order by lower(p.display_name), p.created_at, p.id`.execute(db);
    return rows;
  },

  /** works_at links, skipping pairs an active works_at link joins already. */
  async insertWorksAt(
    db: Db,
    orgId: string,
    createdBy: string,
    links: { from: string; to: string; role: string | null }[],
  ) {
    if (!links.length) {
      return [];
    }
    const values = links.map((l) => sql`(${l.from}::uuid, ${l.to}::uuid, ${l.role}::text)`);
    const { rows } = await sql<{ id: string }>`
      insert into party_link (org_id, from_party_id, to_party_id, type, role, created_by)
      select distinct on (v.from_id, v.to_id) ${orgId}::uuid, v.from_id, v.to_id, 'works_at', v.role, ${createdBy}::uuid
      from (values ${sql.join(values)}) as v(from_id, to_id, role)
      where not exists (
        select 1 from party_link l where l.org_id = ${orgId} and l.type = 'works_at'
          and ((l.from_party_id = v.from_id and l.to_party_id = v.to_id) or (l.from_party_id = v.to_id and l.to_party_id = v.from_id))
          and (l.valid_to is null or l.valid_to >= current_date))
      order by v.from_id, v.to_id
      returning id`.execute(db);
    return rows;
  },
};
