import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall, atHome, submitSignIn } from './support/page.ts';
import { launchBrowser, screenshot, type BrowserSession } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

// The bell: the admin gives an agent two tasks on the agent's customer; the agent, on a phone-sized screen, sees the
// badge, opens the panel, follows the first notification to the customer (which marks it read), and marks the rest
// read. The bell sits beside the search and the language switch without covering either.
let server: RunningServer;
let admin: BrowserSession;
let agent: BrowserSession;
let page: Page;
const stamp = Date.now().toString(36);
const email = `li.na.${stamp}@example.com`;
const password = 'agent-pass-2031';
const customerName = `Notify Customer ${stamp}`;
const testId = (id: string) => page.getByTestId(id);
const adminApi = (method: string, path: string, body?: unknown) => apiCall(admin.page, method, path, body);
const badge = () =>
  page
    .locator('[data-testid="notification-badge"] .ant-badge-count')
    .textContent()
    .catch(() => '');

describe('notifications', () => {
  let partyId = '';

  beforeAll(async () => {
    server = await startServer();
    admin = await launchBrowser();
    await admin.page.goto(`${server.url}/sign-in`);
    await submitSignIn(admin.page);
    await admin.page.waitForURL(atHome);
    const user = await adminApi('POST', '/api/users', {
      email,
      displayName: `Li Na ${stamp}`,
      password,
      roles: ['agent'],
    });
    expect(user.status).toBe(201);
    const agentId = (user.json as { id: string }).id;
    const party = await adminApi('POST', '/api/parties', {
      kind: 'person',
      displayName: customerName,
      roles: [{ role: 'customer' }],
      ownerId: agentId,
    });
    expect(party.status).toBe(201);
    partyId = (party.json as { id: string }).id;
    for (const title of ['Bring the contract', 'Call about renewal']) {
      const task = await adminApi('POST', '/api/tasks', {
        partyId,
        kind: 'call_back',
        title,
        dueAt: '2030-01-07T09:00:00Z',
        assigneeId: agentId,
      });
      expect(task.status).toBe(201);
    }
    agent = await launchBrowser();
    page = agent.page;
    await page.setViewportSize({ width: 375, height: 667 });
    await page.goto(`${server.url}/sign-in`);
    await submitSignIn(page, email, password);
    await page.waitForURL(atHome);
  }, 120_000);

  afterAll(async () => {
    await agent?.close();
    await admin?.close();
    await server?.stop();
  });

  it('shows the unread count beside the search and the language switch, covering neither', async () => {
    await expect.poll(badge).toBe('2');
    const boxes = await Promise.all(
      ['notification-bell', 'language-switch', 'user-menu'].map((id) => testId(id).boundingBox()),
    );
    const [bell, language, user] = boxes;
    expect(bell && language && user).toBeTruthy();
    if (bell && language && user) {
      expect(bell.x).toBeGreaterThanOrEqual(language.x + language.width);
      expect(bell.x + bell.width).toBeLessThanOrEqual(user.x);
      expect(bell.x + bell.width).toBeLessThanOrEqual(375);
    }
    const search = await page.locator('[data-testid="global-search"]').boundingBox();
    if (search && bell) {
      expect(search.x + search.width).toBeLessThanOrEqual(bell.x);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  it('opens the panel, follows a notification to the customer and marks it read', async () => {
    await testId('notification-bell').click();
    await testId('notification-panel').waitFor();
    await expect.poll(() => page.locator('[data-testid^="notification-link-"]').count()).toBe(2);
    // On a phone the list is a sheet from the bottom: once it has slid in, it fits the screen and the header shows.
    await page.waitForTimeout(500);
    const panel = await testId('notification-panel').boundingBox();
    const where = `${JSON.stringify(panel)}`;
    expect(panel?.x ?? -1, where).toBeGreaterThanOrEqual(0);
    expect((panel?.x ?? 0) + (panel?.width ?? 999), where).toBeLessThanOrEqual(375);
    expect(panel?.y ?? 0, where).toBeGreaterThan(56);
    await screenshot(page, 'notifications-panel-phone');
    await page.getByText('gave you a task: Bring the contract').click();
    await page.waitForURL((u) => u.pathname === `/parties/${partyId}`);
    await expect.poll(badge).toBe('1');
  });

  it('marks all read', async () => {
    await testId('notification-bell').click();
    await testId('notification-panel').waitFor();
    await expect.poll(() => page.locator('[data-unread="true"]').count()).toBe(1);
    await testId('notification-read-all').click();
    await expect.poll(() => page.locator('[data-unread="true"]').count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid="notification-badge"] .ant-badge-count').count()).toBe(0);
  });
});
