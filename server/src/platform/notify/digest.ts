import type { Deps } from '../deps.ts';
import { usersRepository } from '../identity/users.repository.ts';
import { notificationsRepository as repo } from './notify.repository.ts';
import { actorOfUser } from './notify.service.ts';
import type { NotificationKind } from './notify.types.ts';

/** The daily digest job: 00:30 UTC (08:30 in China); the day it claims is the UTC date of the run. */
export const DIGEST_JOB = 'platform-notification-digest';
export const DIGEST_CRON = '30 0 * * *';
const BATCH = 100;

type Lang = 'en' | 'zh';
const kindLabels: Record<NotificationKind, Record<Lang, string>> = {
  task_assigned: { en: 'tasks assigned to you', zh: '分配给你的任务' },
  task_due: { en: 'tasks due', zh: '到期任务' },
  case_assigned: { en: 'cases assigned to you', zh: '分配给你的工单' },
  case_breached: { en: 'cases past their SLA', zh: '超出 SLA 的工单' },
  customer_alert: { en: 'alerts on your customers', zh: '你的客户的预警' },
  mention: { en: 'mentions in notes', zh: '备注中提到你' },
  grievance_reply: { en: 'replies to your grievance', zh: '你的申诉有新回复' },
};

/**
 * The digest's text: counts per kind only, never a record's name or title, so a mailbox (forwarded, shared, read on
 * another device) learns nothing a signed-in reader would have to be allowed to see; the link opens the app.
 */
export function digestMessage(lang: Lang, counts: Map<NotificationKind, number>, link: string | null) {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const lines = [...counts].map(([k, n]) => `- ${kindLabels[k][lang]}: ${n}`);
  if (lang === 'zh') {
    return {
      subject: `Tandem：${total} 条未读通知`,
      text: ['你有未读通知：', ...lines, '', link ? `打开 Tandem：${link}` : '请登录 Tandem 查看。'].join('\n'),
    };
  }
  return {
    subject: `Tandem: ${total} unread notification${total === 1 ? '' : 's'}`,
    text: [
      'You have unread notifications:',
      ...lines,
      '',
      link ? `Open Tandem: ${link}` : 'Sign in to Tandem to see them.',
    ].join('\n'),
  };
}

/**
 * Sends today's digests: each user who turned the digest on and has unread notifications newer than their last
 * digest gets one mail through the outbox, claimed and queued in one transaction (exactly once per user and day,
 * whichever server runs the job). Nothing happens without mail. Returns how many mails were queued.
 */
export async function sendDigests(deps: Deps, now = new Date()): Promise<number> {
  if (!deps.mail.configured) {
    return 0;
  }
  const day = now.toISOString().slice(0, 10);
  const link = deps.publicUrl ? new URL('/', deps.publicUrl).toString() : null;
  let queued = 0;
  for (;;) {
    const claimed = await deps.db.transaction().execute(async (trx) => {
      const rows = await repo.claimDigests(trx, day, now, BATCH);
      for (const c of rows) {
        const user = await usersRepository.findById(trx, c.org_id, c.user_id);
        const items = user ? await repo.digestItems(trx, c.org_id, c.user_id, c.since, now, 1000) : [];
        const ok = user
          ? await deps.notifications.visible(
              trx,
              actorOfUser(user),
              items.map((i) => ({ type: i.record_type, id: i.record_id })),
            )
          : new Set<string>();
        const counts = new Map<NotificationKind, number>();
        for (const i of items.filter((x) => ok.has(`${x.record_type}:${x.record_id}`))) {
          const kind = i.kind as NotificationKind;
          counts.set(kind, (counts.get(kind) ?? 0) + 1);
        }
        if (counts.size) {
          const m = digestMessage(c.locale === 'zh-CN' ? 'zh' : 'en', counts, link);
          await deps.mail.enqueue(trx, c.org_id, { to: c.email, ...m, purpose: 'notification-digest' });
          queued++;
        }
      }
      return rows.length;
    });
    if (claimed < BATCH) {
      break;
    }
  }
  if (queued) {
    deps.mail.kick();
  }
  return queued;
}
