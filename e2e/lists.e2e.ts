import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall as sharedApiCall, atHome, submitSignIn } from './support/page.ts';
import { launchBrowser, screenshot, type BrowserSession } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

// Lists: a selection added to a segment, a multi-value filter kept in the URL, the board's value totals.

let server: RunningServer;
let browser: BrowserSession;
let page: Page;
const stamp = Date.now().toString(36);
const prefix = `列表 ${stamp}`;
const testId = (id: string) => page.getByTestId(id);
const apiCall = (method: string, path: string, body?: unknown) => sharedApiCall(page, method, path, body);
const ids: Record<string, string> = {};

describe('lists', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(`${server.url}/sign-in`);
    await submitSignIn(page);
    await page.waitForURL(atHome);
    for (const [n, stage] of [
      ['甲', 'new'],
      ['乙', 'loyal'],
      ['丙', 'churned'],
    ]) {
      const res = await apiCall('POST', '/api/parties', {
        kind: 'person',
        displayName: `${prefix} ${n}`,
        roles: [{ role: 'customer', stage }],
      });
      expect(res.status).toBe(201);
      ids[n as string] = (res.json as { id: string }).id;
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('adds the selected parties to a segment and shows them among its members', async () => {
    const seg = await apiCall('POST', '/api/segments', {
      name: `手选 ${stamp}`,
      rule: { field: 'tags', op: 'any', value: [`none-${stamp}`] },
    });
    expect(seg.status).toBe(201);
    const segmentId = (seg.json as { id: string }).id;
    await page.goto(`${server.url}/parties?q=${encodeURIComponent(prefix)}`);
    const rows = page.locator('[data-testid=parties-table] tr[data-row-key]');
    await expect.poll(() => rows.count()).toBe(3);
    for (const n of ['甲', '乙']) {
      await page.locator(`[data-testid=parties-table] tr[data-row-key="${ids[n]}"] .ant-checkbox-input`).check();
    }
    await expect.poll(() => testId('bulk-count').textContent()).toContain('2');
    await testId('bulk-add_to_segment').click();
    await testId('bulk-segment').click();
    await page.locator('.ant-select-item-option', { hasText: `手选 ${stamp}` }).click();
    await testId('bulk-run').click();
    await expect.poll(() => testId('segment-outcome').textContent()).toContain('2');
    await screenshot(page, 'lists-01-added-to-segment');
    await page.goto(`${server.url}/value/segments/${segmentId}`);
    const members = testId('segment-members-table');
    await expect.poll(() => members.textContent(), { timeout: 10_000 }).toContain(`${prefix} 甲`);
    expect(await members.textContent()).toContain(`${prefix} 乙`);
    expect(await members.textContent()).not.toContain(`${prefix} 丙`);
  });

  it('filters by several stages and keeps them in the URL', async () => {
    await page.goto(`${server.url}/parties?q=${encodeURIComponent(prefix)}`);
    const rows = page.locator('[data-testid=parties-table] tr[data-row-key]');
    await expect.poll(() => rows.count()).toBe(3);
    await page
      .locator('[data-testid=parties-table] thead th', { hasText: 'Stage' })
      .locator('.ant-table-filter-trigger')
      .click();
    const options = page.locator('.ant-table-filter-dropdown .ant-checkbox-wrapper');
    await options.filter({ hasText: /^New$/ }).click();
    await options.filter({ hasText: /^Loyal$/ }).click();
    await testId('filter-apply').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('stage')).toBe('new,loyal');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await testId('filter-chip-stage').textContent()).toContain('New, Loyal');
    // The URL alone restores the filter.
    await page.goto(`${server.url}/parties?q=${encodeURIComponent(prefix)}&stage=loyal,churned`);
    await expect.poll(async () => (await rows.allTextContents()).join(' ')).toContain(`${prefix} 丙`);
    expect(await rows.count()).toBe(2);
    await screenshot(page, 'lists-02-multi-filter');
  });

  it('shows revenue on the cards and totals per column on the board', async () => {
    for (const [n, amount] of [
      ['甲', '100.00'],
      ['甲', '20.50'],
      ['乙', '300.00'],
    ]) {
      const res = await apiCall('POST', '/api/transactions', { partyId: ids[n as string], amount, currency: 'CNY' });
      expect(res.status).toBe(201);
    }
    await page.goto(`${server.url}/parties/board?role=customer&q=${encodeURIComponent(prefix)}`);
    await expect.poll(() => testId('board-total-new').textContent(), { timeout: 10_000 }).toContain('120.50');
    expect(await testId('board-total-loyal').textContent()).toContain('300.00');
    expect(await testId('board-count-new').textContent()).toBe('1');
    const card = page.locator(`[data-testid=board-card][data-party="${prefix} 甲"]`);
    await expect.poll(() => card.getByTestId('board-card-value').textContent()).toContain('120.50');
    await screenshot(page, 'lists-03-board-value');
  });
});
