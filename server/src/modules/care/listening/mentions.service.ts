import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit, systemWho, type Who } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound, validation } from '../../../platform/errors.ts';
import type { Page } from '../../../platform/http/common.schema.ts';
import { canSeeFull, customerVisibility, readableParty } from '../../parties/index.ts';
import type { MentionAlertRow, MentionRow } from '../care.tables.ts';
import { publicLimits } from '../public-limits.ts';
import { raiseMentionAlerts } from './alerts.service.ts';
import { readMentionsCsv } from './csv.ts';
import { tokenMatches, tokenOrg } from '../inbound-token.ts';
import { mentionsRepository as repo } from './mentions.repository.ts';
import type { Mention, MentionAlert, MentionInput, MentionsQuery } from './mentions.schema.ts';
import { scoreSentiment } from './sentiment.ts';

const toMention = (r: MentionRow & { party_name?: string | null }): Mention => ({
  id: r.id,
  channel: r.channel,
  author: r.author,
  text: r.text,
  url: r.url,
  postedAt: r.posted_at.toISOString(),
  sentiment: r.sentiment,
  sentimentSource: r.sentiment_source,
  score: r.score,
  partyId: r.party_id,
  partyName: r.party_name ?? null,
  source: r.source,
  createdAt: r.created_at.toISOString(),
});

const toAlert = (r: MentionAlertRow & { party_name: string | null; assignee_name: string | null }): MentionAlert => ({
  id: r.id,
  kind: r.kind,
  windowKey: r.window_key,
  partyId: r.party_id,
  partyName: r.party_name,
  mentionId: r.mention_id,
  negatives: r.negatives,
  taskId: r.task_id,
  assigneeId: r.assignee_id,
  assigneeName: r.assignee_name,
  createdAt: r.created_at.toISOString(),
});

/** Stores mentions (sentiment from the source, else the lexicon) and raises their alerts, in one transaction. */
export async function storeMentions(
  trx: Db,
  who: Who,
  orgId: string,
  inputs: MentionInput[],
  meta: { source: 'api' | 'inbound' | 'csv'; createdBy: string | null },
): Promise<{ rows: MentionRow[]; alerts: number }> {
  const rows = await repo.insert(
    trx,
    inputs.map((m) => {
      const scored = m.sentiment ? null : scoreSentiment(m.text);
      return {
        org_id: orgId,
        channel: m.channel,
        author: m.author,
        text: m.text,
        url: m.url ?? null,
        posted_at: new Date(m.postedAt),
        sentiment: m.sentiment ?? scored?.sentiment ?? 'neutral',
        sentiment_source: m.sentiment ? ('source' as const) : ('lexicon' as const),
        score: scored?.score ?? 0,
        party_id: m.partyId ?? null,
        source: meta.source,
        created_by: meta.createdBy,
      };
    }),
  );
  const alerts = await raiseMentionAlerts(trx, orgId, await repo.settings(trx, orgId), rows);
  await recordAudit(trx, who, {
    action: 'create',
    entityType: 'care_mention',
    entityId: rows[0]?.id ?? null,
    after: { count: rows.length, source: meta.source, alerts },
  });
  return { rows, alerts };
}

/** Mentions through the API, the inbound endpoint and CSV; the inbox and its alerts (docs/care.md). */
export function mentionsService(deps: Deps) {
  const { db } = deps;
  const limits = publicLimits('care_mentions');
  const visible = async (ctx: RequestContext) =>
    canSeeFull(ctx.actor, await customerVisibility(db, ctx.actor.orgId), 'read');

  return {
    async create(ctx: RequestContext, input: MentionInput): Promise<Mention> {
      return db.transaction().execute(async (trx) => {
        const party = input.partyId
          ? await readableParty(trx, ctx, input.partyId).catch(() => {
              throw validation('No such party', [
                { path: ['body', 'partyId'], message: 'No such party', code: 'unknown_reference' },
              ]);
            })
          : null;
        const { rows } = await storeMentions(trx, ctx, ctx.actor.orgId, [input], {
          source: 'api',
          createdBy: ctx.actor.userId,
        });
        return toMention({ ...(rows[0] as MentionRow), party_name: party?.display_name ?? null });
      });
    },

    /** The webhook: the organisation's token (hashed at rest, compared in constant time); 404 for any bad token. */
    async inbound(token: string | undefined, input: MentionInput, ip: string): Promise<{ id: string }> {
      await limits.throttle(ip);
      const orgId = token ? tokenOrg(token) : null;
      const settings = orgId ? await repo.settings(db, orgId) : undefined;
      if (!token || !orgId || !tokenMatches(token, settings?.token_hash ?? null)) {
        await limits.failed(ip);
        throw notFound('Inbound endpoint');
      }
      // The sender names no party: a party id would let the token holder probe which ids exist.
      const { rows } = await db.transaction().execute((trx) =>
        storeMentions(trx, systemWho(orgId), orgId, [{ ...input, partyId: null }], {
          source: 'inbound',
          createdBy: null,
        }),
      );
      return { id: (rows[0] as MentionRow).id };
    },

    /** All rows or none: every bad row is reported with its line, and nothing is written. */
    async importCsv(ctx: RequestContext, csv: string) {
      const { rows, errors } = readMentionsCsv(csv);
      if (errors.length) {
        throw validation(
          'The file has errors; nothing was imported',
          errors.map((e) => ({
            path: ['body', 'csv', e.line, ...(e.field ? [e.field] : [])],
            message: `Line ${e.line}${e.field ? ` (${e.field})` : ''}: ${e.message}`,
            code: 'csv_row',
          })),
        );
      }
      const out = await db
        .transaction()
        .execute((trx) =>
          storeMentions(trx, ctx, ctx.actor.orgId, rows, { source: 'csv', createdBy: ctx.actor.userId }),
        );
      return {
        imported: out.rows.length,
        negative: out.rows.filter((r) => r.sentiment === 'negative').length,
        alerts: out.alerts,
      };
    },

    async list(ctx: RequestContext, q: MentionsQuery): Promise<Page<Mention>> {
      const page = await repo.list(db, ctx.actor.orgId, await visible(ctx), q);
      return { items: page.items.map(toMention), nextCursor: page.nextCursor };
    },

    async alerts(ctx: RequestContext, q: { limit: number; cursor?: string | undefined }): Promise<Page<MentionAlert>> {
      const page = await repo.alerts(db, ctx.actor.orgId, await visible(ctx), q);
      return { items: page.items.map(toAlert), nextCursor: page.nextCursor };
    },
  };
}
