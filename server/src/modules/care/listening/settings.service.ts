import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { validation, versionConflict } from '../../../platform/errors.ts';
import { isActiveSegment } from '../../value/index.ts';
import type { MentionSettingsRow } from '../care.tables.ts';
import { ruleOf } from './alerts.service.ts';
import { newInboundToken } from '../inbound-token.ts';
import { mentionsRepository as repo } from './mentions.repository.ts';
import type { MentionSettings, PutMentionSettings } from './mentions.schema.ts';

const toSettings = (s: MentionSettingsRow | undefined): MentionSettings => ({
  ...ruleOf(s),
  tokenSet: Boolean(s?.token_hash),
  tokenCreatedAt: s?.token_created_at?.toISOString() ?? null,
  version: s?.version ?? null,
});

/** The alert rule and the inbound token (admins; the rule also marketing). */
export function mentionSettingsService(deps: Deps) {
  const { db } = deps;
  const bad = (field: string, message: string) =>
    validation(message, [{ path: ['body', field], message, code: 'unknown_reference' }]);

  return {
    async get(ctx: RequestContext): Promise<MentionSettings> {
      return toSettings(await repo.settings(db, ctx.actor.orgId));
    },

    async put(ctx: RequestContext, input: PutMentionSettings): Promise<MentionSettings> {
      const orgId = ctx.actor.orgId;
      if (input.keySegmentId && !(await isActiveSegment(db, orgId, input.keySegmentId))) {
        throw bad('keySegmentId', 'Unknown or archived segment');
      }
      if (input.assigneeId && !(await repo.activeUser(db, orgId, input.assigneeId))) {
        throw bad('assigneeId', 'No such active user');
      }
      return db.transaction().execute(async (trx) => {
        const before = await repo.settings(trx, orgId);
        const row = await repo.saveSettings(
          trx,
          orgId,
          before && input.version === null ? -1 : (input.version ?? null),
          {
            negative_count: input.negativeCount,
            window_hours: input.windowHours,
            key_segment_id: input.keySegmentId,
            assignee_id: input.assigneeId,
          },
        );
        if (!row) {
          throw versionConflict(toSettings(await repo.settings(trx, orgId)));
        }
        const out = toSettings(row);
        await recordAudit(trx, ctx, {
          action: 'update',
          entityType: 'care_mention_settings',
          entityId: null,
          before: before ? toSettings(before) : null,
          after: out,
        });
        return out;
      });
    },

    /** A new token (shown once); the old one stops working at once. */
    async rotateToken(ctx: RequestContext): Promise<{ token: string; createdAt: string }> {
      const orgId = ctx.actor.orgId;
      const { token, hash } = newInboundToken(orgId);
      return db.transaction().execute(async (trx) => {
        const row = await repo.setToken(trx, orgId, hash, ctx.actor.userId);
        await recordAudit(trx, ctx, {
          action: 'care_mention.token',
          entityType: 'care_mention_settings',
          entityId: null,
        });
        return { token, createdAt: (row.token_created_at ?? new Date()).toISOString() };
      });
    },
  };
}
