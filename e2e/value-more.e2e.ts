import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall as sharedApiCall, atHome, submitSignIn } from './support/page.ts';
import { launchBrowser, screenshot, type BrowserSession } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

// The Value area's classes, RFM rules editor, share of wallet and customers by value (value.e2e.ts has the rest).
let server: RunningServer;
let browser: BrowserSession;
let page: Page;
const stamp = Date.now().toString(36);
const DAY = 86_400_000;
const testId = (id: string) => page.getByTestId(id);
const apiCall = (method: string, path: string, body?: unknown) => sharedApiCall(page, method, path, body);
const openOption = (text: string) =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text });
const en = JSON.parse(readFileSync(new URL('../web/src/i18n/en.json', import.meta.url), 'utf8')) as {
  value: { rfm: { segments: Record<string, string> }; classes: Record<string, string> };
};

/** Days ago of each purchase day and the amount of each (CNY, half tea and half cake when `both`). */
const histories: { days: number[]; amount: number; both?: boolean }[] = [
  { days: [2, 20, 45, 80, 120, 200], amount: 900, both: true },
  { days: [5, 35, 70, 150], amount: 600, both: true },
  { days: [10, 60], amount: 300 },
  { days: [15], amount: 120 },
  { days: [25, 90, 180, 300], amount: 250, both: true },
  { days: [100, 250], amount: 80 },
  { days: [160], amount: 50 },
  { days: [220, 280], amount: 40 },
  { days: [3, 8, 40], amount: 1500, both: true },
  { days: [330], amount: 20 },
];
const customerIds: string[] = [];

async function seed(): Promise<void> {
  const product = async (name: string, category: string, price: number) => {
    const res = await apiCall('POST', '/api/products', { name: `${name} ${stamp}`, category, price, currency: 'CNY' });
    expect(res.status).toBe(201);
    return (res.json as { id: string }).id;
  };
  const tea = await product('Tea', 'drinks', 10);
  const cake = await product('Cake', 'food', 20);
  for (const [i, h] of histories.entries()) {
    const res = await apiCall('POST', '/api/parties', {
      kind: 'person',
      displayName: `Value customer ${i + 1} ${stamp}`,
      roles: [{ role: 'customer' }],
    });
    expect(res.status).toBe(201);
    const partyId = (res.json as { id: string }).id;
    customerIds.push(partyId);
    for (const d of h.days) {
      const lines = [{ productId: tea, quantity: 1, amount: h.both ? h.amount / 2 : h.amount }];
      if (h.both) {
        lines.push({ productId: cake, quantity: 1, amount: h.amount / 2 });
      }
      const occurredAt = new Date(Date.now() - d * DAY).toISOString();
      const tx = await apiCall('POST', '/api/transactions', { partyId, occurredAt, currency: 'CNY', lines });
      expect(tx.status).toBe(201);
    }
  }
}

const rows = (table: string) => testId(table).locator('tbody tr.ant-table-row');

