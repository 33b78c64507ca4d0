import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall as sharedApiCall, atHome, submitSignIn } from './support/page.ts';
import { launchBrowser, screenshot, type BrowserSession } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

// The quality review loop on a phone: the previous cycle's interview found trust 4; in the next cycle the
// interviewer records trust 2 on a 375 × 667 screen, and the customer shows under relationships in trouble.

let server: RunningServer;
let browser: BrowserSession;
let page: Page;
const stamp = Date.now().toString(36);
const customerName = `Lin Key ${stamp}`;
let customerId = '';
let reviewId = '';

const testId = (id: string) => page.getByTestId(id);
const apiCall = (method: string, p: string, body?: unknown) => sharedApiCall(page, method, p, body);
async function ok<T>(method: string, p: string, body?: unknown): Promise<T> {
  const res = await apiCall(method, p, body);
  expect(res.status, JSON.stringify(res.json)).toBeLessThan(300);
  return res.json as T;
}

describe('quality review', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(`${server.url}/sign-in`);
    await submitSignIn(page);
    await page.waitForURL(atHome);
    // The admin interviews: linked to an employee record with a training record (interviewers are trained staff).
    const me = await ok<{ user: { id: string } }>('GET', '/api/auth/me');
    const user = await ok<{ version: number }>('GET', `/api/users/${me.user.id}`);
    // Trained first, linked after: an employee does not change their own file.
    const employee = await ok<{ id: string; roles: { role: string; version: number }[] }>('POST', '/api/parties', {
      kind: 'person',
      displayName: `Interviewer ${stamp}`,
      roles: [{ role: 'employee' }],
    });
    await ok('PATCH', `/api/employees/${employee.id}`, {
      training: { title: 'Face-to-face interviews' },
      version: employee.roles.find((r) => r.role === 'employee')?.version,
    });
    await ok('PATCH', `/api/users/${me.user.id}`, { partyId: employee.id, version: user.version });
    customerId = (
      await ok<{ id: string }>('POST', '/api/parties', {
        kind: 'person',
        displayName: customerName,
        roles: [{ role: 'customer' }],
      })
    ).id;
    const first = await ok<{ id: string }>('POST', '/api/quality-reviews', {
      name: `Review ${stamp}`,
      indicators: [
        { key: 'quality', nameZh: '质量', nameEn: 'Quality', source: 'customer_value' },
        { key: 'delivery', nameZh: '交付', nameEn: 'Delivery', source: 'revenue' },
      ],
      assignments: [{ partyId: customerId, interviewerId: me.user.id }],
    });
    await ok('POST', `/api/quality-reviews/${first.id}/interviews`, {
      partyId: customerId,
      ratings: { quality: 4, delivery: 4 },
      trust: 4,
    });
    reviewId = (await ok<{ id: string }>('POST', `/api/quality-reviews/${first.id}/next`, {})).id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('records an interview on a phone and flags the customer whose trust fell', async () => {
    await page.setViewportSize({ width: 375, height: 667 });
    await page.goto(`${server.url}/quality-reviews/${reviewId}`);
    await testId('step-loop').waitFor();
    await testId(`customer-${customerId}`).getByTestId('start-interview').click();
    const drawer = testId('interview-drawer');
    await drawer.waitFor();
    await testId('rate-quality').locator('[role="radio"]').nth(2).click();
    await testId('rate-delivery').locator('[role="radio"]').nth(1).click();
    await testId('rate-trust').locator('[role="radio"]').nth(1).click();
    await testId('urgent-need').fill('Late deliveries');
    // The form fits the phone's width: no horizontal scrolling.
    const box = await page.locator('.ant-drawer-content').boundingBox();
    expect(box?.width).toBeLessThanOrEqual(375);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await screenshot(page, 'quality-review-interview-phone');
    await testId('interview-save').click();
    await drawer.waitFor({ state: 'hidden' });
    const flagged = testId(`trouble-${customerId}`);
    await flagged.scrollIntoViewIfNeeded();
    await expect.poll(() => flagged.textContent()).toContain(customerName);
    const text = (await flagged.textContent()) ?? '';
    expect(text).toContain('4 → 2');
    expect(text).toContain('Low trust');
    expect(text).toContain('Trust fell');
    await testId('trust-heatmap').waitFor();
    await screenshot(page, 'quality-review-trouble-phone');
  });
});
