import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall as sharedApiCall, atHome, submitSignIn } from './support/page.ts';
import { launchBrowser, screenshot, type BrowserSession } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

// An employee's own pages: the surveys they are invited to (answered from the app, no email link) and their account
// (password, sessions). The admin sets the scene through the API.
let server: RunningServer;
let admin: BrowserSession;
let employee: BrowserSession;
let page: Page;
const stamp = Date.now().toString(36);
const email = `wang.lei.${stamp}@example.com`;
const firstPassword = 'employee-pass-9';
const newPassword = 'plum-orchard-2031';
const surveyTitle = `Team pulse ${stamp}`;
const testId = (id: string) => page.getByTestId(id);
const adminApi = (method: string, path: string, body?: unknown) => sharedApiCall(admin.page, method, path, body);

describe('my surveys and my account', () => {
  beforeAll(async () => {
    server = await startServer();
    admin = await launchBrowser();
    await admin.page.goto(`${server.url}/sign-in`);
    await submitSignIn(admin.page);
    await admin.page.waitForURL(atHome);

    // Five employees (an anonymous survey without mail hands out at least five links); the first one signs in.
    const partyIds: string[] = [];
    for (const name of ['王磊', '陈静', 'Zhou Min', 'Wu Tao', 'Xu Ning']) {
      const res = await adminApi('POST', '/api/parties', {
        kind: 'person',
        displayName: `${name} ${stamp}`,
        roles: [{ role: 'employee' }],
      });
      expect(res.status).toBe(201);
      partyIds.push((res.json as { id: string }).id);
    }
    const user = (
      await adminApi('POST', '/api/users', {
        email,
        displayName: `Wang Lei ${stamp}`,
        password: firstPassword,
        roles: ['employee'],
      })
    ).json as { id: string; version: number };
    const linked = await adminApi('PATCH', `/api/users/${user.id}`, { partyId: partyIds[0], version: user.version });
    expect(linked.status).toBe(200);

    const created = await adminApi('POST', '/api/surveys', {
      kind: 'enps',
      title: { zh: `团队脉搏 ${stamp}`, en: surveyTitle },
      audience: { kind: 'employees' },
      anonymous: true,
    });
    expect(created.status).toBe(201);
    const s = created.json as { id: string; version: number };
    expect((await adminApi('PATCH', `/api/surveys/${s.id}`, { status: 'open', version: s.version })).status).toBe(200);
    const invited = await adminApi('POST', `/api/surveys/${s.id}/invitations`, { partyIds });
    expect(invited.status).toBe(200);
    expect((invited.json as { items: { partyId: string | null }[] }).items.map((i) => i.partyId)).toEqual(
      Array(5).fill(null),
    );

    employee = await launchBrowser();
    page = employee.page;
    await page.goto(`${server.url}/sign-in`);
    await submitSignIn(page, email, firstPassword);
  });

  afterAll(async () => {
    await employee?.close();
    await admin?.close();
    await server?.stop();
  });

  it('starts an employee on their home page, My surveys first in the navigation, and answers one from there', async () => {
    await page.waitForURL(atHome);
    expect(await page.locator('nav [data-testid^="nav-"]').first().getAttribute('data-testid')).toBe('nav-me.surveys');
    await page.getByTestId('nav-me.surveys').click();
    await page.waitForURL(/\/me\/surveys$/);
    const item = page.locator('[data-testid^="my-survey-"]', { hasText: surveyTitle });
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(1);
    expect(await item.getByTestId('my-survey-anonymous-hint').textContent()).toBe(
      'Your answers are not linked to you.',
    );
    await screenshot(page, 'account-01-my-surveys');

    await item.getByTestId('my-survey-answer').click();
    await page.waitForURL(/\/s\/[\w-]+$/);
    await expect.poll(() => page.getByTestId('survey-title').textContent()).toBe(surveyTitle);
    const scale = page.locator('[data-testid^="answer-"][role="radio"]');
    await expect.poll(() => scale.count()).toBeGreaterThan(0);
    await page.getByTestId('answer-enps-8').click();
    await page.getByTestId('answer-submit').click();
    await page.getByTestId('survey-state-thanks').waitFor();
    await page.getByTestId('survey-back').click();
    await page.waitForURL(/\/me\/surveys$/);
    await expect.poll(() => item.getByTestId('my-survey-answered').count(), { timeout: 10_000 }).toBe(1);
    expect(await item.getByTestId('my-survey-answer').count()).toBe(0);
    await screenshot(page, 'account-02-answered');
  });

  it('changes the password: the server says why one is refused, other sessions end, this one stays', async () => {
    // A second session of the same user, as a script would open it.
    const other = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: firstPassword }),
    });
    expect(other.status).toBe(200);
    const otherCookie = other.headers.get('set-cookie')?.split(';')[0] ?? '';

    await testId('user-menu').click();
    await testId('menu-my-account').click();
    await page.waitForURL(/\/me\/account$/);
    await expect.poll(() => testId('session-current').count(), { timeout: 10_000 }).toBe(1);
    expect(await testId('session-other').count()).toBe(1);
    expect(await testId('session-current').getByTestId('session-device').textContent()).toMatch(/Chrome.* on Linux/);
    expect(await testId('session-current').textContent()).toContain('This device');
    expect(await testId('session-other').getByTestId('session-device').textContent()).toContain('Node.js');

    await testId('password-current').fill(firstPassword);
    await testId('password-new').fill('password123');
    await testId('password-repeat').fill('password123');
    await testId('password-save').click();
    const newField = page.locator('.ant-form-item', { has: testId('password-new') });
    await expect
      .poll(() => newField.locator('.ant-form-item-explain-error').textContent(), { timeout: 10_000 })
      .toContain('list of common passwords');
    await page.waitForTimeout(400); // the message slides in
    await screenshot(page, 'account-03-common-password');

    await testId('password-current').fill('not-my-password');
    await testId('password-new').fill(newPassword);
    await testId('password-repeat').fill(newPassword);
    await testId('password-save').click();
    const currentField = page.locator('.ant-form-item', { has: testId('password-current') });
    await expect
      .poll(() => currentField.locator('.ant-form-item-explain-error').textContent(), { timeout: 10_000 })
      .toContain('Not your current password');

    await testId('password-current').fill(firstPassword);
    await testId('password-save').click();
    await expect.poll(() => testId('password-changed').textContent(), { timeout: 10_000 }).toContain('API tokens');
    // The other session is gone; this one is still signed in.
    await expect.poll(() => testId('session-other').count(), { timeout: 10_000 }).toBe(0);
    expect(await testId('session-current').count()).toBe(1);
    const stale = await fetch(`${server.url}/api/auth/me`, { headers: { cookie: otherCookie } });
    expect(stale.status).toBe(401);
    await screenshot(page, 'account-04-password-changed');

    // The new password signs in.
    const again = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: newPassword }),
    });
    expect(again.status).toBe(200);
    await page.reload();
    await expect.poll(() => testId('session-other').count(), { timeout: 10_000 }).toBe(1);
    await testId('sessions-end-others').click();
    await page.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
    await expect.poll(() => testId('session-other').count(), { timeout: 10_000 }).toBe(0);
  });

  it('saves the name and language of the profile', async () => {
    await testId('account-display-name').fill(`Wang Lei (HQ) ${stamp}`);
    await testId('account-locale').click();
    await page.locator('.ant-select-item-option', { hasText: '简体中文' }).click();
    await testId('account-profile-save').click();
    await expect.poll(() => testId('user-menu').textContent(), { timeout: 10_000 }).toContain('Wang Lei (HQ)');
    await expect.poll(() => testId('account-page').textContent()).toContain('登录设备');
    await screenshot(page, 'account-05-zh');
    const me = (await sharedApiCall(page, 'GET', '/api/auth/me')).json as { user: { locale: string } };
    expect(me.user.locale).toBe('zh-CN');
  });
});
