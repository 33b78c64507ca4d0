import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { setup } from './harness.ts';

const h = await setup();
const admin = () => h.as(h.org.admin);
const hr = await h.user(['hr']);
const title = { zh: '员工调查', en: 'Staff survey' };

async function employee(i: number, group: string): Promise<string> {
  const res = await admin().post('/api/parties', {
    kind: 'person',
    displayName: `员工${i}`,
    roles: [{ role: 'employee', stakeholderGroup: group }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

// Three groups: 6 employees, 5 line managers, 2 marketing staff; minGroupSize 5.
const groups = [
  ...Array(6).fill('employees'),
  ...Array(5).fill('line_managers'),
  ...Array(2).fill('marketing_staff'),
] as string[];
const people = await Promise.all(groups.map((g, i) => employee(i, g)));
const created = (
  await h.as(hr).post('/api/surveys', {
    kind: 'custom',
    title,
    audience: { kind: 'employees' },
    anonymous: true,
    questions: [
      { id: 'overall', type: 'scale', min: 1, max: 5, text: { zh: '总体满意', en: 'Overall' } },
      { id: 'pay', type: 'scale', min: 1, max: 5, driver: 'hygiene', text: { zh: '薪酬', en: 'Pay' } },
      { id: 'growth', type: 'scale', min: 1, max: 5, driver: 'motivator', text: { zh: '成长', en: 'Growth' } },
      { id: 'comment', type: 'text', required: false, text: { zh: '意见', en: 'Comment' } },
    ],
  })
).json();
const sv = (await h.as(hr).patch(`/api/surveys/${created.id}`, { status: 'open', version: 1 })).json();
const links = (await h.as(hr).post(`/api/surveys/${sv.id}/invitations`, {})).json().items as {
  partyId: string;
  token: string;
}[];
// Fixed answers (overall, pay, growth) per person, in the order of `people`.
const data = [
  [5, 4, 5],
  [4, 4, 4],
  [4, 3, 5],
  [3, 3, 3],
  [2, 1, 3],
  [4, 5, 3],
  [3, 2, 4],
  [5, 5, 4],
  [2, 2, 2],
  [4, 3, 4],
  [3, 4, 2],
  [1, 2, 1],
  [5, 4, 5],
];
for (const [i, pid] of people.entries()) {
  const l = links.find((x) => x.partyId === pid);
  const [o, p, g] = data[i] ?? [];
  const res = await h.app.inject({
    method: 'POST',
    url: `/api/public/surveys/${l?.token}/responses`,
    payload: {
      answers: [
        { questionId: 'overall', value: o },
        { questionId: 'pay', value: p },
        { questionId: 'growth', value: g },
        { questionId: 'comment', value: `意见${i}` },
      ],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
}

describe('anonymous employee survey', () => {
  it('invited the audience and keeps no link from a response to a party anywhere', async () => {
    expect(links).toHaveLength(13);
    const target = people[12] ?? '';
    const cols = await sql<{ table_name: string; column_name: string; data_type: string }>`
      select c.table_name, c.column_name, c.data_type from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema = 'public' and c.data_type in ('uuid', 'text', 'jsonb', 'ARRAY', 'json', 'character varying')`.execute(
      h.db.db,
    );
    const hits = new Set<string>();
    for (const c of cols.rows) {
      const col = sql.ref(`${c.table_name}.${c.column_name}`);
      const r = await sql<{
        n: number;
      }>`select count(*)::int as n from ${sql.table(c.table_name)} where ${col}::text like ${`%${target}%`}`.execute(
        h.db.db,
      );
      if ((r.rows[0]?.n ?? 0) > 0) {
        hits.add(c.table_name);
      }
    }
    // The party's own records and its invitation; audit rows only of creating the party (never of the survey).
    expect(hits.has('survey_invitation')).toBe(true);
    expect(
      [...hits].every((t) => ['audit_log', 'party', 'party_role', 'party_history', 'survey_invitation'].includes(t)),
    ).toBe(true);
    const audits = await sql<{
      entity_type: string;
      action: string;
    }>`select entity_type, action from audit_log where coalesce(entity_id, '') || coalesce(after::text, '') || coalesce(before::text, '') like ${`%${target}%`}`.execute(
      h.db.db,
    );
    expect(audits.rows.every((a) => !a.entity_type.startsWith('survey') && !a.action.startsWith('survey'))).toBe(true);
    const inv = await sql<Record<string, unknown>>`select * from survey_invitation where party_id = ${target}`.execute(
      h.db.db,
    );
    expect(Object.keys(inv.rows[0] ?? {}).sort()).toEqual([
      'created_at',
      'expires_at',
      'id',
      'org_id',
      'party_id',
      'survey_id',
      'token_hash',
      'used',
    ]);
    expect(inv.rows[0]?.used).toBe(true);
    // Responses: no party, and a time of day precision only (nothing to match against the link's use).
    const resp = await sql<{
      party_id: string | null;
      day_only: boolean;
    }>`select party_id, submitted_at = date_trunc('day', submitted_at) as day_only from survey_response where survey_id = ${sv.id}`.execute(
      h.db.db,
    );
    expect(resp.rows).toHaveLength(13);
    expect(resp.rows.every((r) => r.party_id === null && r.day_only)).toBe(true);
    const audit = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where action = 'survey.respond'`.execute(h.db.db);
    expect(audit.rows[0]?.n).toBe(0);
  });

  it('suppresses groups below minGroupSize and the next-smallest group as their complement', async () => {
    const res = await h.as(hr).get(`/api/surveys/${sv.id}/results?groupBy=stakeholderGroup`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toMatchObject({ n: 13, suppressed: false });
    // Overall mean of all 13: (5+4+4+3+2+4+3+5+2+4+3+1+5) / 13 = 45 / 13 = 3.46
    expect(body.total.questions.find((q: { questionId: string }) => q.questionId === 'overall').mean).toBe(3.46);
    const byKey = Object.fromEntries(body.groups.map((g: { key: string }) => [g.key, g]));
    expect(byKey.marketing_staff).toEqual({ key: 'marketing_staff', name: 'Marketing staff', suppressed: true });
    // line_managers has n = 5 ≥ 5 but would reveal marketing_staff as total − others: suppressed too.
    expect(byKey.line_managers).toEqual({ key: 'line_managers', name: 'Line managers', suppressed: true });
    // employees: overall (5+4+4+3+2+4)/6 = 3.67
    expect(byKey.employees).toMatchObject({ n: 6, suppressed: false, invited: 6, responseRate: 100 });
    expect(byKey.employees.questions[0]).toMatchObject({ questionId: 'overall', mean: 3.67 });
    const texts = (await h.as(hr).get(`/api/surveys/${sv.id}/text-answers?groupBy=stakeholderGroup`)).json();
    const tByKey = Object.fromEntries(texts.groups.map((g: { key: string }) => [g.key, g]));
    expect(tByKey.marketing_staff).toMatchObject({ suppressed: true, items: [] });
    expect(tByKey.line_managers).toMatchObject({ suppressed: true, items: [] });
    expect(tByKey.employees.items).toHaveLength(6);
    expect(
      tByKey.employees.items.every(
        (x: { partyId: string | null; submittedAt: string | null }) => x.partyId === null && x.submittedAt === null,
      ),
    ).toBe(true);
  });

  it("driver analysis: Pearson r as computed independently, Johnson's weights summing to R²", async () => {
    const res = await h.as(hr).get(`/api/surveys/${sv.id}/drivers?outcome=overall`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    const pearson = (x: number[], y: number[]) => {
      const mx = x.reduce((a, b) => a + b) / x.length;
      const my = y.reduce((a, b) => a + b) / y.length;
      const sxy = x.reduce((a, v, i) => a + (v - mx) * ((y[i] ?? 0) - my), 0);
      return sxy / Math.sqrt(x.reduce((a, v) => a + (v - mx) ** 2, 0) * y.reduce((a, v) => a + (v - my) ** 2, 0));
    };
    const col = (j: number) => data.map((r) => r[j] ?? 0);
    expect(d.n).toBe(13);
    expect(d.items.map((i: { questionId: string }) => i.questionId)).toEqual(['pay', 'growth']);
    expect(d.items[0].r).toBeCloseTo(pearson(col(1), col(0)), 3);
    expect(d.items[1].r).toBeCloseTo(pearson(col(2), col(0)), 3);
    expect(d.items[0].relativeWeight + d.items[1].relativeWeight).toBeCloseTo(d.rSquared, 3);
    // R² of the OLS fit from the correlations: (r1² + r2² − 2 r1 r2 r12) / (1 − r12²)
    const [r1, r2, r12] = [pearson(col(1), col(0)), pearson(col(2), col(0)), pearson(col(1), col(2))];
    expect(d.rSquared).toBeCloseTo((r1 ** 2 + r2 ** 2 - 2 * r1 * r2 * r12) / (1 - r12 ** 2), 3);
    expect(d.items.every((i: { quadrant: string | null }) => i.quadrant !== null)).toBe(true);
  });
});
