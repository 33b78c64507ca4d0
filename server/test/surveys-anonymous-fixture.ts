import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { appDeps } from '../src/app.ts';
import { releaseHeldAnswers } from '../src/modules/surveys/index.ts';
import { setup, capturingMailTransport } from './harness.ts';

/** Fixed answers (overall, pay, growth) per person, in the order of `people`. */
export const data = [
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

/**
 * An anonymous employee survey for 13 people in three stakeholder groups (6, 5 and 2) with minGroupSize 5, run as a
 * real organisation would: links by email only, answers through the public API, the release job, close. Each test
 * file makes its own (files share loaded modules in a worker, so nothing here may live at module level).
 */
export async function anonymousSurvey() {
  const { transport, sent: sentMail } = capturingMailTransport();
  const logLines: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString());
      done();
    },
  });

  const h = await setup({
    mailTransport: transport,
    publicUrl: 'https://tandem.example.com',
    logger: { level: 'info', stream: logStream },
  });
  const admin = () => h.as(h.org.admin);
  const hr = await h.user(['hr']);
  const title = { zh: '员工调查', en: 'Staff survey' };

  const groups = [
    ...Array(6).fill('employees'),
    ...Array(5).fill('line_managers'),
    ...Array(2).fill('marketing_staff'),
  ] as string[];
  const people: { id: string; email: string }[] = [];
  for (const [i, group] of groups.entries()) {
    const email = `staff${i}@example.com`;
    const res = await admin().post('/api/parties', {
      kind: 'person',
      displayName: `员工${i}`,
      emails: [email],
      roles: [{ role: 'employee', stakeholderGroup: group }],
    });
    expect(res.statusCode, res.body).toBe(201);
    people.push({ id: res.json().id, email });
  }

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
  const invited = await h.as(hr).post(`/api/surveys/${sv.id}/invitations`, {});
  await appDeps(h.app).mail.drain();
  /** Each invitee's link, as only they see it: in their own mailbox. */
  const tokenOf = new Map(
    people.map((p) => {
      const mail = sentMail.find((m) => m.to === p.email);
      return [p.id, /\/s\/([\w-]+)/.exec(typeof mail?.text === 'string' ? mail.text : '')?.[1] ?? ''];
    }),
  );

  async function answer(i: number) {
    const [o, p, g] = data[i] ?? [];
    return h.app.inject({
      method: 'POST',
      url: `/api/public/surveys/${tokenOf.get(people[i]?.id ?? '')}/responses`,
      payload: {
        answers: [
          { questionId: 'overall', value: o },
          { questionId: 'pay', value: p },
          { questionId: 'growth', value: g },
          { questionId: 'comment', value: `意见${i}` },
        ],
      },
      remoteAddress: `10.0.0.${i + 1}`,
    });
  }

  const release = () => releaseHeldAnswers(appDeps(h.app));
  const totalN = async () => (await h.as(hr).get(`/api/surveys/${sv.id}/results`)).json().total.n as number;
  const xminsOf = async (table: 'survey_invitation' | 'survey_response' | 'survey_spent' | 'survey_answer') =>
    (
      await sql<{ x: string }>`select xmin::text as x from ${sql.table(table)} where survey_id = ${sv.id}`.execute(
        h.db.db,
      )
    ).rows.map((r) => r.x);
  return { sentMail, logLines, h, admin, hr, groups, people, sv, invited, tokenOf, answer, release, totalN, xminsOf };
}
