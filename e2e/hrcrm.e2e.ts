import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall as sharedApiCall, atHome, submitSignIn } from './support/page.ts';
import { launchBrowser, screenshot, type BrowserSession } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

// The HR-department CRM and party links: a person is linked to the company they work at from the party page and
// both ends show it; HR sets a group's target type with a reason and sees the arrow and the history; records an
// activity under the 4Rs and marks it done; and reads the group's evaluation, recording its contribution.

let server: RunningServer;
let browser: BrowserSession;
let page: Page;
const stamp = Date.now().toString(36);
const ada = { name: `Ada Wu ${stamp}`, id: '' };
const acme = { name: `Acme Trading ${stamp}`, id: '' };

const testId = (id: string) => page.getByTestId(id);
const apiCall = (method: string, p: string, body?: unknown) => sharedApiCall(page, method, p, body);
/** An antd InputNumber's input, whether the test id lands on the input itself or on its wrapper. */
const numberInput = (id: string) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();
const openOption = (text: string) =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text });

async function createParty(body: unknown): Promise<string> {
  const res = await apiCall('POST', '/api/parties', body);
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return (res.json as { id: string }).id;
}

describe('hr-crm', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(`${server.url}/sign-in`);
    await submitSignIn(page);
    await page.waitForURL(atHome);
    ada.id = await createParty({ kind: 'person', displayName: ada.name, roles: [{ role: 'customer' }] });
    acme.id = await createParty({ kind: 'organization', displayName: acme.name, roles: [{ role: 'customer' }] });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('links a person to the company they work at; both parties show the link', async () => {
    await page.goto(`${server.url}/parties/${ada.id}`);
    await testId('party-links').waitFor();
    await testId('link-add').click();
    await testId('link-type').click();
    await openOption('Works at').click();
    const picker = testId('link-party');
    await picker.click();
    await picker.locator('input').fill(acme.name);
    await openOption(acme.name).click();
    await testId('link-role').fill('Buyer');
    await testId('link-save').click();
    await testId('link-save').waitFor({ state: 'hidden' });
    await expect.poll(() => testId('link-list').textContent()).toContain(acme.name);
    await expect.poll(() => testId('link-list').textContent()).toContain('Buyer');
    await expect.poll(() => testId('link-type-label').first().textContent()).toBe('Works at');

    // The other end reads it the other way round, with Ada's name and page.
    await testId('link-other').filter({ hasText: acme.name }).click();
    await page.waitForURL(new RegExp(`/parties/${acme.id}$`));
    await expect.poll(() => testId('link-list').textContent()).toContain(ada.name);
    await expect.poll(() => testId('link-type-label').first().textContent()).toBe('Employs');
    await testId('party-network').waitFor();
    await screenshot(page, 'hrcrm-party-links');
  });

  it('sets a group’s target type with a reason; the arrow and the history show it', async () => {
    await page.goto(`${server.url}/parties/relationship-map`);
    await testId('groups-quadrant-chart').waitFor();
    await testId('assess-line_managers').click();
    await testId('relationship-save').waitFor();
    await testId('rel-initiative').getByText('2', { exact: true }).click();
    await testId('rel-participation').getByText('4', { exact: true }).click();
    await expect.poll(() => testId('rel-derived').textContent()).toContain('Reactive');
    // Under load a click can land while the dropdown still animates: pick again until the target shows.
    await expect
      .poll(async () => {
        await testId('rel-target-quadrant').click();
        await openOption('Partnership')
          .click({ timeout: 5000 })
          .catch(() => undefined);
        return testId('rel-target-quadrant').textContent();
      })
      .toContain('Partnership');
    // The reason is required: saving without one is refused on the field.
    await testId('relationship-save').click();
    await page.locator('.ant-form-item-explain-error', { hasText: 'Say why' }).waitFor();
    await testId('rel-reason').fill(`Managers should co-design HR policy ${stamp}`);
    await testId('relationship-save').click();
    await testId('relationship-save').waitFor({ state: 'hidden' });

    const row = testId('group-row-line_managers');
    await expect.poll(() => row.getByTestId('type-tags').textContent()).toMatch(/Reactive.*Partnership/);
    // The chart's description lists the arrow from the current to the target type.
    await expect
      .poll(() => testId('groups-quadrant-chart').getAttribute('aria-label'))
      .toMatch(/Reactive → Partnership/);
    await testId('assessment-history-line_managers').click();
    await expect
      .poll(() => testId('relationship-history').textContent())
      .toContain(`Managers should co-design HR policy ${stamp}`);
    await screenshot(page, 'hrcrm-assessment-history');
  });

  it('records an activity under the 4Rs and marks it done', async () => {
    await page.goto(`${server.url}/hr-crm`);
    await testId('wing-internal').waitFor();
    await testId('wing-external').waitFor();
    await expect.poll(() => testId('butterfly-group-line_managers').textContent()).toMatch(/Reactive.*Partnership/);
    await testId('open-group-line_managers').click();
    await page.waitForURL(/\/hr-crm\/groups\/line_managers/);
    await testId('process').waitFor();
    await expect.poll(() => page.locator('[data-testid^="step-"][data-testid$="collect"]').count()).toBeGreaterThan(0);

    await testId('tab-activities').click();
    await testId('activity-add').click();
    await testId('activity-r').click();
    await openOption('Relationship').click();
    await testId('activity-title').fill(`Quarterly HR round table ${stamp}`);
    await testId('activity-objective').fill('Hear what line managers need from HR');
    await numberInput('activity-budget').fill('1200');
    await testId('activity-save').click();
    await testId('activity-save').waitFor({ state: 'hidden' });
    const column = testId('r-relationship');
    await expect.poll(() => column.textContent()).toContain(`Quarterly HR round table ${stamp}`);
    await column.getByTestId('activity-done').click();
    await expect.poll(() => column.getByTestId('activity-status-tag').textContent()).toBe('Done');
  });

  it('shows the evaluation and records the group’s contribution', async () => {
    await testId('tab-evaluation').click();
    await testId('evaluation').waitFor();
    // Without an expectation survey for the group the server says why the numbers are missing.
    await expect
      .poll(async () => (await testId('evaluation-table').count()) + (await testId('evaluation-note').count()))
      .toBeGreaterThan(0);
    await testId('contribution-text').fill(`Managers ran the mentoring pilot ${stamp}`);
    await numberInput('contribution-value').fill('5000');
    await testId('contribution-save').click();
    await expect
      .poll(() => testId('contributions').textContent())
      .toContain(`Managers ran the mentoring pilot ${stamp}`);
    await screenshot(page, 'hrcrm-evaluation');
  });
});
