import { requireRole, type RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { conflict, notFound, validation } from '../../../platform/errors.ts';
import { partiesRepository } from '../parties.repository.ts';
import { readableParty, writableParty } from '../parties.service.ts';
import { builtInLinkTypes, builtInLinkTypeKeys, NETWORK_NODE_CAP } from './constants.ts';
import { linksRepository, type LinkRow } from './links.repository.ts';
import type { CreatePartyLink, CreatePartyLinkType, PartyLink, PartyLinkType, PartyNetwork } from './links.schema.ts';

const bad = (field: string, message: string, code: string) =>
  validation(message, [{ path: ['body', field], message, code }]);

/** A hidden party keeps its id (the link exists) but never its name or kind (docs/domain.md "Links between parties"). */
function toLink(r: LinkRow, partyId: string): PartyLink {
  return {
    id: r.id,
    type: r.type,
    role: r.role,
    from: r.valid_from,
    to: r.valid_to,
    direction: r.from_party_id === partyId ? 'out' : 'in',
    other: r.visible
      ? { id: r.other_id, kind: r.other_kind, name: r.other_name, visible: true }
      : { id: r.other_id, kind: null, name: null, visible: false },
    createdAt: r.created_at.toISOString(),
  };
}

const isBuiltIn = (key: string) => (builtInLinkTypeKeys as readonly string[]).includes(key);

export function linksService(deps: Deps) {
  const { db } = deps;

  return {
    async create(ctx: RequestContext, partyId: string, input: CreatePartyLink): Promise<PartyLink> {
      if (input.toPartyId === partyId) {
        throw bad('toPartyId', 'A party cannot be linked to itself', 'self_link');
      }
      if (input.from && input.to && input.to < input.from) {
        throw bad('to', 'The end must be on or after the start', 'to_before_from');
      }
      const orgId = ctx.actor.orgId;
      if (!isBuiltIn(input.type) && !(await linksRepository.customTypeExists(db, orgId, input.type))) {
        throw bad('type', 'No such link type (see /api/party-link-types)', 'unknown_reference');
      }
      const id = await db.transaction().execute(async (trx) => {
        await writableParty(trx, ctx, partyId);
        // The other end must be a party the caller may see: a hidden one is refused like an unknown one.
        await readableParty(trx, ctx, input.toPartyId).catch(() => {
          throw bad('toPartyId', 'No such party', 'unknown_reference');
        });
        const dup = await linksRepository.activeDuplicate(trx, orgId, partyId, input.toPartyId, input.type);
        if (dup) {
          throw conflict('An active link of this type already joins these parties', {
            code: 'LINK_EXISTS',
            linkId: dup,
          });
        }
        const row = await linksRepository.insert(trx, {
          org_id: orgId,
          from_party_id: partyId,
          to_party_id: input.toPartyId,
          type: input.type,
          role: input.role ?? null,
          valid_from: input.from ?? null,
          valid_to: input.to ?? null,
          created_by: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'create',
          entityType: 'party_link',
          entityId: row.id,
          after: { fromPartyId: partyId, ...input },
        });
        return row.id;
      });
      const links = await this.list(ctx, partyId);
      const link = links.items.find((l) => l.id === id);
      if (!link) {
        throw notFound('Link');
      }
      return link;
    },

    async list(ctx: RequestContext, partyId: string): Promise<{ items: PartyLink[] }> {
      await readableParty(db, ctx, partyId);
      const visibility = await partiesRepository.visibility(db, ctx.actor.orgId);
      const rows = await linksRepository.forParty(db, ctx.actor, visibility, partyId);
      return { items: rows.map((r) => toLink(r, partyId)) };
    },

    async remove(ctx: RequestContext, partyId: string, linkId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await writableParty(trx, ctx, partyId);
        const row = await linksRepository.findTouching(trx, ctx.actor.orgId, partyId, linkId);
        if (!row) {
          throw notFound('Link');
        }
        await linksRepository.delete(trx, ctx.actor.orgId, linkId);
        await recordAudit(trx, ctx, {
          action: 'delete',
          entityType: 'party_link',
          entityId: linkId,
          before: { fromPartyId: row.from_party_id, toPartyId: row.to_party_id, type: row.type, role: row.role },
        });
      });
    },
  };
}

