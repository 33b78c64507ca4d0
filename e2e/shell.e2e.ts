import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { submitSignIn } from './support/page.ts';
import { launchBrowser, screenshot, type BrowserSession } from './support/browser.ts';
import { adminEmail, startServer, type RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: BrowserSession;
let page: Page;
const stamp = Date.now().toString(36);
const newUser = { email: `li.na.${stamp}@example.com`, name: `李娜 ${stamp}` };
const tokenName = `BI export ${stamp}`;

const testId = (id: string) => page.getByTestId(id);

async function signIn() {
  await submitSignIn(page);
}

/** Clicks OK in the open Popconfirm. */
async function confirmPopover() {
  await page.locator('.ant-popover:not(.ant-popover-hidden) .ant-popconfirm-buttons .ant-btn-primary').click();
}

describe('web shell', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sends a signed-out visitor to sign-in and rejects a wrong password', async () => {
    await page.goto(`${server.url}/settings/users`);
    await page.waitForURL(/\/sign-in\?next=%2Fsettings%2Fusers$/);
    await expect.poll(() => testId('sign-in-notice').isVisible()).toBe(true);
    await testId('sign-in-email').fill(adminEmail);
    await testId('sign-in-password').fill('wrong-password-1');
    await testId('sign-in-submit').click();
    await expect.poll(() => testId('sign-in-error').textContent()).toContain('Email or password is incorrect');
    await screenshot(page, '01-sign-in');
  });

  it('signs in and returns to the page that was asked for', async () => {
    await signIn();
    await page.waitForURL(/\/settings\/users$/);
    await expect.poll(() => testId('users-table').textContent(), { timeout: 10_000 }).toContain(adminEmail);
    expect(await testId('org-name').textContent()).toBeTruthy();
    await screenshot(page, '02-users');
  });

  it('switches to Chinese, remembers it for the user, and switches back', async () => {
    await testId('language-switch').click();
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/auth/me') && r.request().method() === 'PATCH');
    await testId('language-option-zh-CN').click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => testId('nav-settings.users').textContent()).toBe('用户');
    expect(await testId('language-switch').textContent()).toContain('简体中文');
    expect(await page.getByRole('heading', { level: 3 }).first().textContent()).toBe('用户');
    await screenshot(page, '03-users-zh');

    // Saved on the server: a fresh load (local storage cleared) still comes up in Chinese.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect.poll(() => testId('nav-settings.users').textContent(), { timeout: 15_000 }).toBe('用户');

    await testId('language-switch').click();
    const savedEn = page.waitForResponse((r) => r.url().endsWith('/api/auth/me') && r.request().method() === 'PATCH');
    await testId('language-option-en').click();
    expect((await savedEn).status()).toBe(200);
    await expect.poll(() => testId('nav-settings.users').textContent()).toBe('Users');
    expect(await testId('language-switch').textContent()).toContain('English');
  });

  it('creates a user with roles and opens their record', async () => {
    await testId('user-create').click();
    await testId('user-displayName').fill(newUser.name);
    await testId('user-email').fill(newUser.email);
    await testId('user-password').fill('short');
    await testId('user-roles').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: 'Agent' })
      .click();
    await page.keyboard.press('Escape');
    await testId('user-save').click();
    // Client-side validation keeps a too-short password from being sent.
    await expect
      .poll(() => page.locator('.ant-form-item-explain-error').allTextContents())
      .toContain('At least 10 characters');
    await testId('user-password').fill('a-long-enough-password');
    await testId('user-save').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain(`${newUser.name} was created`);
    const search = page.locator('input[data-testid=table-search], [data-testid=table-search] input');
    await search.fill(newUser.email);
    await search.press('Enter');
    await expect.poll(() => testId('users-table').textContent()).toContain(newUser.email);

    const row = page.locator('[data-testid=users-table] tr[data-row-key]', { hasText: newUser.email });
    expect(await row.textContent()).toContain('Agent');
    // Keyboard: focus the row and press Enter to open it.
    await row.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/settings\/users\/[0-9a-f-]{36}$/);
    await expect.poll(() => testId('user-title').textContent()).toBe(newUser.name);
    await expect.poll(() => testId('timeline').textContent()).toContain('Created');
    await screenshot(page, '04-user-detail');
  });

  it('creates a token, shows it once, and revokes it', async () => {
    await testId('nav-settings.tokens').click();
    await page.waitForURL(/\/settings\/tokens$/);
    await testId('token-create').click();
    await testId('token-name').fill(tokenName);
    await testId('token-name').press('Enter');
    await expect.poll(() => testId('token-value').inputValue()).not.toBe('');
    const secret = await testId('token-value').inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await screenshot(page, '05-token-created');
    await testId('token-done').click();

    const row = page.locator('[data-testid=tokens-table] tr[data-row-key]', { hasText: tokenName });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).not.toContain(secret);
    await testId(`token-revoke-${tokenName}`).click();
    await confirmPopover();
    // Revoked tokens leave the default list and show up with "Show revoked".
    await expect.poll(() => row.count()).toBe(0);
    await testId('tokens-show-revoked').click();
    await expect.poll(() => row.textContent()).toContain('Revoked');
    await screenshot(page, '06-tokens');
  });

  it('shows the audit entries for the user and the token', async () => {
    await testId('nav-settings.audit').click();
    await page.waitForURL(/\/settings\/audit$/);
    const rows = page.locator('[data-testid=audit-table] tr[data-row-key]');
    await expect.poll(() => rows.count()).toBeGreaterThan(3);

    await page.goto(`${server.url}/settings/audit?entityType=token`);
    await expect.poll(() => testId('filter-chip-entityType').textContent()).toContain('API token');
    await expect.poll(async () => (await rows.allTextContents()).join('\n')).toContain('Revoked');
    const texts = await rows.allTextContents();
    expect(texts.some((t) => t.includes('Created'))).toBe(true);
    expect(texts.every((t) => t.includes('API token'))).toBe(true);

    await page.goto(`${server.url}/settings/audit?entityType=user&action=create`);
    const created = rows.filter({ hasText: '系统管理员' }).first();
    await expect.poll(() => created.count(), { timeout: 10_000 }).toBe(1);
    await created.locator('.ant-table-row-expand-icon').first().click();
    // The change reads in plain language (field labels, role names), the raw rows stay one click away.
    const lines = testId('audit-change-lines').first();
    await expect.poll(() => lines.textContent()).toContain('Roles');
    expect(await lines.textContent()).toContain('Agent');
    expect(await lines.textContent()).not.toContain('"roles"');
    await testId('audit-changes').first().getByText('Raw data').click();
    await expect.poll(() => testId('audit-changes').first().textContent()).toContain('"roles"');
    await screenshot(page, '07-audit');
    await testId('audit-record-link').first().click();
    await page.waitForURL(/\/settings\/users\/[0-9a-f-]{36}$/);
  });

  it('shows users per role on the settings overview', async () => {
    await testId('nav-settings.overview').click();
    await page.waitForURL(/\/settings$/);
    await expect.poll(() => page.locator('[data-testid=roles-chart] canvas').count(), { timeout: 15_000 }).toBe(1);
    expect(await testId('roles-chart').getAttribute('aria-label')).toMatch(/Agent [1-9]/);
    await screenshot(page, '08-overview');
  });

  it('builds the org unit tree', async () => {
    await testId('nav-settings.orgUnits').click();
    await testId('org-unit-create-root').click();
    await testId('org-unit-new-name').fill('总公司');
    await testId('org-unit-new-name').press('Enter');
    await expect.poll(() => testId('org-tree').textContent()).toContain('总公司');
    await testId('org-unit-create-child').click();
    await testId('org-unit-new-name').fill('销售部');
    await testId('org-unit-new-name').press('Enter');
    await expect.poll(() => testId('org-tree').textContent()).toContain('销售部');
    await testId('org-unit-name').fill('销售一部');
    await testId('org-unit-save').click();
    await expect.poll(() => testId('org-tree').textContent()).toContain('销售一部');
    await screenshot(page, '09-org-units');
  });

  it('sends an expired session to sign-in and comes back to the same page', async () => {
    await page.goto(`${server.url}/settings/audit?entityType=token`);
    await expect
      .poll(() => page.locator('[data-testid=audit-table] tr[data-row-key]').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await browser.context.clearCookies();
    await testId('global-search').fill('adm');
    await page.waitForURL(/\/sign-in\?next=/);
    expect(decodeURIComponent(new URL(page.url()).searchParams.get('next') ?? '')).toBe(
      '/settings/audit?entityType=token',
    );
    await signIn();
    await page.waitForURL(/\/settings\/audit\?entityType=token$/);
    await expect.poll(() => testId('filter-chip-entityType').isVisible()).toBe(true);
  });

  it('finds records with the global search', async () => {
    await testId('global-search').fill(newUser.email.slice(0, 12));
    await page.getByTestId('search-result').filter({ hasText: newUser.name }).click();
    await page.waitForURL(/\/settings\/users\/[0-9a-f-]{36}$/);
    await expect.poll(() => testId('user-title').textContent()).toBe(newUser.name);

    // Enter opens the first result.
    await page.goto(`${server.url}/`);
    await testId('global-search').fill(newUser.email);
    await expect.poll(() => page.getByTestId('search-result').count()).toBe(1);
    await testId('global-search').press('Enter');
    await page.waitForURL(/\/settings\/users\/[0-9a-f-]{36}$/);
    await expect.poll(() => testId('user-title').textContent()).toBe(newUser.name);
  });

  it('keeps the last sidebar entry clickable above the collapse bar at common screen sizes', async () => {
    for (const [width, height] of [
      [1366, 768],
      [1440, 900],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(`${server.url}/`);
      const last = page.locator('nav [data-testid^="nav-"]').last();
      await last.scrollIntoViewIfNeeded();
      // What a click at the entry's centre would hit: the entry itself, not the collapse bar drawn over it.
      const hit = await last.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return Boolean(top && (el.contains(top) || top.contains(el)));
      });
      expect(hit, `${width}×${height}`).toBe(true);
      const href = await last.getAttribute('href');
      await last.click();
      await page.waitForURL((u) => u.pathname === href);
    }
    await page.setViewportSize({ width: 1366, height: 860 });
  });

  it('turns animations off when the system asks for reduced motion', async () => {
    // Whether a dialog zooms in: the class antd's motion puts on it while the animation runs, caught by an observer
    // set before the click. (Without motion the dialog still passes through a one-frame "prepare" step, never this.)
    const zoomed = () => page.evaluate(() => (window as unknown as { zoomed: boolean }).zoomed);
    const openDialog = async () => {
      await page.goto(`${server.url}/parties`);
      await page.evaluate(() => {
        const w = window as unknown as { zoomed: boolean };
        w.zoomed = false;
        const active = '.ant-zoom-enter-active, .ant-zoom-appear-active';
        const zooms = (n: Node) => n instanceof Element && (n.matches(active) || !!n.querySelector(active));
        new MutationObserver((changes) => {
          if (changes.some((c) => zooms(c.target) || Array.from(c.addedNodes).some(zooms))) {
            w.zoomed = true;
          }
        }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
      });
      await testId('party-create').click();
      await testId('party-displayName').waitFor();
    };
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await openDialog();
    await expect.poll(zoomed).toBe(true);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openDialog();
    expect(await zoomed()).toBe(false);
    await page.keyboard.press('Escape');
    await testId('party-displayName').waitFor({ state: 'hidden' });
  });

  it('signs out, after which protected pages need sign-in again', async () => {
    await testId('user-menu').click();
    await testId('sign-out').click();
    await page.waitForURL(/\/sign-in$/);
    await page.goto(`${server.url}/settings/tokens`);
    await page.waitForURL(/\/sign-in\?next=%2Fsettings%2Ftokens$/);
    await expect.poll(() => testId('sign-in-submit').isVisible()).toBe(true);
  });
});
