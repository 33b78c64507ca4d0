import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall as sharedApiCall, atHome, submitSignIn } from './support/page.ts';
import { launchBrowser, screenshot, type BrowserSession } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { readableMail, startSmtpSink, type SmtpSink } from './support/smtp.ts';

// Care: a campaign to a segment shows who would get it and why the others would not, goes out through the local
// SMTP sink, and its unsubscribe link works on a phone without signing in, in both languages; the opt-out is on the
// party's timeline. A birthday rule's preview lists the customer whose birthday comes next week.

let server: RunningServer;
let sink: SmtpSink;
let browser: BrowserSession;
let page: Page;
const stamp = Date.now().toString(36);
const tag = `care${stamp}`;
const DAY = 86_400_000;
const testId = (id: string) => page.getByTestId(id);
const apiCall = (method: string, p: string, body?: unknown) => sharedApiCall(page, method, p, body);
const openOption = (text: string) =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text });

const ann = { name: `Ann Lee ${stamp}`, email: `ann.${stamp}@example.com`, id: '' };
const lei = { name: `李雷 ${stamp}`, email: `lei.${stamp}@example.com`, id: '' };
const bo = { name: `Bo Park ${stamp}`, email: `bo.${stamp}@example.com`, id: '' };
const segment = `Care readers ${stamp}`;

