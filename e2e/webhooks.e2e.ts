import { createHmac } from 'node:crypto';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { atHome, submitSignIn } from './support/page.ts';
import { launchBrowser, screenshot, type BrowserSession } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

// Settings → Webhooks: the admin adds an endpoint (a receiver in this process on 127.0.0.1), copies the secret
// shown once, pings it and sees the attempt in the delivery log; the receiver verifies the signature.
let server: RunningServer;
let admin: BrowserSession;
let page: Page;
const got: { headers: IncomingHttpHeaders; body: string }[] = [];
const receiver = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    got.push({ headers: req.headers, body });
    res.end('thanks');
  });
});
const testId = (id: string) => page.getByTestId(id);

describe('webhook settings', () => {
  beforeAll(async () => {
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    server = await startServer();
    admin = await launchBrowser();
    page = admin.page;
    await page.goto(`${server.url}/sign-in`);
    await submitSignIn(page);
    await page.waitForURL(atHome);
  });

  afterAll(async () => {
    await admin?.close();
    await server?.stop();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  it('creates an endpoint, shows its secret once, pings it and logs the attempt', async () => {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/tandem`;
    await page.goto(`${server.url}/settings/webhooks`);
    await testId('webhooks-page').waitFor();
    await testId('webhook-create').click();
    await testId('webhook-url').fill(url);
    await testId('webhook-description').fill('Local receiver');
    await testId('webhook-allow-private').click();
    await testId('webhook-save').click();

    await testId('webhook-secret-value').waitFor();
    const secret = await testId('webhook-secret-value').inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    await screenshot(page, 'webhooks-01-secret');
    await testId('webhook-secret-done').click();
    await expect.poll(() => page.getByText(url).count(), { timeout: 10_000 }).toBe(1);
    // Closed, the secret leaves the page for good.
    await expect.poll(async () => (await page.content()).includes(secret), { timeout: 10_000 }).toBe(false);

    await testId('webhook-ping').click();
    await expect.poll(() => got.length, { timeout: 10_000 }).toBe(1);
    const [g] = got;
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const signed = `${String(g?.headers['webhook-id'])}.${String(g?.headers['webhook-timestamp'])}.${g?.body ?? ''}`;
    expect(g?.headers['webhook-signature']).toBe(`v1,${createHmac('sha256', key).update(signed).digest('base64')}`);
    expect(JSON.parse(g?.body ?? '{}')).toMatchObject({ type: 'webhook.ping' });

    await testId('webhook-open-log').click();
    await testId('webhook-log').waitFor();
    await expect.poll(() => testId('webhook-delivery-ok').count(), { timeout: 10_000 }).toBe(1);
    expect(await testId('webhook-log-table').textContent()).toContain('webhook.ping');
    await screenshot(page, 'webhooks-02-log');
  });
});
