import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshStatistics } from '../src/platform/db/statistics.ts';
import type { Visibility } from '../src/platform/access/access.ts';
import {
  actorNames,
  type ActorName,
  type MatrixOperation,
  type MatrixRecord,
  type MatrixResource,
  type MatrixTable,
  type NotOffered,
  type OperationKind,
  type Outcome,
} from '../src/platform/access/matrix.ts';
import { outsideTheMatrix, platformAccessMatrix } from '../src/platform/access/platform.access-matrix.ts';
import { webhooksAccessMatrix } from '../src/platform/webhooks/webhooks.access-matrix.ts';
import { casesAccessMatrix } from '../src/modules/cases/index.ts';
import { commerceAccessMatrix } from '../src/modules/commerce/index.ts';
import { importsAccessMatrix } from '../src/modules/imports/index.ts';
import {
  activityAccessMatrix,
  linksAccessMatrix,
  partiesAccessMatrix,
  settingsAccessMatrix,
} from '../src/modules/parties/index.ts';
import { hrcrmAccessMatrix } from '../src/modules/hrcrm/index.ts';
import { practiceAccessMatrix } from '../src/modules/practice/index.ts';
import { projectsAccessMatrix } from '../src/modules/projects/index.ts';
import { peopleAccessMatrix } from '../src/modules/people/index.ts';
import { insightAccessMatrix } from '../src/modules/insight/index.ts';
import { careAccessMatrix } from '../src/modules/care/index.ts';
import { surveysAccessMatrix } from '../src/modules/surveys/index.ts';
import { segmentsAccessMatrix, valueAccessMatrix, valueCoreAccessMatrix } from '../src/modules/value/index.ts';
import { matrixFixture, nextN, type Maker, type Vars } from './access-matrix-fixture.ts';
import { matrixMakers } from './access-matrix-makers.ts';
import nodemailer from 'nodemailer';
import { setup } from './harness.ts';

// The access matrix: every row of every module's table × every actor × every operation, through the HTTP API, in one
// organisation (platform/access/matrix.ts). Reads come first, against shared records; writes act on fresh copies.

const tables: MatrixTable[] = [
  partiesAccessMatrix,
  activityAccessMatrix,
  settingsAccessMatrix,
  casesAccessMatrix,
  commerceAccessMatrix,
  surveysAccessMatrix,
  importsAccessMatrix,
  valueAccessMatrix,
  valueCoreAccessMatrix,
  segmentsAccessMatrix,
  peopleAccessMatrix,
  insightAccessMatrix,
  careAccessMatrix,
  linksAccessMatrix,
  hrcrmAccessMatrix,
  practiceAccessMatrix,
  projectsAccessMatrix,
  platformAccessMatrix,
  webhooksAccessMatrix,
];
const resources = tables.flatMap((t) => t.resources);
const slots = ['read', 'list', 'update', 'delete', 'export'] as const;
const modes: Visibility[] = ['private', 'public_read', 'public_read_write'];

const offered = (op: MatrixOperation | NotOffered): op is MatrixOperation => !('none' in op);
function operations(r: MatrixResource): [string, MatrixOperation, OperationKind][] {
  const standard = slots.flatMap((s): [string, MatrixOperation, OperationKind][] => {
    const op = r[s];
    const kind: OperationKind = s === 'update' || s === 'delete' ? 'write' : s;
    return offered(op) ? [[s, op, op.as ?? kind]] : [];
  });
  const more = Object.entries(r.more ?? {}).map(([name, op]): [string, MatrixOperation, OperationKind] => [
    name,
    op,
    op.as ?? (op.route.startsWith('GET ') ? 'read' : 'write'),
  ]);
  return [...standard, ...more];
}
function outcomeOf(op: MatrixOperation, actor: ActorName): Outcome {
  const listed = (Object.entries(op.expect) as [Outcome | 'otherwise', readonly ActorName[] | Outcome][]).find(
    ([k, v]) => k !== 'otherwise' && (v as readonly ActorName[]).includes(actor),
  );
  return listed ? (listed[0] as Outcome) : op.expect.otherwise;
}
const routeOf = (op: MatrixOperation) => op.route.split(' ') as [string, string];

// Mail set up, so that survey reminders can go out.
const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
const h = await setup({ mailTransport: transport, publicUrl: 'https://tandem.example.com/' });
const fx = matrixFixture(h);
const makers = matrixMakers(fx);
const sharedVars = new Map<string, Promise<Vars>>();

beforeAll(async () => {
  await fx.build();
  await refreshStatistics(h.db.db);
}, 120_000);
afterAll(() => fx.setVisibility('private'));

