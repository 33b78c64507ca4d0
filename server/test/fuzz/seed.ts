import { PASSWORD, type Harness, type Session } from '../harness.ts';
import type { Pools } from './values.ts';

/** Who a fuzz request claims to be: request headers per identity, for reads and for writes. */
export interface Identities {
  admin: string;
  agent: string;
  employee: string;
  /** HR and a manager with an executive's reach: the other roles access rules branch on. */
  hr: string;
  manager: string;
  adminSession: Session;
}

/** Records created through the API, so valid-looking requests name things that exist. */
export interface Seeded {
  pools: Pools;
  /** A body each operation took during seeding ("POST /api/parties/{id}/…"), to start valid requests from. */
  templates: Record<string, unknown>;
  who: Identities;
}

const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
const targets = Object.fromEntries(
  ['low', 'normal', 'high', 'urgent'].map((p) => [p, { firstResponseMinutes: 60, resolveMinutes: 240 }]),
);

/** Creates records of every kind an operation path names; throws on any unexpected answer. */
export async function seed(h: Harness): Promise<Seeded> {
  const pools: Pools = {};
  const templates: Record<string, unknown> = {};
  const add = (pool: string, v: unknown) => (pools[pool] ??= []).push(String(v));

  const token = async (s: Session) => {
    const res = await h.as(s).post('/api/tokens', { name: 'fuzz' });
    return `Bearer ${res.json<{ token: string }>().token}`;
  };
  const adminBearer = await token(h.org.admin);
  const call = async (method: string, url: string, payload?: unknown, status = [200, 201]) => {
    const res = await h.app.inject({
      method: method as 'POST',
      url,
      headers: { authorization: adminBearer },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    if (!status.includes(res.statusCode)) {
      throw new Error(`seed ${method} ${url}: ${res.statusCode} ${res.body}`);
    }
    if (payload !== undefined) {
      templates[`${method} ${url.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '{id}')}`] = payload;
    }
    return res.json();
  };

  const agent = await h.user(['agent'], { name: 'Fuzz Agent' });
  const employee = await h.user(['employee'], { name: 'Fuzz Employee' });
  const target = await h.user(['agent', 'marketing'], { name: 'Fuzz Target' });
  const hr = await h.user(['hr'], { name: 'Fuzz HR' });
  const manager = await h.user(['manager', 'executive'], { name: 'Fuzz Manager' });
  add('user', agent.userId);
  add('user', target.userId);
  add('targetUser', target.userId);
  add('targetUser', employee.userId);
  add('token', (await call('POST', '/api/tokens', { name: 'spare' })).id);
  add('orgUnit', (await call('POST', '/api/org-units', { name: 'Fuzz unit' })).id);
  add('view', (await call('POST', '/api/views', { table: 'parties', name: 'Fuzz view', state: {} })).id);
  add(
    'group',
    (await call('POST', '/api/stakeholder-groups', { key: 'fuzz', nameZh: '测试', nameEn: 'Fuzz', side: 'external' }))
      .id,
  );
  add(
    'field',
    (await call('POST', '/api/field-definitions', { key: 'fuzzNote', labelZh: '备注', labelEn: 'Note', type: 'text' }))
      .id,
  );

  for (const [i, name] of ['李雷', 'Ann Lee', 'Bob Stone'].entries()) {
    const p = await call('POST', '/api/parties', {
      kind: 'person',
      displayName: name,
      emails: [`fuzz${i}@example.com`],
      roles: [{ role: 'customer' }],
    });
    add('party', p.id);
  }
  const staff = await call('POST', '/api/parties', {
    kind: 'person',
    displayName: '韩梅梅',
    roles: [{ role: 'employee' }],
  });
  add('party', staff.id);
  const emp = await call('GET', `/api/users/${employee.userId}`);
  await call('PATCH', `/api/users/${employee.userId}`, { partyId: staff.id, version: emp.version });

  const partyId = pools.party?.[0] as string;
  add('interaction', (await call('POST', '/api/interactions', { partyId, channel: 'phone', subject: 'Hello' })).id);
  add(
    'task',
    (await call('POST', '/api/tasks', { partyId, kind: 'call_back', title: 'Call', dueAt: '2030-01-01T00:00:00Z' })).id,
  );
  const policy = await call('POST', '/api/sla-policies', {
    name: 'Fuzz 24/7',
    timeZone: 'UTC',
    hours: allDay,
    targets,
  });
  add('policy', policy.id);
  for (const type of ['complaint', 'request']) {
    add('case', (await call('POST', '/api/cases', { type, subject: 'Fuzz case', partyId, slaPolicyId: policy.id })).id);
  }
  const resolved = await call('POST', `/api/cases/${pools.case?.[1]}/resolve`, {
    rootCause: 'customer',
    remedy: 'none',
  });
  add(
    'feedbackToken',
    String(resolved.feedback?.url ?? '')
      .split('/')
      .pop(),
  );

  const title = { zh: '满意度', en: 'Satisfaction' };
  const survey = await call('POST', '/api/surveys', { title, kind: 'nps', audience: { kind: 'customers' } });
  const opened = await call('PATCH', `/api/surveys/${survey.id}`, { status: 'open', version: 1 });
  add('survey', survey.id);
  for (const q of opened.questions as { id: string }[]) {
    add('question', q.id);
  }
  const invited = await call('POST', `/api/surveys/${survey.id}/invitations`, { partyIds: pools.party });
  for (const item of invited.items as { token?: string }[]) {
    add('surveyToken', item.token);
  }

  const grievance = await h.app.inject({
    method: 'POST',
    url: '/api/grievances',
    headers: { authorization: await token(employee) },
    payload: { subject: 'Fuzz', description: 'Fuzz grievance', anonymous: true },
  });
  add('grievanceCode', grievance.json<{ followUpCode: string }>().followUpCode);

  const product = await call('POST', '/api/products', { name: 'Fuzz tea', currency: 'CNY', price: '10.00' });
  add('product', product.id);
  const tx = await call('POST', '/api/transactions', { partyId, currency: 'CNY', lines: [{ productId: product.id }] });
  add('transaction', tx.id);

  const upload = await h.app.inject({
    method: 'POST',
    url: '/api/imports?entity=parties&fileName=p.csv',
    headers: { authorization: adminBearer, 'content-type': 'text/csv' },
    payload: 'name,email\nAnn,ann@example.com\n',
  });
  add('import', upload.json<{ job: { id: string } }>().job.id);

  templates['POST /api/auth/login'] = { email: h.org.admin.email, password: PASSWORD };
  templates['POST /api/grievances'] = { subject: 'Fuzz', description: 'Fuzz grievance', anonymous: true };
  return {
    pools,
    templates,
    who: {
      admin: adminBearer,
      agent: await token(agent),
      employee: await token(employee),
      hr: await token(hr),
      manager: await token(manager),
      adminSession: h.org.admin,
    },
  };
}
