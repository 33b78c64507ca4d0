import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { submitSignIn } from './support/page.ts';
import { launchBrowser, screenshot, type BrowserSession } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: BrowserSession;
let page: Page;
const stamp = Date.now().toString(36);
const testId = (id: string) => page.getByTestId(id);
const rows = () => page.locator('[data-testid=users-table] tr[data-row-key]');
const headers = () => page.locator('[data-testid=users-table] thead th').allTextContents();

/** Creates users straight through the API (the browser's cookie and CSRF token), to have something to page through. */
async function seedUsers(count: number) {
  await page.evaluate(
    async ({ count, stamp }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      for (let i = 0; i < count; i++) {
        const role = i % 2 === 0 ? 'agent' : 'manager';
        const response = await fetch('/api/users', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({
            email: `t${i}.${stamp}@example.com`,
            displayName: `Table ${String(i).padStart(2, '0')} ${stamp}`,
            password: 'a-long-enough-password',
            roles: [role],
          }),
        });
        if (response.status !== 201) {
          throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
        }
      }
    },
    { count, stamp },
  );
}

describe('data table', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(`${server.url}/sign-in?next=%2Fsettings%2Fusers`);
    await submitSignIn(page);
    await page.waitForURL(/\/settings\/users$/);
    await seedUsers(12);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('pages through the server with Next and Previous', async () => {
    await page.goto(`${server.url}/settings/users?q=${stamp}`);
    await testId('table-page-size').click();
    await page.locator('.ant-select-item-option', { hasText: '10 / page' }).click();
    await expect.poll(() => rows().count()).toBe(10);
    const first = await rows().first().textContent();
    await testId('table-next').click();
    await expect.poll(() => rows().count()).toBe(2);
    expect(await testId('table-page').textContent()).toBe('Page 2');
    expect(await testId('table-next').isDisabled()).toBe(true);
    await testId('table-prev').click();
    await expect.poll(() => rows().first().textContent()).toBe(first);
  });

  it('sorts by a column through the server', async () => {
    await page.goto(`${server.url}/settings/users?q=${stamp}&sort=-displayName`);
    await expect.poll(() => rows().first().textContent()).toContain(`Table 11 ${stamp}`);
    await page.locator('[data-testid=users-table] thead th', { hasText: 'Name' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('displayName');
    await expect.poll(() => rows().first().textContent()).toContain(`Table 00 ${stamp}`);
  });

  it('filters by a column and saves the view', async () => {
    await page.goto(`${server.url}/settings/users?q=${stamp}`);
    await page
      .locator('[data-testid=users-table] thead th', { hasText: 'Roles' })
      .locator('.ant-table-filter-trigger')
      .click();
    await page.locator('.ant-table-filter-dropdown .ant-radio-wrapper', { hasText: 'Manager' }).click();
    await expect.poll(() => testId('filter-chip-role').textContent()).toContain('Manager');
    await expect.poll(async () => (await rows().allTextContents()).every((t) => t.includes('Manager'))).toBe(true);
    expect(await rows().count()).toBe(6);

    await testId('column-picker').click();
    await testId('column-toggle-email').click();
    await page.keyboard.press('Escape');
    await expect.poll(headers).not.toContain('Email');

    await testId('views-save').click();
    await testId('views-name').fill(`Managers ${stamp}`);
    await testId('views-name').press('Enter');
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('View saved');
    await screenshot(page, '10-users-filtered');

    // A fresh page has the defaults again; choosing the view restores filter, columns and all.
    await page.goto(`${server.url}/settings/users`);
    await expect.poll(headers, { timeout: 10_000 }).toContain('Email');
    await testId('views-select').click();
    await page.locator('.ant-select-item-option', { hasText: `Managers ${stamp}` }).click();
    await expect.poll(() => testId('filter-chip-role').isVisible()).toBe(true);
    await expect.poll(headers).not.toContain('Email');
    // The chip shows at once; the rows follow when the filtered page arrives.
    await expect.poll(() => rows().count()).toBe(6);
  });

  it('exports what the table shows', async () => {
    await testId('export').click();
    const download = page.waitForEvent('download');
    await testId('export-csv').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    expect(file.url()).toContain('role=manager');
    expect(file.url()).not.toContain('email');
    const path = await file.path();
    const { readFileSync } = await import('node:fs');
    const csv = readFileSync(path, 'utf8');
    expect(csv.split(/\r?\n/).filter(Boolean).length).toBe(7);
    expect(csv).not.toContain(`t0.${stamp}@example.com`);
  });

  it('opens a row from the keyboard', async () => {
    await rows().first().focus();
    await page.keyboard.press('ArrowDown');
    const second = await rows().nth(1).getAttribute('data-row-key');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/settings/users/${second}$`));
    await expect.poll(() => testId('user-title').textContent()).toContain(stamp);
  });
});