/** `{name}` placeholders from the record and the fixture; a value that is exactly one placeholder keeps its type. */
function fill<T>(value: T, vars: Vars): T {
  const lookup = (name: string) => {
    if (name === 'n') {
      return nextN();
    }
    const v = vars[name] ?? (name in fx.ids ? fx.ids[name as MatrixRecord] : undefined);
    if (v === undefined) {
      throw new Error(`no value for {${name}}`);
    }
    return v;
  };
  if (typeof value === 'string') {
    const whole = /^\{(\w+)\}$/.exec(value);
    return (
      whole ? lookup(whole[1] as string) : value.replace(/\{(\w+)\}/g, (_m, k: string) => String(lookup(k)))
    ) as T;
  }
  if (Array.isArray(value)) {
    return value.map((v: unknown) => fill(v, vars)) as T;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, vars)])) as T;
  }
  return value;
}

/** Judges one answer; `ownForm` when the route answers the record itself (its secrets are then checked too). */
function judge(
  kind: OperationKind,
  outcome: Outcome,
  res: LightMyRequestResponse,
  maker: Maker,
  vars: Vars,
  ownForm: boolean,
) {
  const why = `${res.statusCode} ${res.body.slice(0, 300)}`;
  const denied = { deny404: 404, deny403: 403, deny400: 400 } as const;
  if (outcome in denied) {
    expect(res.statusCode, why).toBe(denied[outcome as keyof typeof denied]);
    // Refused by the rule: not a missing route, not a missing CSRF token.
    const error = res.json<{ error: { message: string; details?: { reason?: string } } }>().error;
    expect(error.message, why).not.toMatch(/^No route/);
    expect(error.details?.reason, why).not.toBe('csrf');
    return;
  }
  expect(res.statusCode, why).toBeLessThan(300);
  const secrets = ownForm ? (maker.secrets ?? []) : [];
  const id = String(vars.id);
  if (kind === 'read') {
    const body: unknown = String(res.headers['content-type']).includes('json') ? res.json() : null;
    if (body && typeof body === 'object' && 'access' in body) {
      expect((body as { access: string }).access, why).toBe(outcome === 'directory' ? 'directory' : 'full');
    }
    for (const s of secrets) {
      expect(res.body.includes(s), `${s} in ${why}`).toBe(outcome !== 'directory');
    }
    return;
  }
  if (kind === 'list') {
    // The record itself, or an entry about it (a timeline event names its case).
    const items = res.json().items as { id: string; access?: string }[];
    const found = items.find((i) => String(i.id) === id) ?? items.find((i) => JSON.stringify(i).includes(id));
    expect(Boolean(found), `${id} listed in ${why}`).toBe(outcome !== 'absent');
    if (found && found.access) {
      expect(found.access).toBe(outcome === 'directory' ? 'directory' : 'full');
    }
    for (const s of found ? secrets : []) {
      expect(JSON.stringify(found).includes(s), s).toBe(outcome !== 'directory');
    }
    return;
  }
  if (kind === 'export') {
    const key = maker.match?.(vars) ?? id;
    const line = res.body.split(/\r?\n/).find((l) => l.includes(key));
    expect(Boolean(line), `${key} exported`).toBe(outcome !== 'absent');
    if (outcome === 'directory') {
      secrets.forEach((s) => expect(line?.includes(s), s).toBe(false));
    }
  }
}

async function runCase(
  r: MatrixResource,
  name: string,
  op: MatrixOperation,
  kind: OperationKind,
  actor: ActorName | 'outsider',
  outcome: Outcome,
) {
  const maker = makers[r.resource];
  if (!maker) {
    throw new Error(`No maker for the resource ${r.resource}: add one to server/test/access-matrix-makers.ts`);
  }
  const [method, template] = routeOf(op);
  const onRecord = template.includes('{id}');
  let vars: Vars = {};
  if (kind !== 'write' || op.given === 'shared') {
    if (op.given === 'shared') {
      vars = await maker.shared();
    } else {
      const cached = sharedVars.get(r.resource) ?? maker.shared();
      sharedVars.set(r.resource, cached);
      vars = await cached;
    }
  } else if (onRecord) {
    vars = await maker.fresh(op.given);
  }
  const url = fill(
    template.replace(/\{(\w+)\}/g, (_m, k: string) => op.params?.[k] ?? `{${k}}`),
    vars,
  );
  const query = op.query ? `?${fill(op.query, vars)}` : '';
  const payload = op.upload !== undefined ? fill(op.upload, vars) : op.body ? fill(op.body, vars) : undefined;
  const res = await fx.send(fx.session(actor), method, url + query, payload, op.upload ? 'text/csv' : undefined);
  try {
    judge(kind, outcome, res, maker, vars, (slots as readonly string[]).includes(name));
  } finally {
    await maker.after?.(vars, { method, given: op.given }, res);
  }
}

