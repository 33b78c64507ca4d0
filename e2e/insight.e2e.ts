import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sqlWhileStopped } from './support/database.ts';
import { apiCall as sharedApiCall, atHome, submitSignIn } from './support/page.ts';
import { launchBrowser, screenshot, type BrowserSession } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

// The Insight area as an executive sees it: the home cards, key-person risk (a backup owner lowers the exposure
// shown), the service-profit chain's scatter with r, and the capability index with a snapshot. Four teams, one agent
// each owning two customers who bought the same amount; the surveys behind the chain are written into the stopped
// server's database (how answers arrive is the surveys area's business and tested there).

let server: RunningServer;
let browser: BrowserSession;
let page: Page;
const dataDir = mkdtempSync(path.join(tmpdir(), 'tandem-e2e-insight-'));
const stamp = Date.now().toString(36);
const password = 'insight-pass-1234';
const execEmail = `exec-${stamp}@example.com`;
const agents: { id: string; name: string; unitId: string }[] = [];
const testId = (id: string) => page.getByTestId(id);
const apiCall = (method: string, p: string, body?: unknown) => sharedApiCall(page, method, p, body);
const openOption = (text: string) =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text });

async function created<T>(method: string, p: string, body: unknown): Promise<T> {
  const res = await apiCall(method, p, body);
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json as T;
}

/** Four teams with an agent each; two customers per agent, 1,000 CNY each ten days ago; an executive. */
async function seed(): Promise<void> {
  const product = await created<{ id: string }>('POST', '/api/products', {
    name: `Service ${stamp}`,
    category: 'service',
    price: 1000,
    currency: 'CNY',
  });
  for (let k = 1; k <= 4; k++) {
    const unit = await created<{ id: string }>('POST', '/api/org-units', { name: `Chain ${k} ${stamp}` });
    const name = `Agent ${k} ${stamp}`;
    const user = await created<{ id: string }>('POST', '/api/users', {
      email: `agent${k}-${stamp}@example.com`,
      displayName: name,
      password,
      roles: ['agent'],
      orgUnitId: unit.id,
    });
    agents.push({ id: user.id, name, unitId: unit.id });
    for (let c = 1; c <= 2; c++) {
      const party = await created<{ id: string }>('POST', '/api/parties', {
        kind: 'organization',
        displayName: `Customer ${k}.${c} ${stamp}`,
        ownerId: user.id,
        roles: [{ role: 'customer' }],
      });
      await created('POST', '/api/transactions', {
        partyId: party.id,
        occurredAt: new Date(Date.now() - 10 * 86_400_000).toISOString(),
        currency: 'CNY',
        lines: [{ productId: product.id, quantity: 1, amount: 1000 }],
      });
    }
  }
  await created('POST', '/api/users', {
    email: execEmail,
    displayName: `Erin Executive ${stamp}`,
    password,
    roles: ['executive'],
  });
}

/**
 * A closed engagement survey with five answers per team (team k answers k, k, k, k+1, k+1 of 5, at the anonymity
 * minimum) and a named NPS survey where the customers of team k answer 5 + k and 6 + k: both rise with k. The NPS
 * answers are dated after the customers were created, so each is attributed to the owner the customer had then.
 */
const surveysSql = (units: string[]) => `
do $$
declare s uuid; n uuid; r uuid; k int; v int; c record;
begin
  insert into survey (org_id, kind, title, audience, anonymous, min_group_size, closes_at, status, questions)
  select org_id, 'engagement', '{"zh":"敬业度","en":"Engagement"}', '{"kind":"employees"}', true, 5,
    now() - interval '1 hour', 'closed',
    '[{"id":"overall","type":"scale","min":1,"max":5,"text":{"zh":"总体","en":"Overall"}}]'
  from org_unit where id = '${units[0]}' returning id into s;
  insert into survey (org_id, kind, title, audience, anonymous, min_group_size, status, questions)
  select org_id, 'nps', '{"zh":"推荐","en":"NPS"}', '{"kind":"customers"}', false, 5, 'closed',
    '[{"id":"nps","type":"nps","text":{"zh":"推荐","en":"Recommend"}}]'
  from org_unit where id = '${units[0]}' returning id into n;
  for k in 1..4 loop
    foreach v in array array[k, k, k, k + 1, k + 1] loop
      insert into survey_response (org_id, survey_id, party_id, anonymous, respondent_role, org_unit_id, submitted_at)
      select org_id, s, null, true, 'employee', id, now() - interval '1 hour' from org_unit
      where id = (array['${units.join("','")}'])[k]::uuid returning id into r;
      insert into survey_answer (org_id, response_id, survey_id, question_id, item, num)
      select org_id, r, s, 'overall', '', v from survey where id = s;
    end loop;
    v := 5 + k;
    for c in select p.org_id, p.id from party p join app_user u on u.org_id = p.org_id and u.id = p.owner_id
      where u.org_unit_id = (array['${units.join("','")}'])[k]::uuid order by p.display_name loop
      insert into survey_response (org_id, survey_id, party_id, anonymous, respondent_role, org_unit_id, submitted_at)
      values (c.org_id, n, c.id, false, 'customer', null, now()) returning id into r;
      insert into survey_answer (org_id, response_id, survey_id, question_id, item, num) values (c.org_id, r, n, 'nps', '', v);
      v := v + 1;
    end loop;
  end loop;
end $$;`;

