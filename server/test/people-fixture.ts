import { expect } from 'vitest';
import type { Harness, Session } from './harness.ts';

// A small organisation for the people tests: Sales (run by boss) with a team lead, who is an employee reporting to
// boss, and Anna, who reports to the lead (boss's indirect report); Bo, a peer in Support; and the roles that are
// outside every employee's circle (agent, marketing, executive, another manager).

export interface PeopleOrg {
  hr: Session;
  boss: Session;
  lead: Session;
  otherManager: Session;
  agent: Session;
  marketing: Session;
  executive: Session;
  anna: Session;
  bo: Session;
  units: { sales: string; support: string };
  parties: { lead: string; anna: string; bo: string };
}

export async function peopleOrg(h: Harness): Promise<PeopleOrg> {
  const a = h.as(h.org.admin);
  const boss = await h.user(['manager'], { name: 'Boss' });
  const otherManager = await h.user(['manager'], { name: 'Other manager' });
  const sales = (await a.post('/api/org-units', { name: 'Sales', managerUserId: boss.userId })).json<{ id: string }>();
  const support = (await a.post('/api/org-units', { name: 'Support' })).json<{ id: string }>();
  const hr = await h.user(['hr'], { name: 'HR' });
  const lead = await h.user(['manager'], { name: 'Lead' });
  const agent = await h.user(['agent'], { orgUnitId: sales.id, name: 'Agent' });
  const marketing = await h.user(['marketing'], { name: 'Marketing' });
  const executive = await h.user(['executive'], { name: 'Executive' });
  const anna = await h.user(['employee'], { name: 'Anna' });
  const bo = await h.user(['employee'], { name: 'Bo' });

  const employee = async (name: string, user: Session, employment: Record<string, unknown>) => {
    const res = await h.as(hr).post('/api/parties', {
      kind: 'person',
      displayName: name,
      emails: [user.email],
      roles: [{ role: 'employee', stage: 'stable', employment }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ id: string }>().id;
    await h.db.db.updateTable('app_user').set({ party_id: id }).where('id', '=', user.userId).execute();
    return id;
  };
  // The lead works outside Sales (so boss reaches Anna only through the manager chain).
  const leadParty = await employee('Lead Li', lead, {
    orgUnitId: support.id,
    managerId: boss.userId,
    salary: 20000,
    grade: 'M1',
    hireDate: '2020-01-01',
  });
  const annaParty = await employee('Anna Wang', anna, {
    orgUnitId: support.id,
    managerId: lead.userId,
    jobTitle: 'Engineer',
    salary: 10000,
    grade: 'P5',
    hireDate: '2022-03-01',
    employeeNo: 'E-ANNA',
  });
  const boParty = await employee('Bo Zhang', bo, {
    orgUnitId: support.id,
    managerId: otherManager.userId,
    salary: 12000,
    grade: 'P5',
    hireDate: '2021-05-01',
  });
  return {
    hr,
    boss,
    lead,
    otherManager,
    agent,
    marketing,
    executive,
    anna,
    bo,
    units: { sales: sales.id, support: support.id },
    parties: { lead: leadParty, anna: annaParty, bo: boParty },
  };
}