/**
 * Tenancy (architecture.md, rule 4): to the admin of another organisation a record of this one does not exist —
 * what names it is not found, lists and exports leave it out. Operations on no record (creates, settings,
 * aggregates) act in the outsider's own organisation and are not theirs to check here.
 */
function outsiderOutcome(op: MatrixOperation, kind: OperationKind): Outcome | null {
  if (op.route.includes('{id}')) {
    return 'deny404';
  }
  return kind === 'list' || kind === 'export' ? 'absent' : null;
}

interface Case {
  name: string;
  run: () => Promise<void>;
}
function cases(mode: Visibility, writes: boolean): Case[] {
  return resources
    .filter((r) => (r.visibility ?? 'private') === mode)
    .flatMap((r) =>
      operations(r)
        .filter(([, , kind]) => (kind === 'write') === writes)
        .flatMap(([name, op, kind]) => {
          const outsider = outsiderOutcome(op, kind);
          const who: [ActorName | 'outsider', Outcome][] = [
            ...actorNames.map((a): [ActorName, Outcome] => [a, outcomeOf(op, a)]),
            ...(outsider ? [['outsider', outsider] as [ActorName | 'outsider', Outcome]] : []),
          ];
          const tag = mode === 'private' ? '' : ` [${mode}]`;
          return who.map(([actor, outcome]) => ({
            name: `${actor} · ${r.resource}${tag} · ${name} → ${outcome}`,
            run: () => runCase(r, name, op, kind, actor, outcome),
          }));
        }),
    );
}

for (const writes of [false, true]) {
  describe(writes ? 'access matrix: writes' : 'access matrix: reads', () => {
    for (const mode of modes) {
      describe(mode, () => {
        beforeAll(async () => {
          await fx.setVisibility(mode);
          // As the platform-analyze job does in a running server: the fixture grows with every fresh copy, and a
          // never-analysed table sends aggregate queries into nested loops (platform/db/statistics.ts).
          await refreshStatistics(h.db.db);
        });
        for (const c of cases(mode, writes)) {
          it(c.name, c.run);
        }
      });
    }
  });
}

describe('the matrix covers every route', () => {
  const src = path.resolve(import.meta.dirname, '../src');
  const tableRoutes = new Set<string>(resources.flatMap((r) => operations(r).map(([, op]) => op.route)));
  const outside = new Set<string>(outsideTheMatrix.map((o) => o.route));

  it('every operation of the OpenAPI document is in a matrix table or outside it with a reason', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    const missing = documented.filter((r) => !tableRoutes.has(r) && !outside.has(r));
    expect(
      missing,
      `routes in no access-matrix table (add them to the module's *.access-matrix.ts): ${missing.join(', ')}`,
    ).toEqual([]);
    const stale = [...tableRoutes, ...outside].filter((r) => !documented.includes(r));
    expect(stale, `matrix routes the API does not have: ${stale.join(', ')}`).toEqual([]);
    expect(
      [...tableRoutes].filter((r) => outside.has(r)),
      'both in a table and outside the matrix',
    ).toEqual([]);
  });

  it('every access rule file has its table, and every table is checked', () => {
    const files = (readdirSync(src, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/'));
    const rules = new Set(tables.flatMap((t) => t.rules));
    const uncovered = files.filter((f) => f.endsWith('.access.ts') && !rules.has(f));
    expect(uncovered, `access rules without an access-matrix table: ${uncovered.join(', ')}`).toEqual([]);
    expect(
      [...rules].filter((f) => !files.includes(f)),
      'rules files that do not exist',
    ).toEqual([]);
    const unchecked = files.filter((f) => f.endsWith('.access-matrix.ts') && !tables.some((t) => t.file === f));
    expect(unchecked, `tables this test does not load: ${unchecked.join(', ')}`).toEqual([]);
  });

  it('every row has a fixture; every operation lets someone through and names each actor at most once', () => {
    expect(
      resources.filter((r) => !makers[r.resource]).map((r) => r.resource),
      'rows without a maker',
    ).toEqual([]);
    for (const r of resources) {
      const key = `${r.resource}/${r.visibility ?? 'private'}`;
      expect(
        resources.filter((x) => `${x.resource}/${x.visibility ?? 'private'}` === key),
        key,
      ).toHaveLength(1);
      for (const [name, op] of operations(r)) {
        const listed = Object.entries(op.expect).flatMap(([k, v]) => (k === 'otherwise' ? [] : (v as string[])));
        expect(listed.length, `${key} ${name}: an actor listed twice`).toBe(new Set(listed).size);
        // A route that answers no one proves nothing: its denials could be a wrong path.
        const through = actorNames.filter((a) => ['allow', 'directory', 'absent'].includes(outcomeOf(op, a)));
        expect(through.length, `${key} ${name}: no actor gets through`).toBeGreaterThan(0);
      }
    }
  });
});
