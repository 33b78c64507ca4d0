import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall as sharedApiCall, atHome, submitSignIn } from './support/page.ts';
import { launchBrowser, type BrowserSession } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

// Social listening and win-back in the browser: three negative mentions posted through the inbound endpoint (the
// organisation's token, no sign-in) raise one alert with a task, shown in the mentions inbox; a customer lost to
// competition and won back shows a 100 % win-back rate for that cause.

let server: RunningServer;
let browser: BrowserSession;
let page: Page;
const stamp = Date.now().toString(36);

const testId = (id: string) => page.getByTestId(id);
const apiCall = (method: string, p: string, body?: unknown) => sharedApiCall(page, method, p, body);

describe('care: listening and win-back', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(`${server.url}/sign-in`);
    await submitSignIn(page);
    await page.waitForURL(atHome);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an admin makes the inbound tokens in Settings; each is shown once and works', async () => {
    await page.goto(`${server.url}/settings`);
    await expect.poll(() => testId('inbound-mail-state').textContent()).toBe('Not set');
    await testId('inbound-mail-rotate').click();
    const address = ((await testId('inbound-token-value').textContent()) ?? '').trim();
    expect(address).toContain(`${server.url}/api/public/mail-inbound/`);
    await testId('inbound-token-close').click();
    await expect.poll(() => testId('inbound-mail-state').textContent()).toMatch(/^Set since/);
    // The address takes a message (from nobody Tandem knows: kept unmatched, not an error).
    const res = await fetch(address, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        messageId: `<reply-${stamp}@example.com>`,
        from: `stranger-${stamp}@example.com`,
        to: 'care@example.com',
        subject: 'Re: hello',
        text: 'Thanks!',
      }),
    });
    expect(res.status).toBe(200);
    // Shown once: the page does not show it again after closing.
    await expect.poll(() => testId('inbound-token-value').count()).toBe(0);
  });

  it('three negative mentions through the inbound endpoint show an alert and its task in the inbox', async () => {
    await page.goto(`${server.url}/settings`);
    await testId('inbound-mentions-rotate').click();
    const token = ((await testId('inbound-token-value').textContent()) ?? '').trim();
    expect(token.length).toBeGreaterThan(20);
    await testId('inbound-token-close').click();
    const at = new Date(Date.now() - 60 * 60 * 1000);
    for (const [i, text] of ['Terrible service', '质量太差，要投诉', 'Rude staff, very disappointed'].entries()) {
      const res = await fetch(`${server.url}/api/public/mentions/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tandem-token': token },
        body: JSON.stringify({
          channel: 'weibo',
          author: `critic-${stamp}-${i}`,
          text,
          postedAt: new Date(at.getTime() + i * 60_000).toISOString(),
        }),
      });
      expect(res.status).toBe(201);
    }
    await page.goto(`${server.url}/care/mentions`);
    await testId('mention-alerts').getByText('Negative burst').first().waitFor();
    await testId('alert-task').first().waitFor();
    await testId('mentions-table').getByText(`critic-${stamp}-0`).waitFor();
  });

  it('shows the win-back rate by cause of loss', async () => {
    const created = await apiCall('POST', '/api/parties', {
      kind: 'person',
      displayName: `Lost Li ${stamp}`,
      roles: [{ role: 'customer', stage: 'developing' }],
    });
    expect(created.status).toBe(201);
    const party = created.json as { id: string; roles: { version: number }[] };
    const lost = await apiCall('PUT', `/api/parties/${party.id}/roles/customer`, {
      stage: 'churned',
      reason: 'competition: cheaper elsewhere',
      version: party.roles[0]?.version ?? 1,
    });
    expect(lost.status).toBe(200);
    const back = await apiCall('PUT', `/api/parties/${party.id}/roles/customer`, {
      stage: 'won_back',
      reason: 'came back',
      version: (lost.json as { version: number }).version,
    });
    expect(back.status).toBe(200);
    await page.goto(`${server.url}/care/winback`);
    const rate = testId('winback-rate');
    await rate.getByText('Competition').first().waitFor();
    await rate.getByText('100 %').first().waitFor();
  });
});
