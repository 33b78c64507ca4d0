import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, validation } from '../../../platform/errors.ts';
import { usersRepository } from '../../../platform/identity/users.repository.ts';
import type { Party } from '../parties.schema.ts';
import { partiesService } from '../parties.service.ts';
import { partyRolesService } from '../roles/roles.service.ts';
import type { BulkPartiesBody, BulkPartiesOutcome, BulkPartyAction, BulkPartyResult } from './bulk-actions.schema.ts';

type Outcome = 'changed' | 'unchanged';
type Services = { parties: ReturnType<typeof partiesService>; roles: ReturnType<typeof partyRolesService> };

/** One party's change through the single-party services (access, history, audit), or 'unchanged' when it holds. */
async function applyOne(svc: Services, ctx: RequestContext, party: Party, a: BulkPartyAction): Promise<Outcome> {
  const { parties, roles } = svc;
  const update = (input: Parameters<typeof parties.update>[3]) => parties.update(ctx, party.id, party.version, input);
  switch (a.kind) {
    case 'assign_owner':
      if ((party.ownerId ?? null) === a.ownerId) {
        return 'unchanged';
      }
      await update({ ownerId: a.ownerId, reason: a.reason, version: party.version });
      return 'changed';
    case 'assign_backup':
      if ((party.backupOwnerId ?? null) === a.backupOwnerId) {
        return 'unchanged';
      }
      await update({ backupOwnerId: a.backupOwnerId, version: party.version });
      return 'changed';
    case 'add_tag':
    case 'remove_tag': {
      const tags = party.tags ?? [];
      const next = a.kind === 'add_tag' ? [...new Set([...tags, a.tag])] : tags.filter((t) => t !== a.tag);
      if (next.length === tags.length) {
        return 'unchanged';
      }
      await update({ tags: next, version: party.version });
      return 'changed';
    }
    case 'move_stage': {
      const role = party.roles.find((r) => r.role === a.role);
      if (!role) {
        throw new AppError('UNPROCESSABLE', `The party has no ${a.role} role`, { reason: 'role_missing' });
      }
      if (role.stage === a.stage) {
        return 'unchanged';
      }
      const input = { stage: a.stage, reason: a.reason, version: role.version };
      await roles.put(ctx, party.id, a.role, input, undefined);
      return 'changed';
    }
    case 'delete':
      await parties.remove(ctx, party.id);
      return 'changed';
  }
}

const hidden = (i: number) =>
  new AppError('NOT_FOUND', 'Party not found', [{ path: ['body', 'ids', i], message: 'Not found', code: 'not_found' }]);

/** The owner or backup named by the action is a user of the organisation: else 400 on the action's field, once. */
async function checkUser(deps: Deps, ctx: RequestContext, a: BulkPartyAction): Promise<void> {
  const [field, id] =
    a.kind === 'assign_owner'
      ? ['ownerId', a.ownerId]
      : a.kind === 'assign_backup'
        ? ['backupOwnerId', a.backupOwnerId]
        : [];
  if (!field || !id) {
    return;
  }
  const user = await usersRepository.findById(deps.db, ctx.actor.orgId, id);
  if (!user?.active) {
    const message = 'No such active user';
    throw validation(message, [{ path: ['body', 'action', field], message, code: 'unknown_reference' }]);
  }
}

export function bulkActionsService(deps: Deps) {
  const svc: Services = { parties: partiesService(deps), roles: partyRolesService(deps) };
  return {
    /**
     * Applies one action to each party in turn; a row refused on its own (an illegal stage move, a party you may read
     * but not change, a version moved meanwhile) is reported with its error and the rest go on.
     */
    async run(ctx: RequestContext, body: BulkPartiesBody): Promise<BulkPartiesOutcome> {
      await checkUser(deps, ctx, body.action);
      // Every party first: one you may not see fails the whole request as a 404 naming it, before any change.
      const parties: Party[] = [];
      for (const [i, id] of body.ids.entries()) {
        const party = await svc.parties.get(ctx, id).catch((err: unknown) => {
          throw err instanceof AppError && err.code === 'NOT_FOUND' ? hidden(i) : err;
        });
        if (party.access !== 'full' || party.deletedAt) {
          throw hidden(i);
        }
        parties.push(party);
      }
      const results: BulkPartyResult[] = [];
      for (const party of parties) {
        try {
          results.push({ id: party.id, status: await applyOne(svc, ctx, party, body.action), error: null });
        } catch (err) {
          if (!(err instanceof AppError)) {
            throw err;
          }
          results.push({ id: party.id, status: 'failed', error: { code: err.code, message: err.message } });
        }
      }
      const count = (s: BulkPartyResult['status']) => results.filter((r) => r.status === s).length;
      return { changed: count('changed'), unchanged: count('unchanged'), failed: count('failed'), results };
    },
  };
}