/** Link types: the built-in ones and the organisation's own (admin adds). */
export function linkTypesService(deps: Deps) {
  const { db } = deps;
  return {
    async types(ctx: RequestContext): Promise<{ items: PartyLinkType[] }> {
      const custom = await linksRepository.customTypes(db, ctx.actor.orgId);
      return {
        items: [
          ...builtInLinkTypes.map((t) => ({ ...t, builtIn: true })),
          ...custom.map((t) => ({
            key: t.key,
            labelZh: t.label_zh,
            labelEn: t.label_en,
            inverseLabelZh: t.inverse_label_zh,
            inverseLabelEn: t.inverse_label_en,
            builtIn: false,
          })),
        ],
      };
    },

    async createType(ctx: RequestContext, input: CreatePartyLinkType): Promise<PartyLinkType> {
      requireRole(ctx.actor, 'admin');
      if (isBuiltIn(input.key)) {
        throw conflict('A built-in link type has this key', { code: 'LINK_TYPE_EXISTS', key: input.key });
      }
      return db.transaction().execute(async (trx) => {
        const row = await linksRepository.insertType(trx, {
          org_id: ctx.actor.orgId,
          key: input.key,
          label_zh: input.labelZh,
          label_en: input.labelEn,
          inverse_label_zh: input.inverseLabelZh,
          inverse_label_en: input.inverseLabelEn,
        });
        if (!row) {
          throw conflict('A link type has this key', { code: 'LINK_TYPE_EXISTS', key: input.key });
        }
        await recordAudit(trx, ctx, { action: 'create', entityType: 'party_link', entityId: null, after: input });
        return { ...input, builtIn: false };
      });
    },
  };
}

/** The network around a party (docs/domain.md "Links between parties"). */
export function networkService(deps: Deps) {
  const { db } = deps;
  return {
    /**
     * Breadth first from the party, one query per step (depth ≤ 3): each party once, at its shortest distance; cycles
     * end there. At most NETWORK_NODE_CAP nodes, nearest first (`truncated` when more were reachable).
     */
    async network(ctx: RequestContext, partyId: string, depth: number): Promise<PartyNetwork> {
      const start = await readableParty(db, ctx, partyId);
      const visibility = await partiesRepository.visibility(db, ctx.actor.orgId);
      const nodes = new Map<string, PartyNetwork['nodes'][number] & { full: boolean }>();
      nodes.set(start.id, {
        id: start.id,
        kind: start.kind,
        name: start.display_name,
        visible: true,
        depth: 0,
        full: true,
      });
      let frontier = [start.id];
      let truncated = false;
      for (let d = 1; d <= depth && frontier.length && !truncated; d++) {
        const next: string[] = [];
        for (const n of await linksRepository.neighbours(db, ctx.actor, visibility, frontier)) {
          if (nodes.has(n.id)) {
            continue;
          }
          if (nodes.size >= NETWORK_NODE_CAP) {
            truncated = true;
            break;
          }
          nodes.set(n.id, {
            id: n.id,
            kind: n.visible ? n.kind : null,
            name: n.visible ? n.display_name : null,
            visible: n.visible,
            depth: d,
            full: n.full,
          });
          if (n.full) {
            next.push(n.id);
          }
        }
        frontier = next;
      }
      const kept = [...nodes.values()];
      const edges = await linksRepository.edges(
        db,
        ctx.actor.orgId,
        kept.map((n) => n.id),
        kept.filter((n) => n.full).map((n) => n.id),
      );
      return {
        nodes: kept.map(({ full: _full, ...n }) => n),
        edges: edges.map((e) => ({ id: e.id, from: e.from_party_id, to: e.to_party_id, type: e.type })),
        truncated,
      };
    },
  };
}
