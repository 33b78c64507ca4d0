import { simulateCustomers } from '../src/modules/value/index.ts';
import { nextN, SALARY, SECRET_TAG, type Maker, type MatrixFixture, type Vars } from './access-matrix-fixture.ts';
import { insertCustomers, removeCustomers, simulatedSpecs } from './value-fixture.ts';
import { peopleMakers } from './access-matrix-people.ts';
import { insightMakers } from './access-matrix-insight.ts';
import { careMakers, careMoreMakers } from './access-matrix-care.ts';
import { hrcrmMakers } from './access-matrix-hrcrm.ts';
import { practiceMakers } from './access-matrix-practice.ts';
import { projectsMakers } from './access-matrix-projects.ts';
import { notifyMakers } from './access-matrix-notify.ts';
import { webhooksMakers } from './access-matrix-webhooks.ts';

// One maker per resource of the matrix tables: the shared record every read is checked against, and fresh copies
// made the same way for writes. A table row without a maker here fails the test by name.

type Party = { id: string; version: number; roles: { role: string; version: number }[] };
const partyVars = (p: Party, role: string): Vars => ({
  id: p.id,
  version: p.version,
  roleVersion: p.roles.find((r) => r.role === role)?.version ?? 0,
});
const title = { zh: '矩阵调查', en: 'Matrix survey' };
const done = (s: string) => !['uploaded', 'queued', 'running'].includes(s);

/** Makers that need nothing but a POST (and the record's id and version from its answer). */
function simple(make: () => Promise<{ id: string; version: number }>): Maker {
  let shared: Promise<{ id: string; version: number }> | undefined;
  return {
    shared: async () => {
      shared ??= make();
      const r = await shared;
      return { id: r.id, version: r.version };
    },
    fresh: async () => {
      const r = await make();
      return { id: r.id, version: r.version };
    },
  };
}

/** A maker whose shared record is read back each time (its version moves with the shared writes); no copies. */
function reread(fetchShared: () => Promise<Vars>): Maker {
  return {
    shared: fetchShared,
    fresh: () => Promise.reject(new Error("This resource has no fresh copies: mark its writes given: 'shared'")),
  };
}

function partyMakers(fx: MatrixFixture): Record<string, Maker> {
  const { ok, ids } = fx;
  const customer: Maker = {
    shared: async () => partyVars(await ok<Party>('admin', 'GET', `/api/parties/${ids.customer}`), 'customer'),
    async fresh(given) {
      const p = await fx.customer();
      if (given === 'deleted') {
        await ok('admin', 'DELETE', `/api/parties/${p.id}`);
      }
      if (given === 'twin' || given === 'merged') {
        const twin = await fx.customer();
        if (given === 'merged') {
          await ok('admin', 'POST', `/api/parties/${p.id}/merge`, { intoId: twin.id });
        }
        return { ...partyVars(p, 'customer'), twin: twin.id };
      }
      return partyVars(p, 'customer');
    },
  };
  const employeeRecord: Maker = {
    shared: async () => partyVars(await ok<Party>('admin', 'GET', `/api/parties/${ids.employeeRecord}`), 'employee'),
    fresh: async () =>
      partyVars(
        await ok<Party>(
          'admin',
          'GET',
          `/api/parties/${await fx.employeeParty(`Matrix Staff ${nextN()}`, ids.salesEast)}`,
        ),
        'employee',
      ),
    // A shared record deleted by an allowed writer comes back, as it was.
    async after(vars, op, res) {
      if (op.given === 'shared' && op.method === 'DELETE' && res.statusCode === 204) {
        await ok('admin', 'POST', `/api/parties/${vars.id}/restore`);
      }
    },
    secrets: [SALARY, SECRET_TAG],
  };
  const candidate = simple(() =>
    ok('hr', 'POST', '/api/parties', {
      kind: 'person',
      displayName: `Matrix Candidate ${nextN()}`,
      roles: [{ role: 'candidate' }],
    }),
  );
  const interaction = simple(() =>
    ok('owner', 'POST', '/api/interactions', { partyId: ids.customer, channel: 'phone', subject: 'Matrix call' }),
  );
  const employeeInteraction = simple(() =>
    ok('hr', 'POST', '/api/interactions', { partyId: ids.employeeRecord, channel: 'meeting', subject: 'Matrix 1:1' }),
  );
  const task = simple(() =>
    ok('owner', 'POST', '/api/tasks', {
      partyId: ids.customer,
      kind: 'call_back',
      title: 'Matrix follow-up',
      dueAt: '2030-01-07T09:00:00Z',
    }),
  );
  const stakeholderGroup = simple(() => {
    const n = nextN();
    return ok('admin', 'POST', '/api/stakeholder-groups', {
      key: `matrix_partners_${n}`,
      nameZh: `矩阵伙伴 ${n}`,
      nameEn: `Matrix partners ${n}`,
      side: 'external',
    });
  });
  const fieldDefinition = simple(() => {
    const n = nextN();
    return ok('admin', 'POST', '/api/field-definitions', {
      key: `matrixRating${n}`,
      labelZh: `矩阵 ${n}`,
      labelEn: `Matrix ${n}`,
      type: 'text',
    });
  });
  return {
    customer,
    employee_record: employeeRecord,
    candidate,
    interaction,
    employee_interaction: employeeInteraction,
    task,
    stakeholder_group: stakeholderGroup,
    field_definition: fieldDefinition,
  };
}

