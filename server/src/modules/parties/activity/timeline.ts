import { sql, type Kysely } from 'kysely';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Database } from '../../../platform/db/types.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { Page } from '../../../platform/http/common.schema.ts';
import { paginate } from '../../../platform/http/pagination.ts';
import { validation } from '../../../platform/errors.ts';
import type { TimelineEvent, TimelineSource } from '../../../platform/timeline/sources.ts';
import { interactionsRepository, tasksRepository } from './activity.repository.ts';
import type { TimelineItem } from './activity.schema.ts';
import { toInteraction, toTask } from './activity.service.ts';
import { toHistory } from '../parties.mapper.ts';
import { readableParty } from '../parties.service.ts';

type Db = Kysely<Database>;
type Builtin = Exclude<TimelineItem['type'], 'event'>;
const builtins: Builtin[] = ['interaction', 'task', 'history', 'care'];
const isBuiltin = (k: string): k is Builtin => (builtins as string[]).includes(k);

/** One keyset-paged stream of (type, id, at) over everything that happened to a party, newest first; then hydrated per type. */
function timelineKeys(
  db: Db,
  ctx: RequestContext,
  partyId: string,
  kinds: Builtin[],
  sources: TimelineSource[],
  page: { limit: number; cursor: string | undefined },
) {
  const orgId = ctx.actor.orgId;
  const parts = {
    interaction: sql`select 'interaction' as type, i.id, i.occurred_at as at from interaction i where i.org_id = ${orgId} and i.party_id = ${partyId}`,
    task: sql`select 'task' as type, t.id, t.due_at as at from task t where t.org_id = ${orgId} and t.party_id = ${partyId}`,
    history: sql`select 'history' as type, h.id, h.at from party_history h where h.org_id = ${orgId} and h.party_id = ${partyId}`,
    care: sql`select 'care' as type, (c->>'id')::uuid as id, (c->>'at')::timestamptz(3) as at
              from party pc, jsonb_array_elements(pc.profile->'care') c where pc.org_id = ${orgId} and pc.id = ${partyId}`,
  };
  const arms = [
    ...kinds.map((k) => parts[k]),
    ...sources.map(
      (s) =>
        sql`select x.type::text as type, x.id::uuid as id, x.at::timestamptz(3) as at from (${s.keys(ctx, partyId)}) x`,
    ),
  ];
  const union = sql.join(arms, sql` union all `);
  const q = db.selectFrom(sql<{ type: string; id: string; at: Date }>`(${union})`.as('tl')).selectAll();
  return paginate(q, {
    ...page,
    sort: { column: 'tl.at', desc: true, type: 'timestamptz' },
    idColumn: 'tl.id',
    sortValue: (r) => r.at,
  });
}

export function timelineService(deps: Deps) {
  const { db } = deps;
  return {
    async list(
      ctx: RequestContext,
      partyId: string,
      types: string | undefined,
      page: { limit: number; cursor: string | undefined },
    ): Promise<Page<TimelineItem>> {
      const party = await readableParty(db, ctx, partyId);
      const orgId = ctx.actor.orgId;
      const wanted = types ? types.split(',') : undefined;
      const unknown = (wanted ?? []).filter((k) => !isBuiltin(k) && !deps.timeline.get(k));
      if (unknown.length) {
        const message = `Unknown timeline type ${unknown.join(', ')}; known: ${[...builtins, ...deps.timeline.all().map((s) => s.type)].join(', ')}`;
        throw validation(message, [{ path: ['querystring', 'types'], code: 'unknown_value', message }]);
      }
      const kinds = wanted ? builtins.filter((k) => wanted.includes(k)) : builtins;
      const sources = deps.timeline.all().filter((s) => !wanted || wanted.includes(s.type));
      const keys = await timelineKeys(db, ctx, partyId, kinds, sources, page);
      const idsOf = (k: string) => keys.items.filter((i) => i.type === k).map((i) => i.id);
      const [interactions, tasks, history, ...events] = await Promise.all([
        interactionsRepository.byIds(db, orgId, idsOf('interaction')),
        tasksRepository.byIds(db, orgId, idsOf('task')),
        idsOf('history').length
          ? db
              .selectFrom('party_history as h')
              .leftJoin('app_user as u', (j) => j.onRef('u.org_id', '=', 'h.org_id').onRef('u.id', '=', 'h.actor_id'))
              .selectAll('h')
              .select('u.display_name as actor_name')
              .where('h.org_id', '=', orgId)
              .where('h.id', 'in', idsOf('history'))
              .execute()
          : Promise.resolve([]),
        ...sources.map((s) => {
          const ids = idsOf(s.type);
          return ids.length ? s.load(db, ctx, ids) : Promise.resolve(new Map<string, TimelineEvent>());
        }),
      ]);
      const eventsOf = new Map(sources.map((s, i) => [s.type, events[i] ?? new Map<string, TimelineEvent>()]));
      const items = keys.items.flatMap((k): TimelineItem[] => {
        const at = k.at.toISOString();
        if (!isBuiltin(k.type)) {
          const event = eventsOf.get(k.type)?.get(k.id);
          return event ? [{ type: 'event', id: k.id, at, event }] : [];
        }
        switch (k.type) {
          case 'interaction': {
            const r = interactions.find((x) => x.id === k.id);
            return r ? [{ type: 'interaction', id: k.id, at, interaction: toInteraction(r) }] : [];
          }
          case 'task': {
            const r = tasks.find((x) => x.id === k.id);
            return r ? [{ type: 'task', id: k.id, at, task: toTask(r) }] : [];
          }
          case 'history': {
            const r = history.find((x) => x.id === k.id);
            return r ? [{ type: 'history', id: k.id, at, history: toHistory(r) }] : [];
          }
          case 'care': {
            const c = party.profile.care.find((x) => x.id === k.id);
            return c ? [{ type: 'care', id: k.id, at, care: c }] : [];
          }
        }
      });
      return { items, nextCursor: keys.nextCursor };
    },
  };
}
