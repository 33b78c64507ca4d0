import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { createSystemTask } from '../../parties/index.ts';
import { employeeFor } from '../file/file.service.ts';
import { conversationsRepository } from './conversations.repository.ts';
import type { CreateOneOnOne, ListOneOnOnesQuery, OneOnOne } from './conversations.schema.ts';

type Row = Awaited<ReturnType<typeof conversationsRepository.list>>[number];
const toOneOnOne = (r: Row): OneOnOne => ({
  id: r.id,
  partyId: r.party_id,
  displayName: r.display_name,
  managerId: r.manager_id,
  kind: r.kind as OneOnOne['kind'],
  heldOn: r.held_on,
  notes: r.notes,
  actions: r.actions,
  createdAt: r.created_at.toISOString(),
});

/** 1:1s and walk-around talks ([S1] 沟通激励): held by the management chain or HR with an employee. */
export function conversationsService(deps: Deps) {
  const { db } = deps;
  return {
    async create(ctx: RequestContext, input: CreateOneOnOne): Promise<OneOnOne> {
      return db.transaction().execute(async (trx) => {
        await employeeFor(trx, ctx, input.partyId, 'oneOnOne', 'write');
        const orgId = ctx.actor.orgId;
        const actions = [];
        for (const a of input.actions) {
          const task = await createSystemTask(trx, orgId, {
            kind: 'other',
            title: a.title,
            partyId: input.partyId,
            notes: null,
            dueAt: new Date(a.dueAt),
            assigneeId: ctx.actor.userId,
          });
          actions.push({ title: a.title, taskId: task.id });
        }
        const { id } = await conversationsRepository.insert(trx, {
          org_id: orgId,
          party_id: input.partyId,
          manager_id: ctx.actor.userId,
          kind: input.kind,
          held_on: input.heldOn,
          notes: input.notes ?? null,
          actions: JSON.stringify(actions),
        });
        // The notes are private: the audit row says a conversation was held, not what was said.
        await recordAudit(trx, ctx, {
          action: 'one_on_one_create',
          entityType: 'party',
          entityId: input.partyId,
          after: { oneOnOneId: id, kind: input.kind, heldOn: input.heldOn, actions: actions.length },
        });
        const [row] = await conversationsRepository.list(trx, ctx.actor, { id });
        return toOneOnOne(row as Row);
      });
    },

    async list(ctx: RequestContext, f: ListOneOnOnesQuery): Promise<{ items: OneOnOne[] }> {
      return { items: (await conversationsRepository.list(db, ctx.actor, f)).map(toOneOnOne) };
    },
  };
}
