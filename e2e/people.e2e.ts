import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sqlWhileStopped } from './support/database.ts';
import { apiCall as sharedApiCall, atHome, submitSignIn } from './support/page.ts';
import { launchBrowser, screenshot, type BrowserSession } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

// The People area: HR runs an appraisal cycle from draft to closed (each guard shown where it bites), an employee
// reads and replies to their result, a separation for performance is refused with its reason, and the employee file
// opens with its tabs. The notice period between publishing and opening is days long: the test stops the server,
// moves the publication back eight days in its database and starts it again on the same data.

let server: RunningServer;
let browser: BrowserSession;
let page: Page;
const dataDir = mkdtempSync(path.join(tmpdir(), 'tandem-e2e-people-'));
const stamp = Date.now().toString(36);
const hrEmail = `hr-${stamp}@example.com`;
const meiEmail = `mei-${stamp}@example.com`;
const password = 'people-pass-1234';
const hrName = `Hannah HR ${stamp}`;
const mei = { name: `Mei Lin ${stamp}`, id: '' };
const bo = { name: `Bo Chen ${stamp}`, id: '' };
let cycleUrl = '';

const testId = (id: string) => page.getByTestId(id);
const apiCall = (method: string, p: string, body?: unknown) => sharedApiCall(page, method, p, body);
const openOption = (text: string) =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text });

