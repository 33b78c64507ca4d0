import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall as sharedApiCall, atHome, submitSignIn } from './support/page.ts';
import { launchBrowser, screenshot, type BrowserSession } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

// Scenario practice (docs/practice.md): the trainer plans a session from the airline scenario with two teams, moves
// it to scoring, a player of team B scores team A as its peer team, the trainer scores team A, and the results show
// per criterion the mean of the peer average and the trainer average.

let server: RunningServer;
let browser: BrowserSession;
let page: Page;
const stamp = Date.now().toString(36);
const password = 'correct-horse-practice-9';
const players = ['Ari', 'Bea'].map((n) => ({
  name: `${n} ${stamp}`,
  email: `${n.toLowerCase()}-${stamp}@example.com`,
}));

const testId = (id: string) => page.getByTestId(id);
const apiCall = (method: string, p: string, body?: unknown) => sharedApiCall(page, method, p, body);
const numberInput = (id: string) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();
const openOption = (text: string) =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text });

async function signInAs(email?: string) {
  await page.context().clearCookies();
  await page.goto(`${server.url}/sign-in`);
  await submitSignIn(page, ...((email ? [email, password] : []) as []));
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

async function score(team: string, values: [number, number, number, number]) {
  await testId('score-team').click();
  await openOption(team).click();
  for (const [i, c] of ['knowledge', 'communication', 'solution', 'teamwork'].entries()) {
    await numberInput(`score-${c}`).fill(String(values[i]));
  }
  await testId('score-submit').click();
  await page.getByText('Score saved').first().waitFor();
}

describe('practice', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(`${server.url}/sign-in`);
    await submitSignIn(page);
    await page.waitForURL(atHome);
    for (const p of players) {
      const res = await apiCall('POST', '/api/users', {
        email: p.email,
        displayName: p.name,
        password,
        roles: ['agent'],
      });
      expect(res.status, JSON.stringify(res.json)).toBe(201);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the trainer plans a session from the airline scenario with two teams', async () => {
    await page.goto(`${server.url}/practice/sessions`);
    await testId('session-new').click();
    await testId('session-scenario').click();
    await openOption('Delayed flight').click();
    await testId('session-title').fill(`Gate drill ${stamp}`);
    await testId('session-when').fill('2026-03-02T09:00');
    for (const [i, p] of players.entries()) {
      const picker = testId(`team-${i}-member-0`).locator('.ant-select').first();
      await picker.click();
      await picker.locator('input').fill(p.name);
      // While the search's answer replaces the first page of users, the list may hold the person twice for a moment.
      await expect.poll(() => openOption(p.name).count()).toBe(1);
      await openOption(p.name).click();
    }
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/practice\/sessions\/[0-9a-f-]{36}$/);
    await expect.poll(() => testId('team-card-A').textContent()).toContain(players[0]?.name);
    await expect.poll(() => testId('team-card-B').textContent()).toContain(players[1]?.name);
    // Through the steps to scoring: teams formed, case chosen, prepared, played.
    for (const step of ['Choose or design the case', 'Prepare', 'Play', 'Score']) {
      await testId('step-next').click();
      await expect.poll(() => page.locator('.ant-steps-item-process .ant-steps-item-title').textContent()).toBe(step);
    }
    await screenshot(page, 'practice-session');
  });

  it('a peer team and the trainer score; the results show the mean of the two averages', async () => {
    const sessionUrl = page.url();
    // Bea (team B) scores team A as its peer team: 7, 8, 6, 9.
    await signInAs(players[1]?.email);
    await page.goto(sessionUrl);
    await testId('score-form').waitFor();
    await score('A', [7, 8, 6, 9]);
    // The trainer scores team A: 9, 6, 8, 7.
    await signInAs();
    await page.goto(sessionUrl);
    await testId('score-form').waitFor();
    await score('A', [9, 6, 8, 7]);
    // (7 + 9) / 2 = 8, (8 + 6) / 2 = 7, (6 + 8) / 2 = 7, (9 + 7) / 2 = 8; overall (8 + 7 + 7 + 8) / 4 = 7.5.
    await expect.poll(() => testId('result-A-knowledge').textContent()).toBe('8');
    await expect.poll(() => testId('result-A-communication').textContent()).toBe('7');
    await expect.poll(() => testId('result-A-solution').textContent()).toBe('7');
    await expect.poll(() => testId('result-A-teamwork').textContent()).toBe('8');
    await expect.poll(() => testId('total-A').textContent()).toBe('7.5');
    await screenshot(page, 'practice-results');
  });
});
