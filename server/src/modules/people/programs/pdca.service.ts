import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Deps } from '../../../platform/deps.ts';
import { conflict, forbidden, notFound, validation, versionConflict } from '../../../platform/errors.ts';
import type { Page } from '../../../platform/http/common.schema.ts';
import { pdcaStatuses } from '../constants.ts';
import type { PdcaMeasure } from '../people.tables.ts';
import { programsRepository } from './programs.repository.ts';
import type { CreatePdca, ListPdcaQuery, PatchPdca, Pdca } from './programs.schema.ts';

type Row = NonNullable<Awaited<ReturnType<typeof programsRepository.findPdca>>>;
type Status = (typeof pdcaStatuses)[number];

/** Measures written before they had targets were plain strings. */
const measureOf = (m: PdcaMeasure | string): PdcaMeasure => (typeof m === 'string' ? { text: m } : m);

export const toPdca = (r: Row): Pdca => ({
  id: r.id,
  title: r.title,
  orgUnitId: r.org_unit_id,
  ownerPartyId: r.owner_party_id,
  ownerName: r.owner_name ?? null,
  goal: r.goal,
  measures: (r.measures as (PdcaMeasure | string)[]).map(measureOf),
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  status: r.status as Status,
  turn: r.turn,
  notes: r.notes,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
});

/**
 * The next status of a PDCA cycle (docs/metrics.md "PDCA turn"): one step forward, plan → do → check → act →
 * closed; from act back to plan starts the next turn. Staying put is no move. Returns the turn to record.
 */
export function pdcaMove(from: Status, to: Status, turn: number): number {
  if (from === to) {
    return turn;
  }
  if (from === 'act' && to === 'plan') {
    return turn + 1;
  }
  if (pdcaStatuses.indexOf(to) === pdcaStatuses.indexOf(from) + 1) {
    return turn;
  }
  throw conflict(`A PDCA cycle moves from ${from} to the next step only (act may loop back to plan)`, {
    code: 'PDCA_ILLEGAL_MOVE',
    from,
    to,
  });
}

const field = (name: string, message: string, code = 'invalid') => [{ path: ['body', name], message, code }];

async function checkOwner(db: Db, orgId: string, partyId: string | undefined) {
  if (partyId && !(await programsRepository.liveParties(db, orgId, [partyId])).has(partyId)) {
    throw validation('The owner is not a person of this organisation', field('ownerPartyId', 'Unknown party'));
  }
}

function checkDates(startsOn: string, endsOn: string | null | undefined) {
  if (endsOn && endsOn < startsOn) {
    throw validation('endsOn comes on or after startsOn', field('endsOn', 'Before startsOn', 'too_small'));
  }
}

/** PDCA cycles ([S1]'s improvement loop): units' managers run theirs; HR and admin all; executives read. */
export function pdcaService(deps: Deps) {
  const { db } = deps;
  return {
    async create(ctx: RequestContext, input: CreatePdca): Promise<Pdca> {
      const orgId = ctx.actor.orgId;
      const unit = input.orgUnitId ?? null;
      if (unit && !(await programsRepository.unitExists(db, orgId, unit))) {
        throw validation('Unknown org unit', field('orgUnitId', 'Unknown org unit'));
      }
      if (!(await programsRepository.unitWritable(db, ctx.actor, unit))) {
        throw forbidden('You may run PDCA cycles only for the units you manage');
      }
      await checkOwner(db, orgId, input.ownerPartyId);
      checkDates(input.startsOn, input.endsOn);
      return db.transaction().execute(async (trx) => {
        const { id } = await programsRepository.insertPdca(trx, {
          org_id: orgId,
          title: input.title,
          org_unit_id: unit,
          owner_party_id: input.ownerPartyId,
          goal: input.goal,
          measures: JSON.stringify(input.measures),
          starts_on: input.startsOn,
          ends_on: input.endsOn ?? null,
          notes: input.notes ?? null,
          created_by: ctx.actor.userId,
        });
        const out = toPdca((await programsRepository.findPdca(trx, ctx.actor, id)) as Row);
        await recordAudit(trx, ctx, { action: 'create', entityType: 'pdca_cycle', entityId: id, after: out });
        return out;
      });
    },

    async get(ctx: RequestContext, id: string): Promise<Pdca> {
      const row = await programsRepository.findPdca(db, ctx.actor, id);
      if (!row) {
        throw notFound('PDCA cycle');
      }
      return toPdca(row);
    },

    async list(ctx: RequestContext, q: ListPdcaQuery): Promise<Page<Pdca>> {
      const page = await programsRepository.listPdca(db, ctx.actor, q);
      return { items: page.items.map(toPdca), nextCursor: page.nextCursor };
    },

    async update(ctx: RequestContext, id: string, input: PatchPdca): Promise<Pdca> {
      const before = await this.get(ctx, id);
      if (!(await programsRepository.findPdca(db, ctx.actor, id, 'write'))) {
        throw forbidden('You may read this PDCA cycle but not change it');
      }
      if (input.version === undefined) {
        throw validation('version is required', field('version', 'Required', 'required'));
      }
      await checkOwner(db, ctx.actor.orgId, input.ownerPartyId);
      checkDates(input.startsOn ?? before.startsOn, input.endsOn === undefined ? before.endsOn : input.endsOn);
      const turn = input.status ? pdcaMove(before.status, input.status, before.turn) : before.turn;
      return db.transaction().execute(async (trx) => {
        const done = await programsRepository.updatePdca(trx, ctx.actor.orgId, id, input.version as number, {
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.ownerPartyId !== undefined ? { owner_party_id: input.ownerPartyId } : {}),
          ...(input.goal !== undefined ? { goal: input.goal } : {}),
          ...(input.measures !== undefined ? { measures: JSON.stringify(input.measures) } : {}),
          ...(input.startsOn !== undefined ? { starts_on: input.startsOn } : {}),
          ...(input.endsOn !== undefined ? { ends_on: input.endsOn } : {}),
          ...(input.notes !== undefined ? { notes: input.notes } : {}),
          ...(input.status !== undefined ? { status: input.status, turn } : {}),
        });
        if (!done) {
          throw versionConflict(before);
        }
        const after = toPdca((await programsRepository.findPdca(trx, ctx.actor, id)) as Row);
        await recordAudit(trx, ctx, { action: 'update', entityType: 'pdca_cycle', entityId: id, before, after });
        return after;
      });
    },
  };
}
