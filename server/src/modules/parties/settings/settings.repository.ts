import { updateVersioned } from '../../../platform/db/versioned.ts';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/db/types.ts';
import { paginate } from '../../../platform/db/pagination.ts';
import type {
  FieldDefinitionRow,
  FieldDefinitionTable,
  StakeholderGroupRow,
  StakeholderGroupTable,
} from '../parties.tables.ts';
import type { Updateable } from 'kysely';

type Db = Kysely<Database>;
type Page = { limit: number; cursor: string | undefined };

/** The eight groups of docs/domain.md (docs/sources.md [S0], HR部门的八类顾客). */
export const defaultStakeholderGroups: {
  key: string;
  nameZh: string;
  nameEn: string;
  side: 'internal' | 'external';
}[] = [
  { key: 'marketing_staff', nameZh: '营销部门人员', nameEn: 'Marketing staff', side: 'internal' },
  { key: 'line_managers', nameZh: '直线管理人员', nameEn: 'Line managers', side: 'internal' },
  { key: 'employees', nameZh: '企业内部员工', nameEn: 'Employees', side: 'internal' },
  { key: 'strategic_decision_makers', nameZh: '企业战略决策者', nameEn: 'Strategic decision makers', side: 'internal' },
  {
    key: 'company_clients',
    nameZh: '企业产品和服务的客户',
    nameEn: 'Clients of our products and services',
    side: 'external',
  },
  { key: 'potential_employees', nameZh: '企业潜在员工', nameEn: 'Potential employees', side: 'external' },
  { key: 'government_community', nameZh: '政府和社区', nameEn: 'Government and community', side: 'external' },
  { key: 'natural_environment', nameZh: '自然环境', nameEn: 'Natural environment', side: 'external' },
];

export const stakeholderGroupsRepository = {
  /** Gives an organisation the default groups unless it has groups already (one statement; safe to repeat). */
  async ensureDefaults(db: Db, orgId: string): Promise<void> {
    const values = defaultStakeholderGroups.map(
      (g, i) => sql`(${g.key}, ${g.nameZh}, ${g.nameEn}, ${g.side}, ${(i + 1) * 10})`,
    );
    await sql`
      insert into stakeholder_group (org_id, key, name_zh, name_en, side, sort_order)
      select ${orgId}::uuid, d.key, d.name_zh, d.name_en, d.side, d.sort_order::int
      from (values ${sql.join(values)}) as d(key, name_zh, name_en, side, sort_order)
      where not exists (select 1 from stakeholder_group g where g.org_id = ${orgId}::uuid)
      on conflict do nothing`.execute(db);
  },
  list(db: Db, orgId: string, active: boolean | undefined, page: Page) {
    let q = db.selectFrom('stakeholder_group').selectAll().where('org_id', '=', orgId);
    if (active !== undefined) {
      q = q.where('active', '=', active);
    }
    return paginate(q, {
      ...page,
      sort: { column: 'sort_order', desc: false, type: 'int' },
      idColumn: 'id',
      sortValue: (r) => r.sort_order,
    });
  },
  find(db: Db, orgId: string, id: string): Promise<StakeholderGroupRow | undefined> {
    return db
      .selectFrom('stakeholder_group')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
  },
  insert(
    db: Db,
    orgId: string,
    v: { key: string; name_zh: string; name_en: string; side: 'internal' | 'external'; sort_order: number },
  ): Promise<StakeholderGroupRow> {
    return db
      .insertInto('stakeholder_group')
      .values({ org_id: orgId, ...v })
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  update(
    db: Db,
    orgId: string,
    id: string,
    version: number,
    v: Updateable<StakeholderGroupTable>,
  ): Promise<StakeholderGroupRow | undefined> {
    return updateVersioned(db, 'stakeholder_group', orgId, id, version, v);
  },
};

export const fieldDefinitionsRepository = {
  active(db: Db, orgId: string): Promise<FieldDefinitionRow[]> {
    return db
      .selectFrom('field_definition')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('entity', '=', 'party')
      .where('active', '=', true)
      .execute();
  },
  list(db: Db, orgId: string, active: boolean | undefined, page: Page) {
    let q = db.selectFrom('field_definition').selectAll().where('org_id', '=', orgId);
    if (active !== undefined) {
      q = q.where('active', '=', active);
    }
    return paginate(q, {
      ...page,
      sort: { column: 'key', desc: false, type: 'text' },
      idColumn: 'id',
      sortValue: (r) => r.key,
    });
  },
  find(db: Db, orgId: string, id: string): Promise<FieldDefinitionRow | undefined> {
    return db
      .selectFrom('field_definition')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
  },
  insert(
    db: Db,
    orgId: string,
    v: Omit<FieldDefinitionTable, 'org_id' | 'id' | 'created_at' | 'updated_at' | 'version' | 'active'>,
  ): Promise<FieldDefinitionRow> {
    return db
      .insertInto('field_definition')
      .values({ org_id: orgId, ...v })
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  update(
    db: Db,
    orgId: string,
    id: string,
    version: number,
    v: Updateable<FieldDefinitionTable>,
  ): Promise<FieldDefinitionRow | undefined> {
    return updateVersioned(db, 'field_definition', orgId, id, version, v);
  },
};