async function signInAs(email: string, pass: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${server.url}/sign-in`);
  await submitSignIn(page, email, pass);
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

/** Two employees (Mei signs in as herself), and an HR user who runs the cycle. */
async function seed(): Promise<void> {
  for (const e of [mei, bo]) {
    const res = await apiCall('POST', '/api/parties', {
      kind: 'person',
      displayName: e.name,
      roles: [
        {
          role: 'employee',
          employment: { hireDate: '2023-03-01', jobTitle: 'Sales', grade: 'P3', salary: '10000' },
        },
      ],
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    e.id = (res.json as { id: string }).id;
  }
  const hr = await apiCall('POST', '/api/users', { email: hrEmail, displayName: hrName, password, roles: ['hr'] });
  expect(hr.status).toBe(201);
  const user = await apiCall('POST', '/api/users', {
    email: meiEmail,
    displayName: mei.name,
    password,
    roles: ['employee'],
  });
  expect(user.status).toBe(201);
  const u = user.json as { id: string; version: number };
  expect((await apiCall('PATCH', `/api/users/${u.id}`, { partyId: mei.id, version: u.version })).status).toBe(200);
}

/** Confirms the cycle's next step (the button opens a confirmation). */
async function moveCycle(to: string): Promise<void> {
  await testId(`cycle-move-${to}`).click();
  await testId('cycle-move-confirm').click();
}

async function score(name: string, points: [number, number], band: string): Promise<void> {
  await page.locator('tr', { hasText: name }).getByTestId('appraisal-score').click();
  const save = testId('score-save');
  await save.waitFor();
  for (const [i, key] of ['results', 'teamwork'].entries()) {
    await testId(`score-${key}`).getByText(String(points[i]), { exact: true }).click();
    await testId(`rationale-${key}`).fill(`Rationale for ${key}: ${points[i]} of 5`);
  }
  await testId('score-band').click();
  await openOption(band).click();
  await save.click();
  await save.waitFor({ state: 'hidden' });
}

describe('people', () => {
  beforeAll(async () => {
    server = await startServer({ dataDir });
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(`${server.url}/sign-in`);
    await submitSignIn(page);
    await page.waitForURL(atHome);
    await seed();
    await signInAs(hrEmail, password);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('HR drafts a cycle in the wizard and publishes its criteria; opening early is refused and explained', async () => {
    await testId('nav-people.cycles').click();
    await testId('cycle-create').click();
    await testId('cycle-name-zh').fill(`年中考核 ${stamp}`);
    await testId('cycle-name-en').fill(`Mid-year review ${stamp}`);
    await testId('wizard-next').click();
    // Two criteria with weights come prefilled (results 60, teamwork 40).
    await expect.poll(() => testId('weight-total').textContent()).toContain('100');
    await testId('wizard-next').click();
    const picker = testId('cycle-employees');
    for (const name of [mei.name, bo.name]) {
      await picker.click();
      await picker.locator('input').fill(name);
      await openOption(name).click();
    }
    await page.keyboard.press('Escape');
    await page.locator('input[data-testid="cycle-bottom-band"], [data-testid="cycle-bottom-band"] input').fill('50');
    await screenshot(page, 'people-01-wizard');
    await testId('wizard-create').click();
    await page.waitForURL(/\/people\/cycles\/[0-9a-f-]{36}$/);
    cycleUrl = new URL(page.url()).pathname;
    await expect.poll(() => testId('cycle-status').textContent()).toBe('Draft');

    await moveCycle('published');
    await expect.poll(() => testId('cycle-status').textContent()).toBe('Published');
    await moveCycle('open');
    await testId('guard-CRITERIA_NOT_PUBLISHED').waitFor();
    expect(await testId('guard-CRITERIA_NOT_PUBLISHED').textContent()).toContain('at least 7 days before');
    await screenshot(page, 'people-02-criteria-not-published');
  });

  it('after the notice period HR opens, scores, calibrates and closes, with the bottom band on a plan', async () => {
    // Eight days pass: the server stops, the publication moves back, and it starts again on the same data.
    await server.stop();
    await sqlWhileStopped(
      dataDir,
      "update appraisal_cycle set published_at = published_at - interval '8 days' where status = 'published'",
    );
    server = await startServer({ dataDir });
    await page.goto(`${server.url}${cycleUrl}`);
    await moveCycle('open');
    await expect.poll(() => testId('cycle-status').textContent()).toBe('Open');

    await score(mei.name, [4, 4], 'Middle');
    await score(bo.name, [1, 2], 'Bottom');
    await moveCycle('calibrating');
    await expect.poll(() => testId('cycle-status').textContent()).toBe('Calibrating');

    await moveCycle('closed');
    await testId('guard-IMPROVEMENT_PLAN_REQUIRED').waitFor();
    // The guard names who lacks a plan (the name loads after the refusal).
    await expect.poll(() => testId('guard-IMPROVEMENT_PLAN_REQUIRED').textContent()).toContain(bo.name);
    await screenshot(page, 'people-03-plan-required');

    await page.locator('tr', { hasText: bo.name }).getByTestId('appraisal-plan').click();
    await testId('plan-training').locator('input').fill('Account planning');
    await page.keyboard.press('Enter');
    await testId('plan-mentor').click();
    await testId('plan-mentor').locator('input').fill('Hannah');
    await openOption(hrName).click();
    await testId('plan-save').click();
    await testId('plan-save').waitFor({ state: 'hidden' });
    await moveCycle('closed');
    await expect.poll(() => testId('cycle-status').textContent()).toBe('Closed');
    await screenshot(page, 'people-04-closed');
  });

  it('refuses a separation for performance without a reassessed plan, and says why', async () => {
    await page.goto(`${server.url}/people/employees/${bo.id}`);
    await testId('employee-separate').click();
    await testId('separation-type').getByText('Involuntary').click();
    await testId('separation-reason').click();
    await openOption('Performance').click();
    await testId('separation-save').click();
    const guard = testId('guard-IMPROVEMENT_PLAN_REQUIRED');
    await guard.waitFor();
    expect(await guard.textContent()).toContain('Record the plan');
    await screenshot(page, 'people-05-separation-refused');
    await page.keyboard.press('Escape');
    // Still employed: no exit was recorded.
    const file = await apiCall('GET', `/api/employees/${bo.id}`);
    expect((file.json as { exit: unknown }).exit).toBeNull();
  });

  it('opens the employee file with its tabs', async () => {
    await testId('nav-people.directory').click();
    await testId('people-directory-table').getByText(mei.name).click();
    await testId('employee-page').waitFor();
    await testId('employee-profile').waitFor();
    expect(await testId('employee-profile').textContent()).toContain('P3');
    await testId('employee-tab-pay').click();
    await expect.poll(() => testId('pay-salary').textContent()).toMatch(/10,000/);
    for (const tab of ['contract', 'incentives', 'appraisals', 'conversations', 'training', 'timeline']) {
      await testId(`employee-tab-${tab}`).click();
    }
    await testId('employee-tab-appraisals').click();
    await expect.poll(() => testId('employee-appraisals').textContent()).toContain(`Mid-year review ${stamp}`);
    await testId('employee-tab-incentives').click();
    await testId('incentive-note').fill('Thanked in the team meeting');
    await testId('incentive-save').click();
    await expect.poll(() => testId('incentive-log').textContent()).toContain('Thanked in the team meeting');
    await screenshot(page, 'people-06-employee-file');
  });

  it('shows attrition risk with its factors, runs a PDCA cycle round the board and records a vision review', async () => {
    await testId('nav-people.attrition').click();
    await testId('attrition-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await testId('attrition-table').textContent()).toContain(mei.name);
    await testId('backtest-summary').waitFor();
    await testId('contract-renewals').waitFor();
    await screenshot(page, 'people-07-attrition');

    await testId('nav-people.pdca').click();
    await testId('pdca-create').click();
    await testId('pdca-title').fill(`Faster onboarding ${stamp}`);
    await testId('pdca-goal').fill('New sellers close a first deal within 30 days');
    const owner = testId('pdca-modal').locator('.ant-select[aria-label="Owner"]');
    await owner.click();
    await owner.locator('input').fill(mei.name);
    await openOption(mei.name).click();
    await page.keyboard.press('Escape');
    await testId('pdca-save').click();
    await testId('pdca-save').waitFor({ state: 'hidden' });
    const card = testId('pdca-column-plan').getByTestId('pdca-card').filter({ hasText: stamp });
    await card.getByTestId('pdca-move-do').click();
    await testId('pdca-column-do').getByText(`Faster onboarding ${stamp}`).waitFor();
    await screenshot(page, 'people-08-pdca');

    await testId('nav-people.vision').click();
    await testId('vision-create').click();
    await testId('vision-text').fill(`Be the advisor our customers call first ${stamp}`);
    await testId('vision-changes').fill('Service joined sales in the vision');
    await testId('vision-save').click();
    await testId('vision-save').waitFor({ state: 'hidden' });
    await expect.poll(() => testId('vision-table').textContent()).toContain(stamp);
  });

  it('the employee reads their result and replies', async () => {
    await signInAs(meiEmail, password);
    await page.goto(`${server.url}/me/appraisals`);
    await testId('my-appraisals').waitFor();
    await expect.poll(() => testId('my-appraisals').textContent()).toContain(`Mid-year review ${stamp}`);
    const text = (await testId('my-appraisals').textContent()) ?? '';
    expect(text).toContain('Middle');
    expect(text).toContain('Rationale for results: 4 of 5');
    // Nobody else's appraisal is shown.
    expect(text).not.toContain('1 of 5');
    await testId('my-reply-input').fill('Thank you; I would like more client work next half.');
    await testId('my-reply-save').click();
    await expect.poll(() => testId('my-reply-text').textContent()).toContain('more client work');
    await screenshot(page, 'people-09-my-appraisal');
  });
});
