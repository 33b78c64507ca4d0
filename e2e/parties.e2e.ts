import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall as sharedApiCall, atHome, submitSignIn } from './support/page.ts';
import { launchBrowser, screenshot, type BrowserSession } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: BrowserSession;
let page: Page;
const stamp = Date.now().toString(36);
const name = `张伟 ${stamp}`;
const email = `zhang.wei.${stamp}@example.com`;
let partyId = '';
const testId = (id: string) => page.getByTestId(id);

const apiCall = (method: string, path: string, body?: unknown) => sharedApiCall(page, method, path, body);

describe('parties', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(`${server.url}/sign-in`);
    await submitSignIn(page);
    // A sign-in lands on the home page of the user's roles; the party list is one click away.
    await page.waitForURL(atHome);
    await page.goto(`${server.url}/parties`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a customer from the party list', async () => {
    await testId('party-create').click();
    await testId('party-displayName').fill(name);
    await testId('party-emails').locator('input').fill(email);
    await page.keyboard.press('Enter');
    await testId('party-phones').locator('input').fill('138 0013 8000');
    await page.keyboard.press('Enter');
    await testId('party-tags').locator('input').fill('vip');
    await page.keyboard.press('Enter');
    await screenshot(page, 'parties-01-create');
    await testId('party-save').click();
    await page.waitForURL(/\/parties\/[0-9a-f-]{36}$/);
    partyId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await expect.poll(() => testId('party-title').textContent()).toBe(name);
    const roles = await testId('role-customer').textContent();
    expect(roles).toContain('Customer');
    expect(roles).toContain('Prospect');
    // Phones are stored normalised (E.164).
    expect(await page.locator('[data-testid=detail-layout]').textContent()).toContain('+8613800138000');
  });

  it('logs a call and adds a follow-up task from the detail page', async () => {
    await testId('add-interaction').click();
    await testId('interaction-subject').fill(`Intro call ${stamp}`);
    await testId('interaction-body').fill('Interested in the annual plan');
    await testId('interaction-save').click();
    await expect.poll(() => testId('timeline').textContent()).toContain(`Intro call ${stamp}`);
    expect(await testId('timeline-interaction').first().textContent()).toContain('Phone call');

    await testId('add-task').click();
    await testId('task-title').fill(`Send the offer ${stamp}`);
    await testId('task-save').click();
    await expect.poll(() => testId('party-tasks').textContent()).toContain(`Send the offer ${stamp}`);
    await screenshot(page, 'parties-02-detail');
  });

  it('moves the customer on the kanban with a reason, refusing an illegal jump', async () => {
    // The board scrolls sideways inside its own box; a drag that had to scroll that box mid-way is not what this test
    // is about, so the screen is wide enough for every column (the keyboard path below works at any width).
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${server.url}/parties/board?role=customer&q=${encodeURIComponent(stamp)}`);
    const card = page.locator(`[data-testid=board-card][data-party="${name}"]`);
    await expect.poll(() => testId('board-column-prospect').locator(card).count(), { timeout: 10_000 }).toBe(1);

    // prospect → loyal is not a legal move: the dialog names the legal next stage and will not save.
    await card.dragTo(testId('board-column-loyal'));
    await expect.poll(() => testId('illegal-move').textContent()).toContain('Legal next stages: New');
    expect(await testId('move-save').isDisabled()).toBe(true);
    await testId('move-cancel').click();
    await expect.poll(() => testId('move-reason').count()).toBe(0);

    await card.dragTo(testId('board-column-new'));
    await testId('move-reason').fill('Signed the first order');
    await screenshot(page, 'parties-03-board-move');
    await testId('move-save').click();
    await expect.poll(() => testId('board-column-new').locator(card).count()).toBe(1);
    expect(await testId('board-column-prospect').locator(card).count()).toBe(0);

    // The keyboard alternative: the card's "Move to…" menu.
    await card.getByTestId('board-card-menu').click();
    await page
      .locator('.ant-dropdown:not(.ant-dropdown-hidden) .ant-dropdown-menu-item', { hasText: 'Developing' })
      .click();
    await testId('move-reason').fill('Second order placed');
    await testId('move-save').click();
    await expect.poll(() => testId('board-column-developing').locator(card).count()).toBe(1);
    await screenshot(page, 'parties-04-board');

    await page.setViewportSize({ width: 1366, height: 860 });

    // Both changes are in the history with their reasons.
    await page.goto(`${server.url}/parties/${partyId}`);
    await expect.poll(() => testId('timeline').textContent()).toContain('Reason: Signed the first order');
    expect(await testId('role-customer').textContent()).toContain('Developing');
  });

  it('finds the customer by a Chinese substring', async () => {
    await page.goto(`${server.url}/parties`);
    await testId('table-search').fill('伟');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('伟');
    const rows = page.locator('[data-testid=parties-table] tr[data-row-key]');
    await expect.poll(async () => (await rows.allTextContents()).some((t) => t.includes(name))).toBe(true);
    expect((await rows.allTextContents()).every((t) => t.includes('伟'))).toBe(true);
    await screenshot(page, 'parties-05-search');
  });

  it('tags the selected customers at once and says what happened to each', async () => {
    // Its own token: sharing the stamp with the customer above would make them look like duplicates of it.
    const prefix = `批量 ${Math.random().toString(36).slice(2, 8)}`;
    const ids: string[] = [];
    for (const n of ['甲', '乙']) {
      const res = await apiCall('POST', '/api/parties', {
        kind: 'person',
        displayName: `${prefix} ${n}`,
        roles: [{ role: 'customer' }],
      });
      expect(res.status).toBe(201);
      ids.push((res.json as { id: string }).id);
    }
    await page.goto(`${server.url}/parties?q=${encodeURIComponent(prefix)}`);
    const rows = page.locator('[data-testid=parties-table] tr[data-row-key]');
    await expect.poll(() => rows.count()).toBe(2);
    await page.locator('[data-testid=parties-table] thead .ant-checkbox-input').check();
    await expect.poll(() => testId('bulk-count').textContent()).toContain('2');
    await testId('bulk-add_tag').click();
    await testId('bulk-tag').fill('重点');
    await testId('bulk-run').click();
    await testId('bulk-outcome').waitFor();
    expect(await testId('bulk-outcome').textContent()).toMatch(/2/);
    for (const id of ids) {
      await expect
        .poll(async () => (await apiCall('GET', `/api/parties/${id}`)).json)
        .toMatchObject({ tags: ['重点'] });
    }
    // The selection is cleared: the bar only shows the outcome.
    expect(await testId('bulk-count').count()).toBe(0);
    await screenshot(page, 'parties-05b-bulk');
  });

  it('finds a deleted customer in the bin with who deleted it, and restores it from there', async () => {
    const binned = `回收 ${Math.random().toString(36).slice(2, 8)}`;
    const res = await apiCall('POST', '/api/parties', {
      kind: 'person',
      displayName: binned,
      roles: [{ role: 'customer' }],
    });
    expect(res.status).toBe(201);
    const id = (res.json as { id: string }).id;
    expect((await apiCall('DELETE', `/api/parties/${id}`)).status).toBe(204);

    await testId('nav-parties.bin').click();
    await page.waitForURL(/\/parties\/bin$/);
    const row = page.locator(`[data-testid=bin-table] tr[data-row-key="${id}"]`);
    await expect.poll(() => row.textContent()).toContain(binned);
    // Deleted by the signed-in admin; only an admin sees Purge, and not before the retention period is over.
    expect(await row.textContent()).toMatch(/Admin|管理员/);
    expect(await testId(`bin-purge-${id}`).isDisabled()).toBe(true);
    await screenshot(page, 'parties-05c-bin');

    await testId(`bin-restore-${id}`).click();
    await expect.poll(() => row.count()).toBe(0);
    await expect.poll(async () => (await apiCall('GET', `/api/parties/${id}`)).json).toMatchObject({ deletedAt: null });
  });

  it('merges a duplicate and can undo the merge', async () => {
    const created = await apiCall('POST', '/api/parties', {
      kind: 'person',
      displayName: `张 伟 ${stamp}`,
      emails: [email.toUpperCase()],
      roles: [{ role: 'partner', stage: 'new' }],
    });
    expect(created.status).toBe(201);
    const duplicateId = (created.json as { id: string }).id;

    await page.goto(`${server.url}/parties/${partyId}`);
    await expect.poll(() => testId('duplicates-banner').textContent()).toContain(`张 伟 ${stamp}`);
    expect(await testId('duplicates-banner').textContent()).toContain('Same email');
    await screenshot(page, 'parties-06-duplicates');
    await testId(`merge-${duplicateId}`).click();
    await testId('merge-confirm').click();
    await expect.poll(() => testId('merged-banner').isVisible()).toBe(true);
    // The duplicate's partner role moved here.
    await expect.poll(() => testId('party-roles').textContent()).toContain('Partner');
    expect(await testId('duplicates-banner').count()).toBe(0);
    await screenshot(page, 'parties-07-merged');

    await testId('unmerge').click();
    await expect.poll(() => testId('merged-banner').count()).toBe(0);
    await expect.poll(() => testId('party-roles').textContent()).not.toContain('Partner');
    await expect.poll(() => testId('duplicates-banner').textContent()).toContain(`张 伟 ${stamp}`);
  });

  it('lists my tasks of the week and marks one done', async () => {
    await page.goto(`${server.url}/tasks?due=week`);
    const item = testId('task-item').filter({ hasText: `Send the offer ${stamp}` });
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(1);
    await screenshot(page, 'parties-08-tasks');
    await item.getByTestId('task-done').click();
    await expect.poll(() => item.count()).toBe(0);
  });

  it('draws the relationship map, in both languages', async () => {
    const party = (await apiCall('GET', `/api/parties/${partyId}`)).json as {
      roles: { role: string; version: number }[];
    };
    const version = party.roles.find((r) => r.role === 'customer')?.version;
    const scored = await apiCall('PUT', `/api/parties/${partyId}/roles/customer`, {
      level: 'basic',
      targetLevel: 'partnership',
      initiativeScore: 4,
      participationScore: 2,
      reason: 'Plan',
      version,
    });
    expect(scored.status).toBe(200);
    await page.goto(`${server.url}/parties/relationship-map`);
    await expect.poll(() => page.locator('[data-testid=levels-chart] canvas').count(), { timeout: 15_000 }).toBe(1);
    expect(await testId('levels-chart').getAttribute('aria-label')).toContain('Clients of our products and services');
    expect(await testId('quadrant-proactive').textContent()).toMatch(/^1/);
    await screenshot(page, 'parties-09-map');

    await testId('language-switch').click();
    await testId('language-option-zh-CN').click();
    await expect.poll(() => testId('levels-chart').getAttribute('aria-label')).toContain('企业产品和服务的客户');
    await screenshot(page, 'parties-10-map-zh');
    await page.goto(`${server.url}/parties/${partyId}`);
    await expect.poll(() => testId('role-customer').textContent()).toContain('发展中');
    await screenshot(page, 'parties-11-detail-zh');
    await testId('language-switch').click();
    await testId('language-option-en').click();
    await expect.poll(() => testId('role-customer').textContent()).toContain('Developing');
  });
});
