import { sql, type Insertable, type Kysely } from 'kysely';
import type { Visibility } from '../../../platform/access/access.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Database } from '../../../platform/db/types.ts';
import { paginate } from '../../../platform/db/pagination.ts';
import { alertVisible } from '../cases.access.ts';
import type { AlertRuleKind } from '../constants.ts';
import type { AlertTable } from '../cases.tables.ts';

type Db = Kysely<Database>;

export const alertsRepository = {
  rules: (db: Db, orgId: string) =>
    db.selectFrom('alert_rule').selectAll().where('org_id', '=', orgId).orderBy('kind').execute(),
  ensureRules: (
    db: Db,
    orgId: string,
    defaults: { kind: AlertRuleKind; enabled: boolean; params: Record<string, number> }[],
  ) =>
    db
      .insertInto('alert_rule')
      .values(
        defaults.map((d) => ({ org_id: orgId, kind: d.kind, enabled: d.enabled, params: JSON.stringify(d.params) })),
      )
      .onConflict((oc) => oc.columns(['org_id', 'kind']).doNothing())
      .execute(),
  putRule: (db: Db, orgId: string, kind: AlertRuleKind, enabled: boolean, params: Record<string, number>) =>
    db
      .updateTable('alert_rule')
      .set({ enabled, params: JSON.stringify(params), updated_at: new Date() })
      .where('org_id', '=', orgId)
      .where('kind', '=', kind)
      .execute(),
  /** One open alert per party and rule: a second raise is a no-op (undefined). */
  insertOpen: (db: Db, row: Insertable<AlertTable>) =>
    db
      .insertInto('alert')
      .values(row)
      .onConflict((oc) =>
        // A literal, not a parameter: a prepared statement's generic plan must still infer the partial unique index.
        oc.columns(['org_id', 'party_id', 'rule']).where('status', '=', sql.lit('open')).doNothing(),
      )
      .returningAll()
      .executeTakeFirst(),
  /** The open alert of a party and rule, if any (one at most). */
  findOpen: (db: Db, orgId: string, partyId: string, rule: AlertRuleKind) =>
    db
      .selectFrom('alert')
      .select('id')
      .where('org_id', '=', orgId)
      .where('party_id', '=', partyId)
      .where('rule', '=', rule)
      .where('status', '=', 'open')
      .executeTakeFirst(),
  setTask: (db: Db, orgId: string, id: string, taskId: string | null, stageNote: string) =>
    db
      .updateTable('alert')
      .set({ task_id: taskId, stage_note: stageNote })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute(),
  list(
    db: Db,
    actor: Actor,
    visibility: Visibility,
    f: {
      partyId?: string | undefined;
      status?: 'open' | 'acknowledged' | undefined;
      limit: number;
      cursor?: string | undefined;
    },
  ) {
    let q = db
      .selectFrom('alert as a')
      .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 'a.org_id').onRef('p.id', '=', 'a.party_id'))
      .selectAll('a')
      .select('p.display_name as party_name')
      .where('a.org_id', '=', actor.orgId)
      .where(() => alertVisible(actor, visibility, 'read'));
    if (f.partyId) {
      q = q.where('a.party_id', '=', f.partyId);
    }
    if (f.status) {
      q = q.where('a.status', '=', f.status);
    }
    return paginate(q, {
      limit: f.limit,
      cursor: f.cursor,
      sort: { column: 'a.created_at', desc: true, type: 'timestamptz' },
      idColumn: 'a.id',
      sortValue: (r) => r.created_at,
    });
  },
  findVisible: (db: Db, actor: Actor, visibility: Visibility, id: string, mode: 'read' | 'write') =>
    db
      .selectFrom('alert as a')
      .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 'a.org_id').onRef('p.id', '=', 'a.party_id'))
      .selectAll('a')
      .select('p.display_name as party_name')
      .where('a.org_id', '=', actor.orgId)
      .where('a.id', '=', id)
      .where(() => alertVisible(actor, visibility, mode))
      .executeTakeFirst(),
  acknowledge: (db: Db, orgId: string, id: string, userId: string, status: 'open' | 'acknowledged') =>
    db
      .updateTable('alert')
      .set(
        status === 'acknowledged'
          ? { status, acknowledged_at: new Date(), acknowledged_by: userId }
          : { status, acknowledged_at: null, acknowledged_by: null },
      )
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute(),
};
