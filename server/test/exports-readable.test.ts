import { describe, expect, it } from 'vitest';
import { setup, type Session } from './harness.ts';

// Readable exports of cases, users and the audit trail (docs/domain.md "Exports"): headers, labels and names in the
// reader's language, raw=true the machine format unchanged, the same access rules as the lists; and the case list's
// multi-value filters (docs/domain.md "Lists and filters").

const h = await setup();
const admin = h.as(h.org.admin);
const unit = (await admin.post('/api/org-units', { name: '华东客服部' })).json<{ id: string }>().id;
const li = await h.user(['agent'], { name: 'Li Na', orgUnitId: unit });
const wu = await h.user(['agent'], { name: 'Wu Gang' });

const customer = async (displayName: string, ownerId: string) => {
  const res = await admin.post('/api/parties', {
    kind: 'person',
    displayName,
    ownerId,
    roles: [{ role: 'customer', stage: 'new' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
};
const openCase = async (body: Record<string, unknown>) => {
  const res = await admin.post('/api/cases', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
};
const liParty = await customer('导出客户李', li.userId);
const wuParty = await customer('导出客户吴', wu.userId);
const c1 = await openCase({
  type: 'complaint',
  partyId: liParty,
  subject: '导出工单一',
  priority: 'urgent',
  channel: 'wechat',
  assigneeId: li.userId,
});
const c2 = await openCase({
  type: 'inquiry',
  partyId: wuParty,
  subject: '导出工单二',
  priority: 'low',
  channel: 'phone',
  assigneeId: wu.userId,
});
const c3 = await openCase({ type: 'request', partyId: liParty, subject: '导出工单三', assigneeId: wu.userId });
expect((await admin.patch(`/api/cases/${c3}`, { status: 'pending', version: 1 })).statusCode).toBe(200);
const employee = await h.user(['employee'], { name: 'Zhou Min' });
const employeeParty = await admin.post('/api/parties', {
  kind: 'person',
  displayName: 'Zhou Min',
  roles: [{ role: 'employee' }],
});
// The user's own employee record, as the grievance tests link it (no API links an existing user).
await h.db.db
  .updateTable('app_user')
  .set({ party_id: employeeParty.json<{ id: string }>().id })
  .where('id', '=', employee.userId)
  .execute();
const grievance = await h.as(employee).post('/api/grievances', { subject: '导出申诉', description: '加班' });
expect(grievance.statusCode, grievance.body).toBe(201);

const lines = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
const rows = async (who: Session, url: string) => {
  const res = await h.as(who).get(url);
  expect(res.statusCode, res.body).toBe(200);
  return lines(res.body);
};

describe('readable case export', () => {
  const cols = 'subject,type,status,priority,channel,partyName,assigneeName,assigneeUnit';
  it('uses headers, labels and the assignee’s name and unit in Chinese or English', async () => {
    expect(await rows(h.org.admin, `/api/cases/export?q=导出工单一&lang=zh-CN&columns=${cols}`)).toEqual([
      '主题,类型,状态,优先级,渠道,客户,处理人,处理人部门',
      '导出工单一,投诉,新建,紧急,微信,导出客户李,Li Na,华东客服部',
    ]);
    expect(await rows(h.org.admin, `/api/cases/export?q=导出工单一&lang=en&columns=${cols}`)).toEqual([
      'Subject,Type,Status,Priority,Channel,Party,Assignee,Assignee’s unit',
      '导出工单一,Complaint,New,Urgent,WeChat,导出客户李,Li Na,华东客服部',
    ]);
    // Without ?lang= the reader's language setting decides.
    for (const [locale, row] of [
      ['en', 'Inquiry,On track'],
      ['zh-CN', '咨询,正常'],
    ]) {
      expect((await h.as(wu).patch('/api/auth/me', { locale })).statusCode).toBe(200);
      expect((await rows(wu, '/api/cases/export?q=导出工单二&columns=type,slaState'))[1]).toBe(row);
    }
    expect((await admin.get('/api/cases/export?lang=fr')).statusCode).toBe(400);
  });

  it('keeps the machine format unchanged under raw=true', async () => {
    const [head, row] = await rows(h.org.admin, '/api/cases/export?raw=true&q=导出工单一');
    expect(head).toBe(
      'subject,type,status,priority,channel,partyName,assigneeName,slaState,slaDueAt,firstResponseDueAt,resolveDueAt,firstResponseMinutes,resolutionMinutes,rootCause,remedy,remedyCost,csatScore,reopenCount,createdAt,resolvedAt,id',
    );
    expect(row).toMatch(new RegExp(`^导出工单一,complaint,new,urgent,wechat,导出客户李,Li Na,on_track,.*,${c1}$`));
    expect((await admin.get('/api/cases/export?raw=true&columns=assigneeUnit')).statusCode).toBe(400);
  });

  it('holds only the cases the agent may see, never a grievance, whatever the filters', async () => {
    const subjects = async (who: Session, query: string) =>
      (await rows(who, `/api/cases/export?q=导出&columns=subject&${query}`)).slice(1).sort();
    expect(await subjects(li, 'lang=en')).toEqual(['导出工单一', '导出工单三']);
    expect(await subjects(li, 'raw=true&type=complaint,inquiry,grievance')).toEqual(['导出工单一']);
    expect(await subjects(li, `assigneeId=${wu.userId}`)).toEqual(['导出工单三']);
    expect(await subjects(h.org.admin, 'type=grievance')).toEqual(['导出申诉']);
    expect(await subjects(wu, 'type=grievance')).toEqual([]);
  });
});

describe('multi-value case filters', () => {
  const ids = async (who: Session, query: string) => {
    const res = await h.as(who).get(`/api/cases?q=导出&limit=100&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res
      .json<{ items: { id: string }[] }>()
      .items.map((c) => c.id)
      .sort();
  };
  it('take repeated parameters or comma lists, any value matching, together with the other filters', async () => {
    expect(await ids(h.org.admin, 'status=new,pending&type=complaint,request,inquiry')).toEqual([c1, c2, c3].sort());
    expect(await ids(h.org.admin, 'status=pending')).toEqual([c3]);
    expect(await ids(h.org.admin, 'priority=urgent&priority=low')).toEqual([c1, c2].sort());
    expect(await ids(h.org.admin, `assigneeId=${li.userId},${wu.userId}&type=complaint,request`)).toEqual(
      [c1, c3].sort(),
    );
    expect(await ids(h.org.admin, 'slaState=on_track,at_risk&type=inquiry')).toEqual([c2]);
    expect(await ids(h.org.admin, 'slaState=breached')).toEqual([]);
    expect(await ids(li, 'assigneeId=me,' + wu.userId)).toEqual([c1, c3].sort());
    expect(await ids(wu, 'priority=urgent,low')).toEqual([c2]);
    expect(await ids(h.org.admin, 'status=')).toHaveLength(4);
  });

  it('answer 400 on the field for an unknown value, in the list and the export', async () => {
    for (const [param, value] of [
      ['status', 'new,nowhere'],
      ['type', 'complaint,gossip'],
      ['priority', 'urgent,extreme'],
      ['slaState', 'late'],
      ['assigneeId', 'me,not-a-user'],
    ]) {
      for (const path of ['/api/cases', '/api/cases/export']) {
        const res = await admin.get(`${path}?${param}=${value}`);
        expect(res.statusCode, `${path} ${param}=${value}`).toBe(400);
        expect(JSON.stringify(res.json().error.details)).toContain(param);
      }
    }
  });

  it('are honoured by the export', async () => {
    expect(
      (await rows(h.org.admin, '/api/cases/export?q=导出&columns=subject&priority=urgent,low')).slice(1).sort(),
    ).toEqual(['导出工单一', '导出工单二']);
  });
});

describe('readable users and audit exports', () => {
  it('users: role labels, the org unit by name, the status and language in words', async () => {
    const cols = 'displayName,roles,orgUnitId,active,locale';
    expect(await rows(h.org.admin, `/api/users/export?q=Li Na&lang=zh-CN&columns=${cols}`)).toEqual([
      '姓名,角色,部门,状态,语言',
      'Li Na,业务员,华东客服部,启用,',
    ]);
    expect(await rows(h.org.admin, `/api/users/export?q=Li Na&lang=en&columns=${cols}`)).toEqual([
      'Name,Roles,Org unit,Status,Language',
      'Li Na,Agent,华东客服部,Active,',
    ]);
    expect(await rows(h.org.admin, `/api/users/export?q=Li Na&raw=true&columns=${cols}`)).toEqual([
      cols,
      `Li Na,agent,${unit},true,`,
    ]);
  });

  it('audit: labels of the action, record type and actor type; admins only', async () => {
    const cols = 'actorName,actorType,action,entityType';
    const zh = await rows(h.org.admin, `/api/audit/export?entityType=org_unit&lang=zh-CN&columns=${cols}`);
    expect(zh[0]).toBe('操作人,操作人类型,操作,记录类型');
    expect(zh).toContain(`${(await me(h.org.admin)).displayName},用户,创建,部门`);
    const en = await rows(h.org.admin, `/api/audit/export?entityType=org_unit&lang=en&columns=${cols}`);
    expect(en).toContain(`${(await me(h.org.admin)).displayName},User,Created,Org unit`);
    const raw = await rows(h.org.admin, `/api/audit/export?entityType=org_unit&raw=true&columns=action,entityType`);
    expect(raw).toEqual(['action,entityType', 'create,org_unit']);
    expect((await h.as(li).get('/api/audit/export?lang=en')).statusCode).toBe(403);
  });
});

async function me(s: Session) {
  return (await h.as(s).get('/api/auth/me')).json<{ user: { displayName: string } }>().user;
}