describe('value, more', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(`${server.url}/sign-in`);
    await submitSignIn(page);
    await page.waitForURL(atHome);
    await seed();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the value classes 2×2 and lists the customers of a class on click', async () => {
    await testId('nav-value.classes').click();
    await page.waitForURL(/\/value\/classes$/);
    await testId('value-classes-loyalty').waitFor();
    const loyalty = ['true_friend', 'butterfly', 'barnacle', 'stranger'];
    const counts = await Promise.all(
      loyalty.map(async (c) => Number(await testId(`value-class-${c}`).getAttribute('data-count'))),
    );
    // Every customer bought in the last 365 days, so each falls in exactly one of the four.
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10);
    expect(await testId('value-classes-cost').locator('button').count()).toBe(4);
    await screenshot(page, 'value-more-01-classes');
    const index = counts.findIndex((n) => n > 0);
    await testId(`value-class-${loyalty[index] ?? ''}`).click();
    await expect.poll(() => rows('value-class-customers-table').count()).toBe(counts[index]);
    await expect.poll(() => testId('value-class-customers').textContent()).toContain(stamp);
    await screenshot(page, 'value-more-02-class-customers');
    await page.keyboard.press('Escape');
  });

  it('says there is no snapshot yet, takes one, and filters the customers by value by RFM segment', async () => {
    await testId('nav-value.customers').click();
    await page.waitForURL(/\/value\/customers$/);
    await testId('value-customers-no-snapshot').waitFor();
    await testId('value-customers-no-snapshot').getByTestId('value-snapshot').click();
    await expect.poll(() => rows('value-customers-table').count(), { timeout: 30_000 }).toBe(10);
    await testId('value-customers-asof').waitFor();
    const all = (await apiCall('GET', '/api/value/customers?limit=100')).json as {
      items: { rfmSegment: string | null; valueClass: string | null }[];
    };
    // Sorted by CLV, highest first, by default; the first segment present is the one to filter by.
    const segment = all.items.find((c) => c.rfmSegment)?.rfmSegment ?? '';
    const expected = all.items.filter((c) => c.rfmSegment === segment).length;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(10);
    await testId('value-customers-segment').click();
    await openOption(en.value.rfm.segments[segment] ?? segment)
      .first()
      .click();
    await expect.poll(() => rows('value-customers-table').count()).toBe(expected);
    // And by value class: the snapshot carries each customer's loyalty × profitability class.
    const cls = all.items.find((c) => c.rfmSegment === segment)?.valueClass;
    expect(cls).toBeTruthy();
    await testId('value-customers-class').click();
    await openOption(en.value.classes[cls ?? ''] ?? '')
      .first()
      .click();
    const both = all.items.filter((c) => c.rfmSegment === segment && c.valueClass === cls).length;
    await expect.poll(() => rows('value-customers-table').count()).toBe(both);
    await screenshot(page, 'value-more-03-customers-by-segment');
  });

  it('edits the wallet on a party page and shows our share', async () => {
    await page.goto(`${server.url}/parties/${customerIds[0]}`);
    await testId('party-wallet').waitFor();
    await expect.poll(() => testId('party-wallet').textContent()).toContain('No wallet estimate yet');
    await testId('wallet-edit').click();
    await testId('wallet-add').click();
    await testId('wallet-category').fill('drinks');
    await testId('wallet-estimate').fill('abc');
    await testId('wallet-save').click();
    // The server's refusal lands on the field.
    await expect
      .poll(() => testId('wallet-modal').locator('.ant-form-item-explain-error').first().textContent())
      .toContain('decimal');
    await testId('wallet-estimate').fill('10000');
    await testId('wallet-save').click();
    // Customer 1 bought tea (drinks) for 450 on each of six days in the last 365: 2,700 of 10,000.
    await expect.poll(() => testId('wallet-share').getAttribute('data-share')).toBe('0.27');
    expect(await testId('wallet-share').textContent()).toContain('27%');
    await testId('party-suggestions').waitFor();
    await screenshot(page, 'value-more-04-wallet');
  });

  it('edits an RFM rule and the segment counts follow', async () => {
    const before = (await apiCall('GET', '/api/value/rfm-rules')).json as { rules: unknown[] };
    const rfm = async () =>
      ((await apiCall('GET', '/api/value/rfm')).json as { segments: { segment: string; customers: number }[] })
        .segments;
    const champions = async () => (await rfm()).find((s) => s.segment === 'champions')?.customers ?? 0;
    expect(await champions()).toBeLessThan(10);
    await testId('nav-value.rfm').click();
    await testId('rfm-rules').waitFor();
    await testId('rfm-rules-edit').click();
    const first = testId('rfm-rule-row').first();
    expect(await testId('rfm-rule-row').count()).toBe(before.rules.length);
    // Champions (the first rule) from R4–5 F4–5 M4–5 to every score: all ten customers.
    for (const k of ['r', 'f', 'm']) {
      await first.getByTestId(`rfm-rule-${k}`).locator('input').first().fill('1');
    }
    await testId('rfm-rules-save').click();
    await testId('rfm-rules').waitFor();
    await expect.poll(champions).toBe(10);
    const segmentRows = testId('rfm-segments').locator('tbody tr.ant-table-row');
    await expect.poll(() => segmentRows.count()).toBe(1);
    expect(await segmentRows.first().textContent()).toContain('10 (100%)');
    await screenshot(page, 'value-more-05-rfm-rules');
    // Back to the documented defaults from the editor: the stored rules go, the counts follow.
    await testId('rfm-rules-edit').click();
    await testId('rfm-rules-reset').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect
      .poll(async () => (await apiCall('GET', '/api/value/rfm-rules')).json)
      .toMatchObject({
        isDefault: true,
        version: 0,
        rules: before.rules,
      });
    await expect.poll(champions).toBeLessThan(10);
  });
});