async function signIn(email: string, pass: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${server.url}/sign-in`);
  await submitSignIn(page, email, pass);
  await page.waitForURL(atHome);
}

const exposureOf = async (userId: string) => Number(await testId(`exposure-${userId}`).getAttribute('data-exposure'));

describe('insight', () => {
  beforeAll(async () => {
    server = await startServer({ dataDir });
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(`${server.url}/sign-in`);
    await submitSignIn(page);
    await page.waitForURL(atHome);
    await seed();
    await server.stop();
    await sqlWhileStopped(dataDir, surveysSql(agents.map((a) => a.unitId)));
    server = await startServer({ dataDir });
    await signIn(execEmail, password);
    // Two server starts and a seed of two dozen requests: minutes on a shared two-core machine.
  }, 420_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lands the executive on their home: the chain and key-person cards among them, each leading to its page', async () => {
    await testId('home-page').waitFor();
    await testId('home-card-chain').waitFor();
    await testId('home-card-key_person').waitFor();
    await expect.poll(() => testId('home-card-key_person').textContent()).toContain('25%');
    expect(await testId('home-card-chain').textContent()).toContain('Correlation is not causation');
    await screenshot(page, 'insight-01-home');
    await testId('home-card-link-key_person').click();
    await page.waitForURL(/\/insight\/key-person$/);
  });

  it('assigning a backup owner to an owner’s customers lowers the exposure shown', async () => {
    const [owner, backup] = agents as [(typeof agents)[0], (typeof agents)[0]];
    await testId(`exposure-${owner.id}`).waitFor();
    expect(await exposureOf(owner.id)).toBeCloseTo(0.25, 6);
    await testId(`backups-${owner.id}`).click();
    const table = testId('backups-customers');
    await table.getByText(`Customer 1.1 ${stamp}`).waitFor();
    await table.locator('thead .ant-checkbox-input').check();
    const picker = testId('backups-user');
    await picker.click();
    await picker.locator('input').fill(backup.name);
    // The search is debounced: the list can re-render under a click, so click until the choice has taken.
    const confirm = testId('backups-confirm');
    await expect
      .poll(async () => {
        if (await confirm.isEnabled()) {
          return true;
        }
        const option = openOption(backup.name);
        if (await option.isVisible()) {
          await option.click({ timeout: 2_000 }).catch(() => undefined);
        }
        return confirm.isEnabled();
      })
      .toBe(true);
    await screenshot(page, 'insight-02-backups');
    await confirm.click();
    await expect.poll(() => testId('backups-result').textContent()).toContain('2 changed');
    await testId('backups-confirm').click();
    await expect.poll(() => exposureOf(owner.id)).toBe(0);
    expect(await testId(`coverage-${owner.id}`).textContent()).toContain('100%');
    await screenshot(page, 'insight-03-exposure-dropped');
  });

  it('renders the chain scatter with r, its interval and the published range', async () => {
    await testId('nav-insight.chain').click();
    await testId('chain-scatter').waitFor();
    await expect.poll(() => testId('chain-r').textContent()).toMatch(/^−?\d\.\d\d$/);
    expect(Number((await testId('chain-r').textContent())?.replace('−', '-'))).toBeGreaterThan(0.5);
    expect(await testId('chain-stats').textContent()).toContain('Harter');
    expect(await testId('chain-note').textContent()).toContain('not causation');
    await screenshot(page, 'insight-04-chain');
  });

  it('shows the capability radar and takes a tagged snapshot', async () => {
    await testId('nav-insight.capability').click();
    await testId('capability-radar').waitFor();
    await testId('capability-indicators').waitFor();
    await testId('capability-trend').getByTestId('empty').waitFor();
    await testId('capability-snapshot').click();
    await testId('snapshot-tag').getByText('Before').click();
    await testId('snapshot-stage').fill(`Stage 1 ${stamp}`);
    await testId('snapshot-save').click();
    await expect.poll(() => testId('capability-snapshots').getAttribute('data-count')).toBe('1');
    await screenshot(page, 'insight-05-capability');
  });
});
