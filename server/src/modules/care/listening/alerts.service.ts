import type { Db } from '../../../platform/db/database.ts';
import { notify } from '../../../platform/notify/notify.ts';
import { createSystemTask } from '../../parties/index.ts';
import { segmentAudience } from '../../value/index.ts';
import type { MentionRow, MentionSettingsRow } from '../care.tables.ts';
import { DEFAULT_NEGATIVE_COUNT, DEFAULT_WINDOW_HOURS } from '../constants.ts';
import { mentionsRepository as repo } from './mentions.repository.ts';

const HOUR_MS = 3_600_000;

/** The rule in force: the stored one, else the defaults (shown without being stored until saved). */
export const ruleOf = (s: MentionSettingsRow | undefined) => ({
  negativeCount: s?.negative_count ?? DEFAULT_NEGATIVE_COUNT,
  windowHours: s?.window_hours ?? DEFAULT_WINDOW_HOURS,
  keySegmentId: s?.key_segment_id ?? null,
  assigneeId: s?.assignee_id ?? null,
});

/**
 * Early warning on negative mentions (docs/care.md "Social listening", 危机预警), in the transaction that stored them:
 * - **burst**: N negative mentions posted within the H hours up to a negative mention raise one alert per H-hour
 *   window (UTC, counted from the epoch: key `burst:H:bucket` of that mention's time);
 * - **key account**: a negative mention by a key account (tag `key_account`, or a member of the chosen segment) raises
 *   one alert per party and H-hour window.
 * Each alert key is inserted with `on conflict do nothing`; only the insert that got the row creates the task, so a
 * window alerts exactly once however many mentions, requests or servers arrive at it.
 */
export async function raiseMentionAlerts(
  trx: Db,
  orgId: string,
  settings: MentionSettingsRow | undefined,
  mentions: MentionRow[],
): Promise<number> {
  const rule = ruleOf(settings);
  const negatives = mentions.filter((m) => m.sentiment === 'negative');
  if (!negatives.length) {
    return 0;
  }
  // Counted after the transactions before this one committed (docs/care.md): the lock holds until this one ends.
  await repo.lockNegativeCount(trx, orgId);
  const members = rule.keySegmentId ? ((await segmentAudience(trx, orgId, rule.keySegmentId)) ?? []) : [];
  const windowMs = rule.windowHours * HOUR_MS;
  let raised = 0;
  for (const m of negatives) {
    const bucket = Math.floor(m.posted_at.getTime() / windowMs);
    const n = await repo.negativesIn(trx, orgId, new Date(m.posted_at.getTime() - windowMs), m.posted_at);
    if (n >= rule.negativeCount) {
      const assignee = await repo.assignee(trx, orgId, rule.assigneeId);
      const title = `${n} negative mentions within ${rule.windowHours} h / ${rule.windowHours} 小时内 ${n} 条负面提及`;
      raised += await alertOnce(trx, orgId, {
        kind: 'burst',
        windowKey: `burst:${rule.windowHours}:${bucket}`,
        mention: m,
        partyId: null,
        partyName: null,
        negatives: n,
        assignee,
        title,
      });
    }
    const key = m.party_id ? await repo.keyAccount(trx, orgId, m.party_id, members) : undefined;
    if (key) {
      const owner = key.owner_id ? await repo.activeUser(trx, orgId, key.owner_id) : undefined;
      raised += await alertOnce(trx, orgId, {
        kind: 'key_account',
        windowKey: `key:${key.id}:${rule.windowHours}:${bucket}`,
        mention: m,
        partyId: key.id,
        partyName: key.display_name,
        negatives: n,
        assignee: owner?.id ?? (await repo.assignee(trx, orgId, rule.assigneeId)),
        title: `Negative mention from key account ${key.display_name} / 重点客户负面提及：${key.display_name}`,
      });
    }
  }
  return raised;
}

async function alertOnce(
  trx: Db,
  orgId: string,
  a: {
    kind: 'burst' | 'key_account';
    windowKey: string;
    mention: MentionRow;
    partyId: string | null;
    partyName: string | null;
    negatives: number;
    assignee: string | null;
    title: string;
  },
): Promise<number> {
  const row = await repo.insertAlert(trx, {
    org_id: orgId,
    kind: a.kind,
    window_key: a.windowKey,
    party_id: a.partyId,
    mention_id: a.mention.id,
    negatives: a.negatives,
    assignee_id: a.assignee,
  });
  if (!row) {
    return 0;
  }
  if (a.assignee) {
    const task = await createSystemTask(trx, orgId, {
      kind: 'mention_alert',
      title: a.title,
      partyId: a.partyId,
      notes: `${a.mention.channel} · ${a.mention.author}: ${a.mention.text.slice(0, 500)}${a.mention.url ? `\n${a.mention.url}` : ''}`,
      dueAt: new Date(Date.now() + HOUR_MS * 24),
      assigneeId: a.assignee,
    });
    await repo.setAlertTask(trx, orgId, row.id, task.id);
    // The bell: the key account's owner (or the rule's assignee) hears of it; a burst points at its follow-up task.
    await notify(trx, orgId, {
      userId: a.assignee,
      kind: 'customer_alert',
      recordType: a.partyId ? 'party' : 'task',
      recordId: a.partyId ?? task.id,
      params: { partyName: a.partyName, rule: `mention_${a.kind}` },
      dedupeKey: `mention_alert:${row.id}`,
    });
  }
  return 1;
}
