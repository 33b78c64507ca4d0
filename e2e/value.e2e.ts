import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall as sharedApiCall, atHome, submitSignIn } from './support/page.ts';
import { launchBrowser, screenshot, type BrowserSession } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: BrowserSession;
let page: Page;
const stamp = Date.now().toString(36);
const DAY = 86_400_000;
const testId = (id: string) => page.getByTestId(id);
const apiCall = (method: string, path: string, body?: unknown) => sharedApiCall(page, method, path, body);
const openOption = (text: string) =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text });

/** Purchase histories: days ago of each purchase day, and the amount of each (CNY). Hand-picked to spread RFM. */
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
const customers = histories.map((_, i) => `Value customer ${i + 1} ${stamp}`);
const customerIds: string[] = [];
let segmentId = '';

/** Ten customers and their purchases, of two products in two categories (some baskets hold both). */
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
      displayName: customers[i],
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

describe('value', () => {
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

  it('opens the Value area: KPI tiles against the previous period, the Lorenz curve and the cohorts', async () => {
    await testId('nav-value.overview').click();
    await page.waitForURL(/\/value\/overview$/);
    await testId('value-kpis').waitFor();
    // Bought in the last 90 days: customers 1, 2, 3, 4, 5 and 9.
    await expect.poll(() => testId('value-kpi-activeCustomers').textContent()).toContain('6');
    expect(await testId('value-kpi-repeatPurchaseRate').textContent()).toContain('%');
    expect(await testId('value-comparison').textContent()).toContain('Compared with the 90 days before');
    await testId('value-lorenz-chart').locator('canvas').waitFor();
    expect(await testId('value-top20').textContent()).toMatch(/\d+(\.\d)?%/);
    await testId('value-cohorts').locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'value-01-overview');
  });

  it('shows the RFM grid and lists the customers of a cell', async () => {
    await testId('nav-value.rfm').click();
    await testId('rfm-grid').waitFor();
    const cells = testId('rfm-grid').locator('button:not([disabled])');
    expect(await cells.count()).toBeGreaterThan(1);
    await screenshot(page, 'value-02-rfm');
    await cells.first().click();
    await testId('rfm-customers-table').locator('tbody tr.ant-table-row').first().waitFor();
    // Names come from the party records, loaded after the scores.
    await expect.poll(() => testId('rfm-customers').textContent()).toContain(stamp);
    await screenshot(page, 'value-03-rfm-customers');
    await page.keyboard.press('Escape');
  });

  it('fits the CLV model or says why it cannot', async () => {
    await testId('nav-value.clv').click();
    await testId('clv-simple').waitFor();
    await testId('clv-fit').click();
    // Ten customers are too few for a stable fit: the server's reason is shown, never a blank page.
    await expect
      .poll(async () => (await testId('clv-model').count()) + (await testId('clv-fit-error').count()), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    await screenshot(page, 'value-04-clv');
  });

  it('builds a segment, sees its live count, saves it and lists its members', async () => {
    await testId('nav-value.segments').click();
    await testId('segment-create').click();
    await page.waitForURL(/\/value\/segments\/new$/);
    await testId('segment-name').fill(`Recent buyers ${stamp}`);
    // Customers …
    await testId('segment-cond-value').click();
    await openOption('Customer').first().click();
    await page.keyboard.press('Escape');
    await expect.poll(() => testId('segment-count').getAttribute('data-count')).toBe('10');
    // … who bought in the last 30 days: customers 1, 2, 3, 4, 5 and 9.
    await testId('segment-add-condition').click();
    const second = testId('segment-condition').nth(1);
    await second.getByTestId('segment-cond-field').click();
    await openOption('Last purchase').click();
    await second.locator('input.ant-input-number-input').fill('30');
    await expect.poll(() => testId('segment-count').getAttribute('data-count')).toBe('6');
    expect(await testId('segment-sample').textContent()).toContain(customers[0]);
    await screenshot(page, 'value-05-segment-builder');
    await testId('segment-save').click();
    await page.waitForURL(/\/value\/segments\/[0-9a-f-]{36}$/);
    segmentId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await expect.poll(() => testId('segment-members-table').locator('tbody tr.ant-table-row').count()).toBe(6);
    const saved = (await apiCall('GET', `/api/segments/${segmentId}/count`)).json as { count: number };
    expect(saved.count).toBe(6);
  });

  it('takes a value snapshot and shows the tier on the party page', async () => {
    await testId('nav-value.segments').click();
    await testId('value-snapshot').click();
    await expect
      .poll(async () => {
        const runs = (await apiCall('GET', '/api/value/snapshots')).json as { items: { status: string }[] };
        return runs.items[0]?.status;
      })
      .toBe('done');
    await page.goto(`${server.url}/parties/${customerIds[0]}`);
    await testId('party-tier-segment').waitFor();
    await screenshot(page, 'value-06-party-tier');
  });

  it('uses the segment as a survey audience', async () => {
    const res = await apiCall('POST', '/api/surveys', {
      kind: 'nps',
      title: { en: `Segment survey ${stamp}`, zh: `分群问卷 ${stamp}` },
      audience: { kind: 'segment', segmentId },
    });
    expect(res.status).toBe(201);
    const survey = res.json as { id: string; audience: { kind: string; segmentId?: string } };
    expect(survey.audience).toMatchObject({ kind: 'segment', segmentId });
    await page.goto(`${server.url}/feedback/surveys/${survey.id}`);
    await testId('survey-audience').waitFor();
    expect(await testId('survey-audience').textContent()).toContain('Segment');
    // The draft's builder shows which segment: the one built above.
    await expect.poll(() => testId('survey-audience-segment').textContent()).toContain(`Recent buyers ${stamp}`);
  });

  it('reads in Chinese', async () => {
    await testId('language-switch').click();
    await testId('language-option-zh-CN').click();
    await page.goto(`${server.url}/value/overview`);
    await testId('value-kpis').waitFor();
    expect(await page.locator('h3').first().textContent()).toBe('概览');
    expect(await testId('value-kpi-retentionRate').textContent()).toContain('留存率');
    await screenshot(page, 'value-07-overview-zh');
    await page.goto(`${server.url}/value/rfm`);
    await testId('rfm-grid').waitFor();
    expect(await testId('rfm-grid').textContent()).toMatch(/重要价值客户|忠诚客户|沉睡客户/);
    await screenshot(page, 'value-08-rfm-zh');
  });
});
