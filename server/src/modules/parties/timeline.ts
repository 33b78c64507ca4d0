import { sql, type Kysely } from 'kysely';
import type { RequestContext } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/types.ts';
import type { Deps } from '../../platform/deps.ts';
import type { Page } from '../../platform/http/common.schema.ts';
import { paginate } from '../../platform/http/pagination.ts';
import { interactionsRepository, tasksRepository } from './activity.repository.ts';
import type { TimelineItem } from './activity.schema.ts';
import { toInteraction, toTask } from './activity.service.ts';
import { toHistory } from './parties.mapper.ts';
import { readableParty } from './parties.service.ts';

type Db = Kysely<Database>;
type Kind = TimelineItem['type'];
const allKinds: Kind[] = ['interaction', 'task', 'history', 'care'];

/** One keyset-paged stream of (type, id, at) over everything that happened to a party, newest first; then hydrated per type. */
function timelineKeys(db: Db, orgId: string, partyId: string, kinds: Kind[], page: { limit: number; cursor: string | undefined }) {
  const parts = {
    interaction: sql`select 'interaction' as type, i.id, i.occurred_at as at from interaction i where i.org_id = ${orgId} and i.party_id = ${partyId}`,
    task: sql`select 'task' as type, t.id, t.due_at as at from task t where t.org_id = ${orgId} and t.party_id = ${partyId}`,
    history: sql`select 'history' as type, h.id, h.at from party_history h where h.org_id = ${orgId} and h.party_id = ${partyId}`,
    care: sql`select 'care' as type, (c->>'id')::uuid as id, (c->>'at')::timestamptz(3) as at
              from party pc, jsonb_array_elements(pc.profile->'care') c where pc.org_id = ${orgId} and pc.id = ${partyId}`,
  };
  const union = sql.join(kinds.map((k) => parts[k]), sql` union all `);
  const q = db.selectFrom(sql<{ type: Kind; id: string; at: Date }>`(${union})`.as('tl')).selectAll();
  return paginate(q, { ...page, sort: { column: 'tl.at', desc: true, type: 'timestamptz' }, idColumn: 'tl.id', sortValue: (r) => r.at });
}

export function timelineService(deps: Deps) {
  const { db } = deps;
  return {
    async list(ctx: RequestContext, partyId: string, types: string | undefined, page: { limit: number; cursor: string | undefined }): Promise<Page<TimelineItem>> {
      const party = await readableParty(db, ctx, partyId);
      const orgId = ctx.actor.orgId;
      const kinds = types ? allKinds.filter((k) => types.split(',').includes(k)) : allKinds;
      const keys = await timelineKeys(db, orgId, partyId, kinds, page);
      const idsOf = (k: Kind) => keys.items.filter((i) => i.type === k).map((i) => i.id);
      const [interactions, tasks, history] = await Promise.all([
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
      ]);
      const items = keys.items.flatMap((k): TimelineItem[] => {
        const at = k.at.toISOString();
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
