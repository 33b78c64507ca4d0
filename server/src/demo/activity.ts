import type { RequestContext } from '../platform/auth/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { commerceService, createProductSchema, createTransactionSchema } from '../modules/commerce/index.ts';
import { casesService, createCaseSchema, replyInputSchema, resolveInputSchema } from '../modules/cases/index.ts';

const day = 86_400_000;
const at = (days: number, hour = 10) =>
  new Date(Math.floor(Date.now() / day) * day + days * day + hour * 3_600_000).toISOString();

/**
 * Something in every built module for a first look: a small catalogue with purchases by the demo
 * customers, and service cases (an open complaint, a resolved one with its root cause, an inquiry).
 */
export async function seedDemoActivity(
  deps: Deps,
  ctx: RequestContext,
  customers: { id: string; ownerId: string }[],
): Promise<void> {
  const commerce = commerceService(deps);
  const products = [];
  for (const p of [
    { name: '龙井茶礼盒 Longjing gift box', sku: 'TEA-LJ-01', category: '茶叶 Tea', price: 368, currency: 'CNY' },
    { name: '紫砂茶具 Yixing tea set', sku: 'SET-ZS-02', category: '茶具 Teaware', price: 1280, currency: 'CNY' },
    { name: '会员年卡 Annual membership', sku: 'MEM-Y-03', category: '服务 Services', price: 999, currency: 'CNY' },
  ]) {
    products.push(await commerce.createProduct(ctx, createProductSchema.parse(p)));
  }
  for (const [i, c] of customers.entries()) {
    // Regular buyers first; the last customers bought once, long ago.
    const purchases = Math.max(1, 5 - i);
    for (let k = 0; k < purchases; k++) {
      const product = products[(i + k) % products.length];
      if (!product) {
        continue;
      }
      await commerce.createTransaction(
        ctx,
        createTransactionSchema.parse({
          partyId: c.id,
          occurredAt: at(-(k * 45 + i * 20 + 3), 14),
          currency: 'CNY',
          channel: k % 2 ? 'online' : 'store',
          lines: [{ productId: product.id, quantity: 1 + ((i + k) % 3) }],
        }),
      );
    }
  }

  const service = casesService(deps);
  const [first, second, third] = customers;
  if (first) {
    await service.create(
      ctx,
      createCaseSchema.parse({
        type: 'complaint',
        partyId: first.id,
        subject: '礼盒破损 Gift box arrived damaged',
        description: '客户收到的礼盒外包装破损，要求换货。',
        channel: 'phone',
        priority: 'high',
        assigneeId: first.ownerId,
      }),
    );
  }
  if (second) {
    const resolved = await service.create(
      ctx,
      createCaseSchema.parse({
        type: 'complaint',
        partyId: second.id,
        subject: '发票抬头错误 Wrong invoice title',
        channel: 'email',
        priority: 'normal',
        assigneeId: second.ownerId,
      }),
    );
    await service.reply(
      ctx,
      resolved.id,
      replyInputSchema.parse({ body: '您好，我们已重新开具发票，今天寄出。', visibility: 'public' }),
    );
    await service.resolve(
      ctx,
      resolved.id,
      resolveInputSchema.parse({
        rootCause: 'company_error',
        rootCauseDetail: '开票信息录入错误',
        remedy: 'both',
        remedyDetail: '重开发票并赠送茶样',
        remedyCost: 60,
      }),
    );
  }
  if (third) {
    await service.create(
      ctx,
      createCaseSchema.parse({
        type: 'inquiry',
        partyId: third.id,
        subject: '企业团购价格 Corporate bulk pricing',
        channel: 'wechat',
        priority: 'low',
        assigneeId: third.ownerId,
      }),
    );
  }
}
