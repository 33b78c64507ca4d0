import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { Page } from '../../../platform/http/common.schema.ts';
import { validation } from '../../../platform/errors.ts';
import type { TimelineEvent } from '../../../platform/timeline/sources.ts';
import { interactionsRepository, tasksRepository } from './activity.repository.ts';
import type { TimelineItem } from './activity.schema.ts';
import { toInteraction, toTask } from './activity.service.ts';
import { toHistory } from '../parties.mapper.ts';
import { readableParty } from '../parties.service.ts';

import { builtins, historyByIds, timelineKeys, type Builtin } from './timeline.repository.ts';

const isBuiltin = (k: string): k is Builtin => (builtins as string[]).includes(k);

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
        historyByIds(db, orgId, idsOf('history')),
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
