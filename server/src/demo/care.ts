import nodemailer from 'nodemailer';
import type { RequestContext } from '../platform/auth/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { mailRepository } from '../platform/mail/mail.repository.ts';
import { createMailer, type Mailer } from '../platform/mail/mailer.ts';
import {
  campaignSendService,
  campaignsService,
  careRulesService,
  createCampaignSchema,
  createCareRuleSchema,
  createPostSchema,
  mentionInputSchema,
  mentionsService,
  postsService,
  recordConsent,
} from '../modules/care/index.ts';

// The demo organisation's care and outreach (docs/care.md): three care rules, two campaigns (one sent, with its
// results; one draft), a few mentions and a post plan (none commercial: the guard's 10 % cap would refuse one).
// Fixed content and dates relative to today, through the care services; a handful of writes, so the demo stays fast.

const DAY_MS = 86_400_000;
const at = (days: number, hour = 10) =>
  new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS + days * DAY_MS + hour * 3_600_000).toISOString();

async function seedRules(deps: Deps, ctx: RequestContext) {
  const rules = careRulesService(deps);
  for (const input of [
    {
      name: '生日关怀 Birthday care',
      kind: 'birthday',
      leadDays: 3,
      titleZh: '{{name}} {{date}} 生日，送上祝福',
      titleEn: 'Birthday of {{name}} on {{date}}: send wishes',
    },
    {
      name: '售后回访 Post-sale visit',
      kind: 'purchase',
      params: { days: 7, category: '茶具 Teaware' },
      titleZh: '回访 {{name}}：{{products}} 使用情况',
      titleEn: 'Follow up {{name}} on {{products}}',
    },
    {
      name: '定期拜访 Revisit',
      kind: 'revisit',
      params: { days: 90 },
      leadDays: 7,
      titleZh: '距上次拜访 {{name}} 已 {{days}} 天',
      titleEn: '{{days}} days since the last visit to {{name}}',
    },
  ]) {
    await rules.create(ctx, createCareRuleSchema.parse(input));
  }
}

/** One campaign sent to the first customers (consent recorded first; mail captured, never delivered), one draft. */
async function seedCampaigns(deps: Deps, ctx: RequestContext, customerIds: string[]) {
  const audience = customerIds.slice(0, 8);
  await deps.db.transaction().execute(async (trx) => {
    for (const id of audience.slice(0, 6)) {
      await recordConsent(trx, ctx, ctx.actor.orgId, id, {
        consents: [{ channel: 'email', status: 'granted' }],
        source: 'form',
        note: 'Demo',
      });
    }
  });
  const campaigns = campaignsService(deps);
  const base = {
    commercial: false,
    audience: { partyIds: audience },
    bodyZh: '{{name}}，您好：感谢一直以来的支持。',
    bodyEn: 'Dear {{name}}, thank you for staying with us.',
  };
  const sent = await campaigns.create(
    ctx,
    createCampaignSchema.parse({
      ...base,
      name: '中秋问候 Mid-Autumn greetings',
      kind: 'care',
      subjectZh: '中秋快乐',
      subjectEn: 'Happy Mid-Autumn',
    }),
  );
  // The demo's messages are marked sent as they are queued (only the demo organisation's own outbox rows, in the
  // send's transaction): the results show, and no real mail ever leaves, whatever mail server is set up later.
  const real = createMailer(deps.db, deps.log, deps.jobs, {
    transport: nodemailer.createTransport({ jsonTransport: true }),
  });
  const mail: Mailer = {
    ...real,
    async enqueueMany(trx, orgId, messages) {
      const ids = await real.enqueueMany(trx, orgId, messages);
      for (const [i, id] of ids.entries()) {
        if (id) {
          await mailRepository.markSent(trx, orgId, id, messages[i]?.purpose ?? 'campaign');
        }
      }
      return ids;
    },
  };
  await campaignSendService({ ...deps, mail }).send(ctx, sent.id, {});
  await campaigns.create(
    ctx,
    createCampaignSchema.parse({
      ...base,
      name: '新茶上市 New season tea',
      kind: 'newsletter',
      subjectZh: '新茶上市',
      subjectEn: 'The new season’s tea is in',
    }),
  );
}

async function seedListening(deps: Deps, ctx: RequestContext) {
  const mentions = mentionsService(deps);
  for (const [days, channel, author, text] of [
    [-6, 'weibo', '茶友小林', '龙井茶礼盒包装很精致，送礼很有面子！'],
    [-4, 'xiaohongshu', 'Mia', 'Lovely tea set, fast delivery and friendly service.'],
    [-2, 'forum', 'TeaFan', 'The membership renewal took far too long, disappointed.'],
    [-1, 'weibo', '老茶客', '客服回复很慢，体验一般。'],
  ] as const) {
    await mentions.create(ctx, mentionInputSchema.parse({ channel, author, text, postedAt: at(days) }));
  }
  const posts = postsService(deps);
  for (const [days, channel, commercial, text] of [
    [2, 'wechat', false, '中秋茶礼指南 A Mid-Autumn tea gift guide'],
    [5, 'weibo', false, '如何冲泡龙井 How to brew Longjing'],
    [9, 'xiaohongshu', false, '会员故事 A member’s story'],
  ] as const) {
    await posts.create(
      ctx,
      createPostSchema.parse({ channel, ownerId: ctx.actor.userId, scheduledAt: at(days), commercial, text }),
    );
  }
}

/** Care rules, campaigns, mentions and posts of the demo organisation. */
export async function seedDemoCare(deps: Deps, ctx: RequestContext, customerIds: string[]): Promise<void> {
  await seedRules(deps, ctx);
  await seedCampaigns(deps, ctx, customerIds);
  await seedListening(deps, ctx);
}