async function customer(c: { name: string; email: string; id: string }, locale: string, consent: boolean) {
  const res = await apiCall('POST', '/api/parties', {
    kind: 'person',
    displayName: c.name,
    emails: [c.email],
    locale,
    tags: [tag],
    roles: [{ role: 'customer' }],
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  c.id = (res.json as { id: string }).id;
  if (consent) {
    const put = await apiCall('PUT', `/api/parties/${c.id}/consent`, {
      consents: [{ channel: 'email', status: 'granted' }],
      source: 'form',
    });
    expect(put.status, JSON.stringify(put.json)).toBe(200);
  }
}

describe('care', () => {
  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startServer({ env: (url) => ({ TANDEM_SMTP_URL: sink.url, TANDEM_PUBLIC_URL: url }) });
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(`${server.url}/sign-in`);
    await submitSignIn(page);
    await page.waitForURL(atHome);
    await customer(ann, 'en', true);
    await customer(lei, 'zh-CN', true);
    await customer(bo, 'en', false);
    const seg = await apiCall('POST', '/api/segments', {
      name: segment,
      rule: { field: 'tags', op: 'any', value: [tag] },
    });
    expect(seg.status, JSON.stringify(seg.json)).toBe(201);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await sink?.stop();
  });

  it('builds a campaign to a segment, shows the consent breakdown and the gauge, and sends it', async () => {
    await page.goto(`${server.url}/care/campaigns`);
    await testId('campaign-create').click();
    await testId('campaign-name').fill(`Spring news ${stamp}`);
    await testId('campaign-segment').click();
    await openOption(segment).click();
    await testId('campaign-subject-zh').fill('{{name}}，春季资讯');
    await testId('campaign-body-zh').fill('亲爱的{{name}}：新品上市。');
    await testId('campaign-subject-en').fill('Spring news for {{name}}');
    await testId('campaign-body-en').fill('Dear {{name}}, our spring range is here.');
    // The bilingual preview for a sample recipient, the unsubscribe line added as the server adds it.
    await expect.poll(() => testId('campaign-preview-en').textContent()).toContain('Spring news for Wang Fang');
    expect(await testId('campaign-preview-zh-CN').textContent()).toContain('退订');
    await testId('campaign-save').click();
    await page.waitForURL(/\/care\/campaigns\/[0-9a-f-]{36}$/);
    // Three in the segment: Ann and Lei consented; Bo never did.
    await expect.poll(() => testId('audience-summary').textContent()).toContain('2 of 3');
    expect(await testId('audience-noConsent').textContent()).toContain('1');
    await expect.poll(() => testId('ratio-figures').textContent()).toContain('cap 10%');
    await testId('ratio-gauge').waitFor();
    await screenshot(page, 'care-01-campaign-breakdown');
    await testId('campaign-send').click();
    await testId('campaign-send-confirm').click();
    await testId('campaign-results').waitFor();
    expect(await testId('count-skipped_no_consent').textContent()).toContain('1');
    await expect.poll(() => sink.messages.length, { timeout: 30_000 }).toBe(2);
    await screenshot(page, 'care-02-campaign-results');
  });

  it('unsubscribes from the mail’s link on a phone, without signing in, in both languages', async () => {
    const mail = sink.messages.find((m) => m.to.includes(ann.email));
    expect(mail).toBeDefined();
    const text = readableMail(mail?.raw ?? '');
    expect(text).toMatch(/List-Unsubscribe: <http:\/\/127\.0\.0\.1:\d+\/api\/public\/unsubscribe\?token=/);
    const link = /(http:\/\/127\.0\.0\.1:\d+\/unsubscribe\?token=[\w.-]+)/.exec(text)?.[1] ?? '';
    expect(link).not.toBe('');
    const stranger = await launchBrowser();
    try {
      const phone = stranger.page;
      await phone.setViewportSize({ width: 375, height: 667 });
      await phone.goto(link);
      const what = phone.getByTestId('unsubscribe-what');
      await expect.poll(() => what.textContent()).toContain(`a…@example.com`);
      // The page fits the phone: no sideways scrolling.
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await phone.getByTestId('unsubscribe-language').getByText('中文').click();
      await expect.poll(() => what.textContent()).toContain('将不再向');
      await screenshot(phone, 'care-03-unsubscribe-phone-zh');
      await phone.getByTestId('unsubscribe-language').getByText('English').click();
      await phone.getByTestId('unsubscribe-button').click();
      await phone.getByTestId('unsubscribe-done').waitFor();
      await screenshot(phone, 'care-04-unsubscribed-phone');
      // ?lang wins over the recipient's language.
      await phone.goto(`${link}&lang=zh`);
      await expect.poll(() => phone.getByTestId('unsubscribe-done').textContent()).toContain('您已退订');
    } finally {
      await stranger.close();
    }
    await page.goto(`${server.url}/parties/${ann.id}`);
    await expect.poll(() => page.getByTestId('timeline-consent').first().textContent()).toContain('Consent withdrawn');
    await expect.poll(() => testId('consent-status-email').textContent()).toContain('Withdrawn');
    await screenshot(page, 'care-05-party-timeline-opt-out');
  });

  it("lists the customer whose birthday comes next week in a rule's preview", async () => {
    const soon = new Date(Date.now() + 3 * DAY).toISOString().slice(5, 10);
    const born = `1985-${soon}`.replace('1985-02-29', '1985-02-28');
    const res = await apiCall('POST', '/api/parties', {
      kind: 'person',
      displayName: `Birthday Bea ${stamp}`,
      birthday: born,
      roles: [{ role: 'customer' }],
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    await page.goto(`${server.url}/care/rules`);
    await testId('rule-create').click();
    await testId('rule-name').fill(`Birthdays ${stamp}`);
    await testId('rule-title-zh').fill('{{name}} 生日快乐');
    // An unknown merge field is refused on its field by the server.
    await testId('rule-title-en').fill('Happy birthday, {{nmae}}');
    await testId('rule-save').click();
    await expect.poll(() => testId('rule-modal').textContent()).toContain('Unknown merge field');
    await testId('rule-title-en').fill('Happy birthday, {{name}}');
    await testId('rule-save').click();
    await testId('rule-modal').waitFor({ state: 'hidden' });
    const row = page.locator('tr', { hasText: `Birthdays ${stamp}` });
    await row.getByTestId('rule-preview-open').click();
    await expect.poll(() => testId('rule-preview').textContent()).toContain(`Birthday Bea ${stamp}`);
    await screenshot(page, 'care-06-rule-preview');
  });
});
