import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { appDeps } from '../src/app.ts';
import { anonymousSurvey } from './surveys-anonymous-fixture.ts';

// The attacker holds everything: every table with its system columns (xmin, ctid), the audit log, the job and
// mail tables, the server's log, the API as HR, and the invitees' mailboxes. Whatever they try, no answer of an
// anonymous survey may be tied to the person who gave it.

const { answer, h, hr, logLines, people, release, sentMail, sv, tokenOf, xminsOf } = await anonymousSurvey();
const db = h.db.db;
const invitationXminsBefore = await xminsOf('survey_invitation');
const order: number[] = [];
// Twelve answers in a known order, released as one batch: the order of 12 rows is a 1 in 479,001,600 coincidence.
for (let i = 0; i < 12; i++) {
  expect((await answer(i)).statusCode).toBe(201);
  order.push(i);
}
const spentXmins = await xminsOf('survey_spent');
await release();
expect((await answer(12)).statusCode).toBe(201);
const invitationXminsAfterAnswers = await xminsOf('survey_invitation');
// HR tries a targeted re-invitation of one person to learn whether they answered.
const probe = await h.as(hr).post(`/api/surveys/${sv.id}/invitations`, { partyIds: [people[12]?.id], reissue: true });
await appDeps(h.app).mail.drain();

const commentOrder = async (orderBy: string) =>
  (
    await sql<{ t: string }>`
      select a.text_value as t from survey_response r
      join survey_answer a on a.org_id = r.org_id and a.response_id = r.id and a.question_id = 'comment'
      where r.survey_id = ${sv.id} order by ${sql.raw(orderBy)}`.execute(db)
  ).rows.map((r) => Number(r.t.replace('意见', '')));

describe('anonymous answers against an attacker with the database, the logs and the API', () => {
  it('leaves the invitation untouched when someone answers: no shared or adjacent transaction id', async () => {
    expect(invitationXminsAfterAnswers).toEqual(invitationXminsBefore);
    const responses = new Set(await xminsOf('survey_response'));
    const answers = new Set(await xminsOf('survey_answer'));
    for (const x of invitationXminsBefore) {
      expect(responses.has(x) || answers.has(x)).toBe(false);
    }
    // Every released response shares one transaction: the batch, not the person.
    expect(responses.size).toBe(1);
    // The probe of the published attack: responses joined to invitations on xmin find nothing.
    const joined = await sql<{ n: number }>`
      select count(*)::int as n from survey_response r
      join survey_invitation i on i.org_id = r.org_id and i.survey_id = r.survey_id and i.xmin = r.xmin
      where r.survey_id = ${sv.id}`.execute(db);
    expect(joined.rows[0]?.n).toBe(0);
    // What answering wrote (spent nullifiers) names no invitation and no party.
    const spent = await sql<Record<string, unknown>>`select * from survey_spent where survey_id = ${sv.id}`.execute(db);
    expect(Object.keys(spent.rows[0] ?? {}).sort()).toEqual(['nullifier', 'org_id', 'survey_id']);
    expect(spentXmins).toHaveLength(12);
    const partyText = people.map((p) => p.id).join(' ');
    expect(spent.rows.every((r) => !partyText.includes(String(r.nullifier)))).toBe(true);
  });

  it('keeps no order of submission: not in physical order, not in ids, and no time finer than a day', async () => {
    expect(await commentOrder('r.ctid')).not.toEqual(order);
    expect(await commentOrder('r.id')).not.toEqual(order);
    expect(await commentOrder('a.ctid')).not.toEqual(order);
    const times = await sql<{ day_only: boolean; party_id: string | null }>`
      select submitted_at = date_trunc('day', submitted_at) as day_only, party_id
      from survey_response where survey_id = ${sv.id}`.execute(db);
    expect(times.rows.length).toBe(12);
    expect(times.rows.every((r) => r.day_only && r.party_id === null)).toBe(true);
  });

  it('finds a person only in their own records and their invitation, never next to an answer', async () => {
    const target = people[12];
    const cols = await sql<{ table_name: string; column_name: string }>`
      select c.table_name, c.column_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        and t.table_type = 'BASE TABLE'
      where c.table_schema in ('public', 'pgboss')
        and c.data_type in ('uuid', 'text', 'jsonb', 'ARRAY', 'json', 'character varying')`.execute(db);
    const hits = new Set<string>();
    for (const needle of [target?.id ?? '', target?.email ?? '', tokenOf.get(target?.id ?? '') ?? '']) {
      for (const c of cols.rows) {
        const col = sql.ref(`${c.table_name}.${c.column_name}`);
        const r = await sql<{ n: number }>`
          select count(*)::int as n from ${sql.table(c.table_name)} where ${col}::text like ${`%${needle}%`}`.execute(
          db,
        );
        if ((r.rows[0]?.n ?? 0) > 0) {
          hits.add(c.table_name);
        }
      }
    }
    // The party's own records and its invitation; audit rows only of creating the party (never of the survey).
    expect([...hits].sort()).toEqual(['audit_log', 'party', 'party_history', 'party_role', 'survey_invitation']);
    const audits = await sql<{ action: string }>`select action from audit_log where action like 'survey.%'`.execute(db);
    expect(audits.rows.map((a) => a.action).sort()).toEqual([
      'survey.create',
      'survey.invite',
      'survey.invite',
      'survey.update',
    ]);
    // Mail about an anonymous survey is gone once sent: the outbox does not say who was invited or reminded when.
    const outbox = await sql<{ n: number }>`select count(*)::int as n from mail_outbox`.execute(db);
    expect(outbox.rows[0]?.n).toBe(0);
  });

  it('writes no link and no client address of an answer into the log', () => {
    const lines = logLines.join('\n');
    expect(lines).toContain('/api/public/surveys/[redacted]/responses');
    for (const token of tokenOf.values()) {
      expect(lines).not.toContain(token);
    }
    const publicLines = logLines.filter((l) => l.includes('/api/public/'));
    expect(publicLines.length).toBeGreaterThan(0);
    expect(publicLines.some((l) => l.includes('10.0.0.'))).toBe(false);
  });

  it('tells HR nothing per person: no links, no "already answered", whatever the re-invitation', () => {
    expect(probe.statusCode, probe.body).toBe(200);
    expect(probe.json()).toEqual({
      items: [],
      alreadyAnswered: [],
      summary: { issued: 1, replaced: 1, kept: 0, emailed: 1, unreachable: 0 },
    });
    // The re-issued link of someone who answered still refuses a second answer.
    const mail = sentMail.filter((m) => m.to === people[12]?.email).at(-1);
    expect(mail).toBeDefined();
  });

  it('releases nothing below the minimum: one answer after a batch stays held', async () => {
    const n = (await h.as(hr).get(`/api/surveys/${sv.id}/results`)).json().total.n;
    expect(n).toBe(12);
  });
});
