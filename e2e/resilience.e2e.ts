import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall as sharedApiCall, atHome, submitSignIn } from './support/page.ts';
import { launchBrowser, screenshot, type BrowserSession } from './support/browser.ts';
import { adminEmail, adminPassword, startServer, type RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: BrowserSession;
let page: Page;
const stamp = Date.now().toString(36);
const agent = { email: `agent.${stamp}@example.com`, password: 'agent-password-1' };
let agentId = '';
const testId = (id: string) => page.getByTestId(id);

async function signIn(email: string, password: string) {
  await page.goto(`${server.url}/sign-in`);
  await submitSignIn(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

const apiCall = (method: string, path: string, body?: unknown) => sharedApiCall(page, method, path, body);

describe('errors, conflicts and access', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = browser.page;
    await signIn(adminEmail, adminPassword);
    const created = await apiCall('POST', '/api/users', {
      email: agent.email,
      displayName: `Agent ${stamp}`,
      password: agent.password,
      roles: ['agent'],
    });
    expect(created.status).toBe(201);
    agentId = (created.json as { id: string }).id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows a retry on network failure and recovers', async () => {
    await page.route('**/api/users?*', (route) => route.abort('connectionrefused'));
    await page.goto(`${server.url}/settings/users`);
    await expect
      .poll(() => testId('query-error').textContent(), { timeout: 20_000 })
      .toContain("Can't reach the server");
    await screenshot(page, '11-network-error');
    await page.unroute('**/api/users?*');
    await testId('retry').click();
    await expect.poll(() => testId('users-table').textContent()).toContain(agent.email);
  });

  it('shows a server-side conflict (duplicate email) on the form', async () => {
    await testId('user-create').click();
    await testId('user-displayName').fill(`Dup ${stamp}`);
    await testId('user-email').fill(agent.email);
    await testId('user-password').fill('a-long-enough-password');
    await testId('user-save').click();
    // A duplicate email is a 409 CONFLICT: shown translated at the top of the form.
    await expect.poll(() => testId('form-error').textContent()).toContain('email is already in use');
    await page.keyboard.press('Escape');
  });

  it('offers reload-and-compare on a version conflict', async () => {
    await page.goto(`${server.url}/settings/users/${agentId}`);
    await expect.poll(() => testId('user-title').textContent()).toBe(`Agent ${stamp}`);
    // Someone else renames the user meanwhile.
    const current = await apiCall('GET', `/api/users/${agentId}`);
    const version = (current.json as { version: number }).version;
    expect((await apiCall('PATCH', `/api/users/${agentId}`, { displayName: `Renamed ${stamp}`, version })).status).toBe(
      200,
    );

    await testId('user-displayName').fill(`Mine ${stamp}`);
    await testId('user-profile-save').click();
    const modal = testId('version-conflict');
    await expect.poll(() => modal.textContent()).toContain(`Renamed ${stamp}`);
    expect(await modal.textContent()).toContain(`Mine ${stamp}`);
    await screenshot(page, '12-version-conflict');
    await testId('conflict-reload').click();
    await expect.poll(() => testId('user-displayName').inputValue()).toBe(`Renamed ${stamp}`);
    await expect.poll(() => testId('user-title').textContent()).toBe(`Renamed ${stamp}`);
  });

  it('hides admin pages from other roles', async () => {
    await testId('user-menu').click();
    await testId('sign-out').click();
    await page.waitForURL(/\/sign-in$/);
    await signIn(agent.email, agent.password);
    // Home is the page of the user's role cards.
    await page.waitForURL(atHome);
    await expect.poll(() => testId('nav-settings.tokens').isVisible()).toBe(true);
    expect(await testId('nav-settings.users').count()).toBe(0);
    expect(await testId('nav-settings.audit').count()).toBe(0);
    await page.goto(`${server.url}/settings/audit`);
    await expect.poll(() => testId('forbidden').isVisible()).toBe(true);
    await page.goto(`${server.url}/no/such/page`);
    await expect.poll(() => testId('not-found').isVisible()).toBe(true);
    await screenshot(page, '13-not-found');
  });
});
