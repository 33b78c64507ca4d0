import { bulkInsertInteractions, createSystemTask, type CreateInteraction } from '../modules/parties/index.ts';
import type { Customers } from './gen-customers.ts';
import type { GenContext } from './gen-context.ts';
import { businessTime, DAY } from './rng.ts';

const interactionSubjects = {
  zh: ['回访客户', '产品咨询', '新品介绍', '售后跟进', '节日问候', '续约沟通', '投诉处理'],
  en: [
    'Follow-up call',
    'Product question',
    'New product intro',
    'After-sales check',
    'Season greetings',
    'Renewal talk',
    'Complaint handling',
  ],
};
const interactionChannelsUsed = ['phone', 'wechat', 'visit', 'email', 'meeting'] as const;

/** Interactions around each customer's life: more for customers who buy more; by their owner. */
export async function generateInteractions(g: GenContext, c: Customers, counts: Uint32Array): Promise<number> {
  const { rng, asOf } = g;
  const t4 = performance.now();
  let interactions = 0;
  let ibuf: CreateInteraction[] = [];
  const iflush = async () => {
    if (!ibuf.length) {
      return;
    }
    const rows = ibuf;
    ibuf = [];
    await g.db.transaction().execute((trx) => bulkInsertInteractions(trx, g.who, rows));
    interactions += rows.length;
    g.progress('interactions', interactions, interactions, t4);
  };
  for (let i = 0; i < c.N; i++) {
    const n = rng.poisson(0.3 + Math.min(3, (counts[i] as number) / 10));
    const a = c.acquired[i] as number;
    for (let j = 0; j < n; j++) {
      const zh = c.zhOf[i] === 1;
      ibuf.push({
        partyId: c.ids[i] as string,
        channel: rng.pick(interactionChannelsUsed),
        direction: rng.next() < 0.7 ? 'outbound' : 'inbound',
        occurredAt: new Date(businessTime(rng, a + rng.next() * Math.max(DAY, asOf - DAY - a))).toISOString(),
        subject: rng.pick(zh ? interactionSubjects.zh : interactionSubjects.en),
        sentiment: rng.pick(['positive', 'neutral', 'neutral', 'negative'] as const),
        userId: c.order[c.ownerOf[i] as number] ?? null,
      });
      if (ibuf.length >= g.partyBatch) {
        await iflush();
      }
    }
  }
  await iflush();
  return interactions;
}

/**
 * Follow-up tasks for the owners of customers who bought often but stopped in the last half year.
 * Created by the system, like every other generated record.
 */
export async function generateTasks(g: GenContext, c: Customers, counts: Uint32Array): Promise<number> {
  const { rng, asOf } = g;
  const t5 = performance.now();
  const quiet: number[] = [];
  for (let i = 0; i < c.N && quiet.length < Math.min(500, Math.ceil(c.N / 50)); i++) {
    const end = c.ends[i] as number;
    if ((counts[i] as number) >= 3 && end < asOf - 60 * DAY && end > asOf - 240 * DAY) {
      quiet.push(i);
    }
  }
  await g.db.transaction().execute(async (trx) => {
    for (const i of quiet) {
      const zh = c.zhOf[i] === 1;
      await createSystemTask(trx, g.orgId, {
        partyId: c.ids[i] as string,
        kind: rng.pick(['call_back', 'follow_up_visit', 'review'] as const),
        title: zh ? '老客户近期没有购买，电话回访' : 'Regular customer stopped buying: call back',
        notes: null,
        dueAt: new Date(asOf + (1 + rng.int(14)) * DAY),
        assigneeId: c.order[c.ownerOf[i] as number] as string,
      });
    }
  });
  g.progress('tasks', quiet.length, quiet.length, t5);
  return quiet.length;
}
