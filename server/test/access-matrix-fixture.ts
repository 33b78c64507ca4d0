import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import type { Visibility } from '../src/platform/access/access.ts';
import {
  actorNames,
  matrixActors,
  matrixUnits,
  type ActorName,
  type MatrixRecord,
  type MatrixUnit,
} from '../src/platform/access/matrix.ts';
import type { Harness, Session } from './harness.ts';
import { settingsSeen } from './settings-seen.ts';

// The matrix organisation (platform/access/matrix.ts: units, actors, records), built through the API, and one maker
// per resource: its shared record (what reads are checked against) and fresh copies made the same way (what writes
// act on, so that no write changes what another case sees).

export type Vars = Record<string, string | number>;
export interface Maker {
  /** The shared record: its id and current version(s). */
  shared(): Promise<Vars>;
  /** A new record made like the shared one, put in the `given` state first. */
  fresh(given?: string): Promise<Vars>;
  /** After a write: undo a change to the shared record, or wait for what the write started. */
  after?(vars: Vars, op: { method: string; given: string | undefined }, res: LightMyRequestResponse): Promise<void>;
  /** Fields only a full reader gets. */
  secrets?: string[];
  /** What identifies the record in an export (default: its id). */
  match?: (vars: Vars) => string;
}

/** A salary and a tag: the employee record's fields that must never reach a directory reader. */
export const SALARY = '87654';
export const SECRET_TAG = 'matrix-secret-tag';

let counter = 0;
export const nextN = () => String(++counter);

export function matrixFixture(h: Harness) {
  const actors = {} as Record<ActorName, Session>;
  /** The admin of another organisation: tenancy is checked on every operation of every table. */
  let outsider: Session | undefined;
  const ids: Record<MatrixRecord, string> = { salesEast: '', employeeRecord: '', colleague: '', customer: '' };

  async function send(
    who: Session,
    method: string,
    url: string,
    payload?: unknown,
    contentType?: string,
  ): Promise<LightMyRequestResponse> {
    const write = method !== 'GET';
    return h.app.inject({
      method: method as 'GET',
      url,
      headers: {
        cookie: who.cookie,
        ...(write ? { 'x-csrf-token': who.csrf } : {}),
        ...(contentType ? { 'content-type': contentType } : {}),
      },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });
  }
  /** A call that must succeed (building the fixture); its JSON. */
  async function ok<T = Record<string, unknown> & { id: string; version: number }>(
    who: ActorName,
    method: string,
    url: string,
    payload?: unknown,
    contentType?: string,
  ): Promise<T> {
    const res = await send(session(who), method, url, payload, contentType);
    if (res.statusCode >= 300) {
      throw new Error(`fixture: ${who} ${method} ${url} answered ${res.statusCode} ${res.body}`);
    }
    return (res.body ? res.json() : {}) as T;
  }

  async function setVisibility(v: Visibility) {
    await sql`update organization set settings = settings || ${JSON.stringify({ customerVisibility: v })}::jsonb where org_id = ${h.org.orgId}`.execute(
      h.db.db,
    );
    // The app holds settings in memory until the change's notification reaches it (server/test/settings-seen.ts).
    await settingsSeen(h);
  }

  async function build() {
    actors.admin = h.org.admin;
    outsider = (await h.newOrg('matrix-other')).admin;
    const units = {} as Record<MatrixUnit, string>;
    for (const [key, u] of Object.entries(matrixUnits) as [MatrixUnit, (typeof matrixUnits)[MatrixUnit]][]) {
      const parentId = u.parent ? units[u.parent] : null;
      units[key] = (await ok('admin', 'POST', '/api/org-units', { name: u.name, parentId })).id;
    }
    for (const name of actorNames.filter((a) => a !== 'admin')) {
      const a = matrixActors[name];
      actors[name] = await h.user([...a.roles], { name, orgUnitId: a.unit ? units[a.unit] : null });
    }
    for (const [key, u] of Object.entries(matrixUnits) as [MatrixUnit, (typeof matrixUnits)[MatrixUnit]][]) {
      if (u.manager) {
        await ok('admin', 'PATCH', `/api/org-units/${units[key]}`, {
          managerUserId: actors[u.manager].userId,
          version: 1,
        });
      }
    }
    ids.salesEast = units.salesEast;
    ids.employeeRecord = await employeeParty('Matrix Staff Wombat', units.salesEast, 'self');
    ids.colleague = await employeeParty('Matrix Colleague Numbat', units.support, 'employee');
    ids.customer = (await customer('Matrix Customer Quokka')).id;
  }

  /** An employee record made by HR; `linked` is the user it belongs to. */
  async function employeeParty(name: string, unit: string, linked?: ActorName): Promise<string> {
    const p = await ok('hr', 'POST', '/api/parties', {
      kind: 'person',
      displayName: name,
      emails: [`${name.split(' ').at(-1)?.toLowerCase()}-${nextN()}@corp.example`],
      tags: [SECRET_TAG],
      roles: [
        {
          role: 'employee',
          employment: {
            orgUnitId: unit,
            jobTitle: 'Engineer',
            salary: Number(SALARY),
            grade: 'P7',
            employeeNo: `E-${nextN()}`,
          },
        },
      ],
    });
    if (linked) {
      const user = await ok('admin', 'GET', `/api/users/${actors[linked].userId}`);
      await ok('admin', 'PATCH', `/api/users/${actors[linked].userId}`, { partyId: p.id, version: user.version });
    }
    return p.id;
  }

  /** A customer as the owner makes one, with the backup owner. */
  const customer = (name = `Matrix Customer ${nextN()}`) =>
    ok<{ id: string; version: number; roles: { role: string; version: number }[] }>('owner', 'POST', '/api/parties', {
      kind: 'person',
      displayName: name,
      emails: [`customer-${nextN()}@example.com`],
      roles: [{ role: 'customer' }],
      backupOwnerId: actors.backup.userId,
    });

  const session = (who: ActorName | 'outsider'): Session => {
    const s = who === 'outsider' ? outsider : actors[who];
    if (!s) {
      throw new Error(`fixture: no session for ${who} (build() first)`);
    }
    return s;
  };

  return {
    actors,
    ids,
    session,
    send,
    ok,
    build,
    setVisibility,
    customer,
    employeeParty,
    db: h.db.db,
    orgId: h.org.orgId,
  };
}

export type MatrixFixture = ReturnType<typeof matrixFixture>;
