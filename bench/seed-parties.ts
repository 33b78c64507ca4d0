import { sql } from 'kysely';
import type { Db } from '../server/src/platform/db/database.ts';
import { derivedColumns } from '../server/src/modules/parties/party-input.ts';

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const given = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '华', '平'];
const latin = ['James', 'Mary', 'John', 'Linda', 'David', 'Susan', 'Emma', 'Oliver', 'Sophia', 'Lucas'];
const latinFamily = ['Smith', 'Brown', 'Wilson', 'Taylor', 'Clark', 'Lewis', 'Walker', 'Green'];
const stages = ['prospect', 'new', 'developing', 'loyal', 'at_risk', 'churned', 'won_back'];
const levels = ['basic', 'reactive', 'accountable', 'proactive', 'partnership'];

/** A deterministic pseudo-random stream (mulberry32), so runs at the same size hold the same data. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Loads `count` customer parties (80% Chinese names) with a customer role each, owned by `owners`,
 * in batches through jsonb_to_recordset; the search columns come from the module's own function.
 */
export async function seedParties(db: Db, orgId: string, owners: string[], count: number, onProgress?: (done: number) => void): Promise<void> {
  const rand = rng(42);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const batch = 5000;
  for (let start = 0; start < count; start += batch) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const zh = rand() < 0.8;
      const displayName = zh ? `${pick(surnames)}${pick(given)}${rand() < 0.5 ? pick(given) : ''}` : `${pick(latin)} ${pick(latinFamily)}`;
      const emails = [`c${i}@example.com`];
      const phones = [`+86${String(13000000000 + i * 7)}`];
      const tags = rand() < 0.1 ? ['VIP'] : [];
      const d = derivedColumns({ displayName, givenName: null, familyName: null, emails, phones, tags });
      rows.push({ display_name: displayName, emails, phones, tags, owner_id: pick(owners), search_text: d.search_text, search_grams: d.search_grams, name_key: d.name_key, stage: pick(stages), level: pick(levels) });
    }
    await sql`
      with input as (
        select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(
          display_name text, emails jsonb, phones jsonb, tags jsonb, owner_id uuid, search_text text, search_grams jsonb, name_key text, stage text, level text)
      ), inserted as (
        insert into party (org_id, kind, display_name, emails, phones, tags, owner_id, search_text, search_grams, name_key)
        select ${orgId}::uuid, 'person', display_name,
          array(select jsonb_array_elements_text(emails)), array(select jsonb_array_elements_text(phones)),
          array(select jsonb_array_elements_text(tags)), owner_id, search_text,
          array(select jsonb_array_elements_text(search_grams)), name_key
        from input
        returning id, display_name, search_text
      )
      insert into party_role (org_id, party_id, role, stakeholder_group, stage, level, target_level)
      select ${orgId}::uuid, p.id, 'customer', 'company_clients', i.stage, i.level, 'partnership'
      from inserted p join input i on i.search_text = p.search_text`.execute(db);
    onProgress?.(Math.min(count, start + batch));
  }
}