function caseMakers(fx: MatrixFixture): Record<string, Maker> {
  const { ok, ids } = fx;
  const complaint = (partyId: string) =>
    ok('owner', 'POST', '/api/cases', { type: 'complaint', subject: `Matrix complaint ${nextN()}`, partyId });
  /** A grievance self files, which HR assigns to the handler. */
  async function grievance(anonymous: boolean): Promise<Vars> {
    const subject = `Matrix grievance ${nextN()}`;
    const filed = await ok<{ id: string | null }>('self', 'POST', '/api/grievances', {
      subject,
      description: 'Filed for the access matrix',
      anonymous,
    });
    const id =
      filed.id ??
      (
        await ok<{ items: { id: string; subject: string }[] }>('hr', 'GET', '/api/cases?type=grievance&limit=500')
      ).items.find((c) => c.subject === subject)?.id;
    const assigned = await ok('hr', 'PATCH', `/api/cases/${id}`, { assigneeId: fx.actors.handler.userId, version: 1 });
    return { id: assigned.id, version: assigned.version };
  }
  /** Two complaints about a customer raise an early warning. */
  async function alert(partyId: string): Promise<Vars> {
    await complaint(partyId);
    await complaint(partyId);
    const alerts = await ok<{ items: { id: string }[] }>('admin', 'GET', `/api/alerts?partyId=${partyId}`);
    return { id: alerts.items[0]?.id ?? 'none' };
  }
  const once = <T>(f: () => Promise<T>) => {
    let p: Promise<T> | undefined;
    return () => (p ??= f());
  };
  const sharedGrievance = once(() => grievance(false));
  const sharedAnonymous = once(() => grievance(true));
  const sharedAlert = once(() => alert(ids.customer));
  return {
    case: simple(() => complaint(ids.customer)),
    queue_case: simple(() =>
      ok('admin', 'POST', '/api/cases', { type: 'request', subject: `Matrix request ${nextN()}`, assigneeId: null }),
    ),
    grievance: { shared: sharedGrievance, fresh: () => grievance(false) },
    grievance_anonymous: { shared: sharedAnonymous, fresh: () => grievance(true) },
    alert: { shared: sharedAlert, fresh: async () => alert((await fx.customer()).id) },
    alert_rules: reread(() => Promise.resolve({})),
    sla_policy: simple(() =>
      ok('admin', 'POST', '/api/sla-policies', {
        name: `Matrix ${nextN()}`,
        timeZone: 'UTC',
        hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
        targets: Object.fromEntries(
          ['low', 'normal', 'high', 'urgent'].map((p) => [p, { firstResponseMinutes: 60, resolveMinutes: 480 }]),
        ),
      }),
    ),
  };
}

