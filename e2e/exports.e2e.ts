import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall as sharedApiCall, atHome, submitSignIn } from './support/page.ts';
import { launchBrowser, screenshot, type BrowserSession } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

// The first hour's lists: two owners chosen on the parties list stay in the URL and the export downloads a readable
// file of just their parties; the case queue filters by several statuses (docs/domain.md "Exports", "Lists and
// filters").

let server: RunningServer;
let browser: BrowserSession;
let page: Page;
const stamp = Date.now().toString(36);
const prefix = `导出 ${stamp}`;
const testId = (id: string) => page.getByTestId(id);
const apiCall = (method: string, path: string, body?: unknown) => sharedApiCall(page, method, path, body);
const openOption = (text: string) =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text });
const owners: { id: string; name: string }[] = [];

async function created<T>(method: string, path: string, body: unknown): Promise<T> {
  const res = await apiCall(method, path, body);
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json as T;
}

describe('exports and multi-value filters', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(`${server.url}/sign-in`);
    await submitSignIn(page);
    await page.waitForURL(atHome);
    const unit = await created<{ id: string }>('POST', '/api/org-units', { name: `East ${stamp}` });
    for (const n of ['Ada', 'Bo', 'Cy']) {
      const name = `${n} ${stamp}`;
      const user = await created<{ id: string }>('POST', '/api/users', {
        email: `${n.toLowerCase()}-${stamp}@example.com`,
        displayName: name,
        password: `Export-${stamp}-Passw0rd`,
        roles: ['agent'],
        orgUnitId: unit.id,
      });
      owners.push({ id: user.id, name });
      await created('POST', '/api/parties', {
        kind: 'person',
        displayName: `${prefix} ${n}`,
        emails: [`${n.toLowerCase()}.${stamp}@customer.example`],
        ownerId: user.id,
        roles: [{ role: 'customer', stage: 'loyal' }],
      });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('keeps two chosen owners in the URL and exports their parties in readable form', async () => {
    const [ada, bo] = owners as [{ id: string; name: string }, { id: string; name: string }];
    await page.goto(`${server.url}/parties?q=${encodeURIComponent(prefix)}`);
    const rows = page.locator('[data-testid=parties-table] tr[data-row-key]');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3);
    await page
      .locator('[data-testid=parties-table] thead th', { hasText: 'Owner' })
      .locator('.ant-table-filter-trigger')
      .click();
    const picker = testId('owner-filter');
    await picker.click();
    for (const [i, who] of [ada, bo].entries()) {
      // A multiple select stays open and focused after a choice: the next name is typed straight in.
      await page.keyboard.type(who.name);
      await openOption(who.name).click();
      await expect.poll(() => picker.locator('.ant-select-selection-item').count()).toBe(i + 1);
    }
    // A click beside the picker closes its list, which covers the buttons.
    await page.locator('.ant-table-filter-dropdown [role=dialog]').click({ position: { x: 3, y: 3 } });
    await testId('filter-apply').click();
    await expect
      .poll(() => new URL(page.url()).searchParams.get('ownerId')?.split(',').sort())
      .toEqual([ada.id, bo.id].sort());
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => testId('filter-chip-ownerId').textContent()).toContain(ada.name);
    await screenshot(page, 'exports-01-two-owners');
    // The URL alone restores both owners.
    await page.reload();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    expect(await rows.allTextContents()).not.toContain(`${prefix} Cy`);

    await testId('export').click();
    const download = page.waitForEvent('download');
    await testId('export-csv').click();
    const file = await download;
    expect(file.url()).toContain('lang=en');
    const csv = readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '');
    const [head, ...lines] = csv.trim().split(/\r?\n/);
    expect(head).toContain('Name');
    expect(head).toContain('Owner,Owner’s unit');
    expect(head).toContain('Email,Phone');
    expect(lines.sort()).toHaveLength(2);
    expect(csv).toContain(`${ada.name},East ${stamp}`);
    expect(csv).toContain(`${bo.name},East ${stamp}`);
    expect(csv).toContain('Customer');
    expect(csv).not.toContain(`${prefix} Cy`);
    expect(csv).not.toContain(ada.id);
  });

  it('filters the case queue by several statuses and keeps them in the URL', async () => {
    const party = await created<{ id: string }>('POST', '/api/parties', {
      kind: 'person',
      displayName: `${prefix} 工单客户`,
      roles: [{ role: 'customer', stage: 'new' }],
    });
    const ids: Record<string, string> = {};
    for (const s of ['new', 'pending', 'open']) {
      const c = await created<{ id: string }>('POST', '/api/cases', {
        type: 'inquiry',
        partyId: party.id,
        subject: `${prefix} case ${s}`,
      });
      ids[s] = c.id;
      if (s !== 'new') {
        const moved = await apiCall('PATCH', `/api/cases/${c.id}`, { status: s, version: 1 });
        expect(moved.status).toBe(200);
      }
    }
    await page.goto(`${server.url}/service/cases?q=${encodeURIComponent(prefix)}`);
    const rows = page.locator('[data-testid=cases-table] tr[data-row-key]');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3);
    await page
      .locator('[data-testid=cases-table] thead th', { hasText: 'Status' })
      .locator('.ant-table-filter-trigger')
      .click();
    const options = page.locator('.ant-table-filter-dropdown .ant-checkbox-wrapper');
    await options.filter({ hasText: /^New$/ }).click();
    await options.filter({ hasText: /^Pending$/ }).click();
    await testId('filter-apply').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('new,pending');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    expect(await testId('filter-chip-status').textContent()).toContain('New, Pending');
    const keys = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-row-key')));
    expect(keys.sort()).toEqual([ids.new, ids.pending].sort());
    await screenshot(page, 'exports-02-case-statuses');
    await page.goto(`${server.url}/service/cases?q=${encodeURIComponent(prefix)}&status=open,pending`);
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(async () => (await rows.allTextContents()).join(' ')).toContain('case open');
  });
});
