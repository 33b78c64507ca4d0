import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall as sharedApiCall, atHome, submitSignIn } from './support/page.ts';
import { launchBrowser, screenshot, type BrowserSession } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

// The referred person's landing page (docs/care.md "Referral"): a customer's referral link opened on a phone without
// signing in, in the browser's language and switched to the other; the form's contact check; a friendly page for a
// forged code; and after sending, the new person linked `referred_by` on the referrer's page.

let server: RunningServer;
let browser: BrowserSession;
let page: Page;
const stamp = Date.now().toString(36);
const referrer = { name: `Rita Referrer ${stamp}`, id: '' };
const friend = `Frank Friend ${stamp}`;

describe('referral landing', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(`${server.url}/sign-in`);
    await submitSignIn(page);
    await page.waitForURL(atHome);
    const res = await sharedApiCall(page, 'POST', '/api/parties', {
      kind: 'person',
      displayName: referrer.name,
      roles: [{ role: 'customer' }],
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    referrer.id = (res.json as { id: string }).id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('takes a referred person’s contact on a phone and links them to the referrer', async () => {
    const made = await sharedApiCall(page, 'POST', `/api/parties/${referrer.id}/referral`);
    expect(made.status, JSON.stringify(made.json)).toBeLessThan(300);
    const url = (made.json as { url: string }).url;
    const path = new URL(url).pathname;
    expect(path).toMatch(/^\/r\/.+/);
    const stranger = await launchBrowser();
    try {
      const phone = stranger.page;
      await phone.setViewportSize({ width: 375, height: 667 });
      // A forged code: a friendly page, not an error dump.
      await phone.goto(`${server.url}/r/not-a-real-code`);
      await expect.poll(() => phone.getByTestId('referral-invalid').textContent()).toContain('This link does not work');
      await phone.goto(`${server.url}${path}`);
      await phone.getByTestId('referral-form').waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await phone.getByTestId('referral-language').getByText('中文').click();
      await expect.poll(() => phone.getByTestId('referral-submit').textContent()).toContain('提交');
      await screenshot(phone, 'referral-01-landing-phone-zh');
      await phone.getByTestId('referral-language').getByText('English').click();
      await phone.getByTestId('referral-name').fill(friend);
      await phone.getByTestId('referral-submit').click();
      // Neither an email nor a phone: the form says so on the field.
      await expect
        .poll(() => phone.locator('.ant-form-item-explain-error').first().textContent())
        .toContain('email or a phone');
      await phone.getByTestId('referral-email').fill(`frank.${stamp}@example.com`);
      await phone.getByTestId('referral-consent').check();
      await phone.getByTestId('referral-submit').click();
      await phone.getByTestId('referral-done').waitFor();
      await screenshot(phone, 'referral-02-done-phone');
    } finally {
      await stranger.close();
    }
    await page.goto(`${server.url}/parties/${referrer.id}`);
    const links = page.getByTestId('party-links');
    await expect.poll(() => links.textContent(), { timeout: 15_000 }).toContain(friend);
    await screenshot(page, 'referral-03-referrer-links');
    const list = await sharedApiCall(page, 'GET', `/api/parties?q=${encodeURIComponent(friend)}`);
    const friendId = (list.json as { items: { id: string }[] }).items[0]?.id ?? '';
    const consent = await sharedApiCall(page, 'GET', `/api/parties/${friendId}/consent`);
    expect(JSON.stringify(consent.json)).toContain('granted');
  });
});