function otherMakers(fx: MatrixFixture): Record<string, Maker> {
  const { ok, ids, actors } = fx;
  const survey = (by: 'marketing' | 'hr', body: Record<string, unknown>) => async (given?: string) => {
    const s = await ok<{ id: string; version: number; questions: { id: string }[] }>(by, 'POST', '/api/surveys', {
      title,
      ...body,
    });
    // The drivers of the survey's outcome question (its first: NPS or eNPS).
    const vars = { id: s.id, version: s.version, outcome: s.questions[0]?.id ?? 'none' };
    return given === 'open'
      ? { ...vars, version: (await ok(by, 'PATCH', `/api/surveys/${s.id}`, { status: 'open', version: 1 })).version }
      : vars;
  };
  const upload = () =>
    ok<{ job: { id: string } }>(
      'marketing',
      'POST',
      '/api/imports?entity=parties&fileName=matrix.csv',
      `displayName,emails\nMatrix Imported ${nextN()},imported-${nextN()}@example.com\n`,
      'text/csv',
    );
  async function settle(id: string | number) {
    for (let i = 0; i < 400; i++) {
      if (done((await ok<{ status: string }>('admin', 'GET', `/api/imports/${id}`)).status)) {
        return;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`import ${id} did not settle`);
  }
  let sharedImport: Promise<string> | undefined;
  let sharedPurchase: Promise<unknown> | undefined;
  const customerSurvey = survey('marketing', { kind: 'nps', audience: { kind: 'customers' } });
  const employeeSurvey = survey('hr', { kind: 'enps', audience: { kind: 'employees' } });
  let sharedCustomerSurvey: Promise<Vars> | undefined;
  let sharedEmployeeSurvey: Promise<Vars> | undefined;
  const atVersion = (url: () => string) => async (): Promise<Vars> => {
    const r = await ok('admin', 'GET', url());
    return { id: r.id, version: r.version };
  };
  return {
    product: simple(() =>
      ok('admin', 'POST', '/api/products', { name: `Matrix tea ${nextN()}`, currency: 'CNY', price: '12.50' }),
    ),
    transaction: simple(() =>
      ok('owner', 'POST', '/api/transactions', { partyId: ids.customer, amount: '25.00', currency: 'CNY' }),
    ),
    survey_customer: { shared: () => (sharedCustomerSurvey ??= customerSurvey()), fresh: customerSurvey },
    survey_employee: { shared: () => (sharedEmployeeSurvey ??= employeeSurvey()), fresh: employeeSurvey },
    import: {
      shared: async () => ({ id: await (sharedImport ??= upload().then((p) => p.job.id)) }),
      async fresh(given) {
        const id = (await upload()).job.id;
        if (given === 'finished') {
          await ok('marketing', 'POST', `/api/imports/${id}/start`, {});
          await settle(id);
        }
        return { id };
      },
      // A started job runs on: let it finish before the next case.
      async after(vars, _op, res) {
        if (res.statusCode === 202) {
          await settle(String(vars.id));
        }
      },
    },
    import_employees: reread(() => Promise.resolve({})),
    user: reread(atVersion(() => `/api/users/${actors.owner.userId}`)),
    org_unit: reread(atVersion(() => `/api/org-units/${ids.salesEast}`)),
    audit: {
      ...reread(async () => {
        const log = await ok<{ items: { id: string }[] }>(
          'admin',
          'GET',
          `/api/audit?entityId=${ids.customer}&action=create`,
        );
        return { id: log.items[0]?.id ?? 'none' };
      }),
      // The audit export has no id column: the entry is found by the entity it is about.
      match: () => ids.customer,
    },
    token: simple(async () => ({
      ...(await ok('owner', 'POST', '/api/tokens', { name: `Matrix ${nextN()}` })),
      version: 0,
    })),
    value_summary: reread(() => Promise.resolve({})),
    value_rfm: reread(async () => {
      sharedPurchase ??= ok('owner', 'POST', '/api/transactions', {
        partyId: ids.customer,
        amount: '42.00',
        currency: 'CNY',
      });
      await sharedPurchase;
      return { id: ids.customer };
    }),
    value_classes: reread(async () => {
      sharedPurchase ??= ok('owner', 'POST', '/api/transactions', {
        partyId: ids.customer,
        amount: '42.00',
        currency: 'CNY',
      });
      await sharedPurchase;
      return { id: ids.customer };
    }),
    value_class_settings: reread(async () => ({
      version: (await ok<{ version: number }>('admin', 'GET', '/api/value/class-settings')).version,
    })),
    value_rfm_rules: reread(async () => ({
      version: (await ok<{ version: number }>('admin', 'GET', '/api/value/rfm-rules')).version,
    })),
    view: simple(() =>
      ok('owner', 'POST', '/api/views', { table: 'parties', name: `Matrix view ${nextN()}`, state: {} }),
    ),
  };
}

/** Value: a fit of the org's model on customers simulated under it (removed again once fitted). */
function valueMakers(fx: MatrixFixture): Record<string, Maker> {
  const settled = async (id: string) => {
    for (let i = 0; i < 400; i++) {
      const fit = await fx.ok<{ status: string }>('admin', 'GET', `/api/value/clv/fits/${id}`);
      if (!['queued', 'running'].includes(fit.status)) {
        return;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`CLV fit ${id} did not settle`);
  };
  let shared: Promise<string> | undefined;
  const make = async () => {
    const sim = simulateCustomers(
      { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
      { p: 6.25, q: 3.74, gamma: 15.44 },
      { n: 600, tMin: 26, tMax: 78, seed: 11 },
    );
    const specs = simulatedSpecs(sim, '2026-01-31');
    const ids = await insertCustomers(fx.db, fx.orgId, specs);
    const fit = await fx.ok('admin', 'POST', '/api/value/clv/fit', { asOf: '2026-01-31', timeUnit: 'week' });
    // The model stays; the customers go, so that they do not fill the party lists other rows look in. One old
    // purchase of the shared customer stays for later fits to start on (they then fail in the background: 202).
    await removeCustomers(fx.db, fx.orgId, ids);
    await fx.db
      .insertInto('transaction')
      .values({
        org_id: fx.orgId,
        party_id: fx.ids.customer,
        occurred_at: '2026-01-15T12:00:00Z',
        amount: '10.00',
        currency: 'CNY',
      })
      .execute();
    return fit.id;
  };
  return {
    value_clv_fit: {
      shared: async () => ({ id: await (shared ??= make()) }),
      fresh: () => Promise.reject(new Error('CLV fits have no fresh copies')),
      // A fit started in the background runs on: let it finish before the next case.
      async after(_vars, _op, res) {
        if (res.statusCode === 202) {
          await settled(res.json<{ id: string }>().id);
        }
      },
    },
    value_analytics: reread(() => Promise.resolve({})),
  };
}

/** Value's segments, snapshot runs, aggregates and the value routes on the customer (modules/value/segments). */
function valueSegmentsMakers(fx: MatrixFixture): Record<string, Maker> {
  const { ok, ids } = fx;
  const rule = { field: 'role', op: 'in', value: ['customer'] };
  return {
    segment: simple(() => ok('admin', 'POST', '/api/segments', { name: `Matrix segment ${nextN()}`, rule })),
    // The newest run (older ones are pruned as runs are asked for); one is asked for when there is none.
    value_purchase_analytics: reread(() => Promise.resolve({})),
    value_snapshot: reread(async () => {
      const runs = await ok<{ items: { id: string }[] }>('admin', 'GET', '/api/value/snapshots');
      return { id: runs.items[0]?.id ?? (await ok('admin', 'POST', '/api/value/snapshots', {})).id };
    }),
    party_value: {
      shared: () => Promise.resolve({ id: ids.customer }),
      fresh: async () => ({ id: (await fx.customer()).id }),
    },
  };
}

export const matrixMakers = (fx: MatrixFixture): Record<string, Maker> => ({
  ...partyMakers(fx),
  ...caseMakers(fx),
  ...otherMakers(fx),
  ...valueMakers(fx),
  ...valueSegmentsMakers(fx),
  ...peopleMakers(fx),
  ...insightMakers(fx),
  ...careMakers(fx),
  ...careMoreMakers(fx),
  ...hrcrmMakers(fx),
  ...practiceMakers(fx),
  ...projectsMakers(fx),
  ...notifyMakers(fx),
  ...webhooksMakers(fx),
});
