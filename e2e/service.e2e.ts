import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall as sharedApiCall, atHome, submitSignIn } from './support/page.ts';
import { launchBrowser, screenshot, type BrowserSession } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: BrowserSession;
let page: Page;
const stamp = Date.now().toString(36);
const customer = `王芳 ${stamp}`;
const subject = `Wrong invoice amount ${stamp}`;
const secondSubject = `Invoice wrong again ${stamp}`;
const testId = (id: string) => page.getByTestId(id);
const apiCall = (method: string, path: string, body?: unknown) => sharedApiCall(page, method, path, body);

/** The company_error count on the metrics page (a root cause with no case has no row: 0). */
async function companyErrorCount(): Promise<number> {
  await page.goto(`${server.url}/service/metrics`);
  await testId('kpi-count').waitFor();
  await page.waitForLoadState('networkidle');
  const cell = testId('metric-count-company_error');
  return (await cell.count()) === 0 ? 0 : Number(await cell.textContent());
}

describe('service', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(`${server.url}/sign-in`);
    await submitSignIn(page);
    await page.waitForURL(atHome);
    const created = await apiCall('POST', '/api/parties', {
      kind: 'person',
      displayName: customer,
      emails: [`wang.fang.${stamp}@example.com`],
      roles: [{ role: 'customer', stage: 'new' }],
    });
    expect(created.status).toBe(201);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('files a complaint, replies, notes, resolves with a root cause, and the metric moves', async () => {
    const before = await companyErrorCount();

    await page.goto(`${server.url}/service/cases`);
    await testId('case-create').click();
    await testId('case-party').click();
    await page.keyboard.type(stamp);
    await page.locator('.ant-select-item-option', { hasText: customer }).click();
    await testId('case-subject').fill(subject);
    await testId('case-description').fill('Charged twice for the March order.');
    await screenshot(page, 'service-01-new-case');
    await testId('case-save').click();
    await page.waitForURL(/\/service\/cases\/[0-9a-f-]{36}$/);
    await expect.poll(() => testId('case-title').textContent()).toBe(subject);
    expect(await testId('case-status').textContent()).toBe('New');
    expect(await testId('sla-badge').getAttribute('data-state')).toMatch(/on_track|at_risk|breached/);
    expect(await testId('case-party-link').textContent()).toBe(customer);

    await testId('reply-body').fill('Sorry about that, we are refunding the second charge.');
    await testId('reply-send').click();
    await expect.poll(() => testId('message-public').count()).toBe(1);
    await expect.poll(() => testId('case-status').textContent()).toBe('Open');

    await testId('reply-internal').click();
    await testId('reply-body').fill('Billing bug in the March run, ticket FIN-42.');
    await testId('reply-send').click();
    await expect.poll(() => testId('message-internal').count()).toBe(1);
    expect(await testId('message-internal').textContent()).toContain('Internal note');

    await testId('case-resolve').click();
    await page.locator('label', { has: testId('root-cause-company_error') }).click();
    await testId('resolve-root-cause-detail').fill('Duplicate charge by the billing job');
    await page.locator('label', { has: testId('remedy-both') }).click();
    await testId('resolve-remedy-detail').fill('Refund and apology call');
    await page.locator('input#remedyCost').fill('50');
    await screenshot(page, 'service-02-resolve');
    await testId('resolve-save').click();
    await expect.poll(() => testId('case-status').textContent()).toBe('Resolved');
    expect(await testId('case-resolution').textContent()).toContain('Company error');
    // No mail server in the test: the satisfaction link is handed over to copy.
    const link = (await testId('feedback-link').textContent()) ?? '';
    const caseUrl = page.url();
    expect(new URL(link).pathname).toMatch(/^\/case-feedback\/[\w-]+$/);
    await screenshot(page, 'service-03-detail');

    expect(await companyErrorCount()).toBe(before + 1);
    await screenshot(page, 'service-04-metrics');

    // The customer answers the one question on the public page, once.
    const customerPage = await browser.context.newPage();
    await customerPage.setViewportSize({ width: 390, height: 844 });
    await customerPage.goto(link);
    expect(await customerPage.getByTestId('feedback-subject').textContent()).toBe(subject);
    await customerPage.getByTestId('feedback-score-4').click();
    await screenshot(customerPage, 'service-10-feedback-phone');
    await customerPage.getByTestId('feedback-submit').click();
    await customerPage.getByTestId('feedback-state-thanks').waitFor();
    await customerPage.reload();
    await customerPage.getByTestId('feedback-state-answered').waitFor();
    await customerPage.goto(`${server.url}/case-feedback/not-a-real-token-123`);
    await customerPage.getByTestId('feedback-state-unknown').waitFor();
    await customerPage.close();
    await page.goto(caseUrl);
    await expect.poll(() => testId('case-csat').count(), { timeout: 10_000 }).toBe(1);
  });

  it('lists the case in the queue with filters', async () => {
    await page.goto(`${server.url}/service/cases?type=complaint&status=resolved`);
    await expect.poll(() => testId('cases-table').textContent(), { timeout: 10_000 }).toContain(subject);
    await page.goto(`${server.url}/service/cases?status=new`);
    await page.waitForLoadState('networkidle');
    expect(await testId('cases-table').textContent()).not.toContain(subject);
    await page.goto(`${server.url}/service/cases`);
    await screenshot(page, 'service-05-queue');
  });

  it('opens a second complaint from the customer’s page: it lands on the timeline and raises an alert', async () => {
    const found = (await apiCall('GET', `/api/parties?q=${encodeURIComponent(stamp)}`)).json as {
      items: { id: string; displayName: string }[];
    };
    const partyId = found.items.find((p) => p.displayName === customer)?.id ?? '';
    await page.goto(`${server.url}/parties/${partyId}`);
    await testId('party-new-case').click();
    // The customer is already picked; the form defaults to a complaint.
    await expect
      .poll(() => page.locator('.ant-modal .ant-select-selection-item', { hasText: customer }).count())
      .toBe(1);
    await testId('case-subject').fill(secondSubject);
    await screenshot(page, 'service-11-party-new-case');
    await testId('case-save').click();
    await expect.poll(() => testId('timeline').textContent(), { timeout: 10_000 }).toContain(secondSubject);
    expect(page.url()).toContain(`/parties/${partyId}`);

    // Two complaints about the same customer within 90 days: an early warning, acknowledged on the alerts page.
    await page.goto(`${server.url}/service/alerts?status=open`);
    const row = page.locator('[data-testid=alerts-table] [data-row-key]', { hasText: customer });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(await row.textContent()).toContain('Repeated complaints');
    await screenshot(page, 'service-12-alerts');
    await row.getByTestId('alert-ack').click();
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(0);
    const alerts = (await apiCall('GET', `/api/alerts?partyId=${partyId}`)).json as {
      items: { rule: string; status: string }[];
    };
    expect(alerts.items).toEqual([expect.objectContaining({ rule: 'complaints_in_window', status: 'acknowledged' })]);
  });

  it('sorts the queue by priority on the server and filters to my cases', async () => {
    const urgent = await apiCall('POST', '/api/cases', {
      type: 'request',
      subject: `Urgent callback ${stamp}`,
      priority: 'urgent',
    });
    expect(urgent.status).toBe(201);
    await page.goto(`${server.url}/service/cases?q=${stamp}`);
    const rows = page.locator('[data-testid=cases-table] tbody [data-row-key]');
    const header = page.locator('[data-testid=cases-table] thead th', { hasText: 'Priority' });
    await header.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('priority');
    await header.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('-priority');
    await expect.poll(() => rows.first().textContent(), { timeout: 10_000 }).toContain(`Urgent callback ${stamp}`);
    await page.locator('[data-testid=cases-table] thead th', { hasText: 'SLA' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('slaDueAt');
    // The urgent request's first reply is due first; resolved cases (no running clock) come last.
    await expect.poll(() => rows.first().textContent(), { timeout: 10_000 }).toContain(`Urgent callback ${stamp}`);
    await expect.poll(() => rows.last().textContent()).toContain(subject);

    await page
      .locator('[data-testid=cases-table] thead th', { hasText: 'Assignee' })
      .locator('.ant-table-filter-trigger')
      .click();
    await testId('assignee-me').click();
    await testId('filter-apply').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('assigneeId')).toBe('me');
    await expect.poll(() => testId('filter-chip-assigneeId').textContent()).toContain('Assigned to me');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'service-13-queue-sorted');

    // The metrics page charts the period's cases per day (today included).
    await page.goto(`${server.url}/service/metrics`);
    const today = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' }).format(new Date());
    await expect
      .poll(() => testId('chart-trend').getAttribute('aria-label'), { timeout: 10_000 })
      .toMatch(new RegExp(`${today}: [1-9]\\d*`));
    await testId('metrics-interval').getByText('Week').click();
    await expect.poll(() => testId('chart-trend').getAttribute('aria-label')).toContain('(Week)');
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'service-14-metrics-trend');
  });

  it('lets an employee file an anonymous grievance and read HR’s reply with the code', async () => {
    const employee = await apiCall('POST', '/api/parties', {
      kind: 'person',
      displayName: `李静 ${stamp}`,
      roles: [{ role: 'employee' }],
    });
    expect(employee.status).toBe(201);
    const email = `li.jing.${stamp}@example.com`;
    const user = (
      await apiCall('POST', '/api/users', {
        email,
        displayName: `Li Jing ${stamp}`,
        password: 'employee-pass-9',
        roles: ['employee'],
      })
    ).json as { id: string; version: number };
    const linked = await apiCall('PATCH', `/api/users/${user.id}`, {
      partyId: (employee.json as { id: string }).id,
      version: user.version,
    });
    expect(linked.status).toBe(200);

    const staff = await launchBrowser();
    let anonymousId = '';
    try {
      const p = staff.page;
      await p.goto(`${server.url}/sign-in`);
      await submitSignIn(p, email, 'employee-pass-9');
      await p.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
      await p.goto(`${server.url}/service/grievance`);
      await p.getByTestId('grievance-subject').fill(`Overtime not paid ${stamp}`);
      await p.getByTestId('grievance-description').fill('Weekend shifts in May were not paid.');
      await p.getByTestId('grievance-anonymous').click();
      expect(await p.getByTestId('grievance-explanation').textContent()).toContain('cannot be recovered');
      await screenshot(p, 'service-06-grievance');
      await p.getByTestId('grievance-submit').click();
      const code = ((await p.getByTestId('grievance-code').textContent()) ?? '').trim();
      expect(code.length).toBeGreaterThanOrEqual(10);
      await screenshot(p, 'service-07-grievance-code');

      // HR (the admin here) finds it without any link to the employee and answers publicly.
      const list = (await apiCall('GET', `/api/cases?type=grievance&q=${encodeURIComponent(stamp)}`)).json as {
        items: { id: string; anonymous: boolean; partyId: string | null; submitterId: string | null }[];
      };
      const g = list.items[0];
      expect(g).toMatchObject({ anonymous: true, partyId: null, submitterId: null });
      anonymousId = g?.id ?? '';
      expect(
        (
          await apiCall('POST', `/api/cases/${g?.id}/replies`, {
            body: 'We are checking the May rota with payroll.',
            visibility: 'public',
          })
        ).status,
      ).toBe(201);
      expect(
        (await apiCall('POST', `/api/cases/${g?.id}/replies`, { body: 'Team lead: Zhao', visibility: 'internal' }))
          .status,
      ).toBe(201);

      const anon = await staff.context.newPage();
      await anon.goto(`${server.url}/grievance`);
      await anon.getByTestId('follow-up-code').fill(code);
      await anon.keyboard.press('Enter');
      await anon.getByTestId('follow-up-handler').waitFor();
      // The code is taken in a form and never becomes part of the address (browser history keeps addresses).
      expect(anon.url()).toBe(`${server.url}/grievance`);
      const thread = (await anon.getByTestId('follow-up-messages').textContent()) ?? '';
      expect(thread).toContain('We are checking the May rota with payroll.');
      expect(thread).not.toContain('Team lead');
      await anon.getByTestId('follow-up-body').fill('Thank you, it was 3 Saturdays.');
      await anon.getByTestId('follow-up-send').click();
      await expect.poll(() => anon.getByTestId('follow-up-submitter').count()).toBe(1);
      await screenshot(anon, 'service-08-follow-up');

      // An old link with the code in it is taken in and its address replaced at once.
      await anon.goto(`${server.url}/grievance/${encodeURIComponent(code)}`);
      await anon.getByTestId('follow-up-handler').waitFor();
      await expect.poll(() => anon.url()).toBe(`${server.url}/grievance`);
      // A wrong code is no dead end: the reason, and a way to type another.
      await anon.reload();
      await anon.getByTestId('follow-up-code').fill('not-a-real-code-123');
      await anon.getByTestId('follow-up-open').click();
      await anon.getByTestId('follow-up-error').waitFor();
      await anon.getByTestId('follow-up-again').click();
      await anon.getByTestId('follow-up-code').fill(code);
      await anon.getByTestId('follow-up-open').click();
      await anon.getByTestId('follow-up-handler').waitFor();

      // A named grievance is found again under "My grievances"; the anonymous one is not listed there.
      await p.goto(`${server.url}/service/grievance`);
      await p.getByTestId('grievance-subject').fill(`Rota changed ${stamp}`);
      await p.getByTestId('grievance-description').fill('The rota changed without notice.');
      await p.getByTestId('grievance-submit').click();
      await p.getByTestId('grievance-mine').click();
      await p.getByTestId('my-grievances').waitFor();
      const mine = (await p.getByTestId('my-grievances').textContent()) ?? '';
      expect(mine).toContain(`Rota changed ${stamp}`);
      expect(mine).not.toContain(`Overtime not paid ${stamp}`);
      await screenshot(p, 'service-09-my-grievances');
      await p.getByTestId('my-grievance-open').first().click();
      await p.waitForURL((u) => u.pathname.startsWith('/service/cases/'));
    } finally {
      await staff.close();
    }

    // The audit log has no row for either (its time could point to the employee): only counts per day.
    await page.goto(`${server.url}/settings/audit`);
    const daily = testId('audit-daily');
    await expect.poll(() => daily.locator('tbody tr.ant-table-row').count(), { timeout: 10_000 }).toBe(1);
    expect(await daily.textContent()).toContain('no audit entries of their own');
    const cells = await daily.locator('tbody tr.ant-table-row td').allTextContents();
    const headers = await daily.locator('thead th').allTextContents();
    expect(headers).toEqual(['Day', 'Grievance filed', 'Grievance follow-up', 'Total']);
    expect(cells.slice(1)).toEqual(['1', '1', '2']);
    // Only the named grievance has an audit entry of its own.
    const entries = (await apiCall('GET', '/api/audit?action=grievance.create')).json as {
      items: { entityId: string }[];
    };
    expect(entries.items).toHaveLength(1);
    expect(entries.items.map((e) => e.entityId)).not.toContain(anonymousId);
    await screenshot(page, 'service-15-audit-daily');
  });

  it('edits an SLA policy calendar, with the server’s validation errors on the fields', async () => {
    await page.goto(`${server.url}/service/sla-policies/new`);
    await testId('policy-name').fill(`Weekend support ${stamp}`);
    await testId('add-range-6').click();
    await testId('policy-holidays').locator('input').fill('2025-13-45');
    await page.keyboard.press('Enter');
    await testId('policy-save').click();
    const holidaysItem = page.locator('.ant-form-item', { has: testId('policy-holidays') });
    await expect
      .poll(() => holidaysItem.locator('.ant-form-item-explain-error').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await holidaysItem.locator('.ant-select-selection-item-remove').click();

    // Calendar clicks: a weekday becomes a holiday, a Sunday (day off) a make-up workday.
    const year = new Date().getFullYear();
    const firstSunday =
      [1, 2, 3, 4, 5, 6, 7].map((d) => `${year}-03-0${d}`).find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 0) ??
      '';
    const firstMonday =
      [1, 2, 3, 4, 5, 6, 7].map((d) => `${year}-03-0${d}`).find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1) ??
      '';
    await page.locator(`[data-day="${firstMonday}"]`).click();
    await page.locator(`[data-day="${firstSunday}"]`).click();
    await screenshot(page, 'service-09-sla-policy');
    await testId('policy-save').click();
    await page.waitForURL(/\/service\/sla-policies\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    const saved = (await apiCall('GET', `/api/sla-policies/${id}`)).json as {
      holidays: string[];
      workdays: string[];
      hours: { weekday: number }[];
    };
    expect(saved.holidays).toEqual([firstMonday]);
    expect(saved.workdays).toEqual([firstSunday]);
    expect(saved.hours.filter((h) => h.weekday === 6)).toHaveLength(1);
  });

  it('shows the pages in Chinese', async () => {
    await apiCall('PATCH', '/api/auth/me', { locale: 'zh-CN' });
    await page.goto(`${server.url}/service/cases`);
    await expect.poll(() => testId('cases-page').textContent()).toContain('新建工单');
    await screenshot(page, 'service-zh-01-queue');
    await page.locator('[data-row-key]', { hasText: subject }).click();
    await page.waitForURL(/\/service\/cases\/[0-9a-f-]{36}$/);
    await expect.poll(() => testId('case-status').textContent(), { timeout: 10_000 }).toBe('已解决');
    await screenshot(page, 'service-zh-02-detail');
    await page.goto(`${server.url}/service/metrics`);
    await testId('kpi-count').waitFor();
    await screenshot(page, 'service-zh-03-metrics');
    await page.goto(`${server.url}/service/grievance`);
    await testId('grievance-anonymous').click();
    await screenshot(page, 'service-zh-04-grievance');
    await page.goto(`${server.url}/service/sla-policies`);
    await page.locator('.ant-table-row').first().click();
    await testId('year-calendar').waitFor();
    await screenshot(page, 'service-zh-05-sla-policy');
    await apiCall('PATCH', '/api/auth/me', { locale: 'en' });
  });
});
