import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { apiCall as sharedApiCall, atHome, submitSignIn } from './support/page.ts';
import { launchBrowser, screenshot, type BrowserSession } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: BrowserSession;
let page: Page;
// Respondents use their own browser: no session, no cookies from the app.
let phones: Browser;
const stamp = Date.now().toString(36);
const title = `Store visit ${stamp}`;
const customers = ['王芳', '李娜', 'Chen Jie'].map((n) => `${n} ${stamp}`);
let surveyId = '';
let links: string[] = [];
let anonymousId = '';
let anonymousLinks: string[] = [];
/** Script errors on the phone pages (there must be none). */
const pageErrors: string[] = [];
const testId = (id: string) => page.getByTestId(id);
const apiCall = (method: string, path: string, body?: unknown) => sharedApiCall(page, method, path, body);

/** A phone (iPhone 12-14 size) in its own context, in the given language. */
async function phone(locale: 'en-US' | 'zh-CN'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phones.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale,
    reducedMotion: 'reduce',
  });
  const p = await context.newPage();
  p.on('pageerror', (e) => pageErrors.push(e.message));
  return { context, page: p };
}

describe('surveys', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = browser.page;
    phones = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    await page.goto(`${server.url}/sign-in`);
    await submitSignIn(page);
    await page.waitForURL(atHome);
    for (const name of customers) {
      const res = await apiCall('POST', '/api/parties', {
        kind: 'person',
        displayName: name,
        roles: [{ role: 'customer' }],
      });
      expect(res.status).toBe(201);
    }
  });

  afterAll(async () => {
    await phones?.close();
    await browser?.close();
    await server?.stop();
  });

  it('builds an NPS survey from the template and opens it', async () => {
    // The Feedback module is in the navigation for admins now.
    await testId('nav-feedback.surveys').click();
    await page.waitForURL(/\/feedback\/surveys$/);
    await testId('survey-new').click();
    await testId('template-csat').click();
    expect(await testId('survey-title-en').inputValue()).toBe('Service satisfaction survey');
    await testId('template-nps').click();
    expect(await testId('survey-title-zh').inputValue()).toBe('客户推荐意愿调查');
    await testId('survey-title-en').fill(title);
    await screenshot(page, 'surveys-01-new');
    await testId('survey-create').click();
    await page.waitForURL(/\/feedback\/surveys\/[0-9a-f-]{36}$/);
    surveyId = new URL(page.url()).pathname.split('/').pop() ?? '';

    // The template's questions, editable in both languages side by side.
    await expect
      .poll(() => testId('question-0-text-en').inputValue())
      .toBe('How likely are you to recommend us to a friend or colleague?');
    expect(await testId('question-0-text-zh').inputValue()).toBe('您有多大可能向朋友或同事推荐我们？');
    expect(await testId('question-1-type').textContent()).toContain('Free text');
    await testId('question-1-text-en').fill('What is the one thing we should improve?');
    // An empty required text is refused before anything is sent.
    await testId('question-1-text-zh').fill('');
    await testId('survey-save').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').first().textContent()).toBeTruthy();
    await testId('question-1-text-zh').fill('我们最应该改进的一点是什么？');
    await screenshot(page, 'surveys-02-builder');
    await testId('survey-save').click();
    await expect
      .poll(async () => ((await apiCall('GET', `/api/surveys/${surveyId}`)).json as { version: number }).version)
      .toBe(2);

    await testId('tab-preview').click();
    await expect
      .poll(() => testId('survey-preview').textContent())
      .toContain('What is the one thing we should improve?');
    await testId('preview-language').getByText('中文').click();
    await expect.poll(() => testId('survey-preview').textContent()).toContain('我们最应该改进的一点是什么？');
    await screenshot(page, 'surveys-03-preview-zh');

    await testId('survey-open').click();
    await testId('survey-status-confirm').click();
    await expect.poll(() => testId('survey-status').textContent(), { timeout: 10_000 }).toBe('Open');
    const saved = (await apiCall('GET', `/api/surveys/${surveyId}`)).json as {
      status: string;
      questions: { text: { en: string } }[];
    };
    expect(saved.status).toBe('open');
    expect(saved.questions[1]?.text.en).toBe('What is the one thing we should improve?');
  });

  it('creates answer links for chosen customers', async () => {
    await testId('tab-invite').click();
    const picker = testId('invite-parties');
    for (const name of customers) {
      await picker.click();
      await picker.locator('input').fill(stamp);
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: name })
        .click();
    }
    await page.keyboard.press('Escape');
    await testId('invite-create').click();
    await expect.poll(() => testId('invite-link').count()).toBe(3);
    links = (await testId('invite-link').allTextContents()).map((l) => l.trim());
    expect(links.every((l) => l.startsWith(`${server.url}/s/`))).toBe(true);
    expect(await testId('invite-result').textContent()).toContain(customers[0]);
    await screenshot(page, 'surveys-04-links');
  });

  it('is answered on a phone through the public link, once', async () => {
    const { context, page: mobile } = await phone('en-US');
    await mobile.goto(links[0] ?? '');
    await expect.poll(() => mobile.getByTestId('survey-title').textContent()).toBe(title);
    // Nothing overflows a 390 px screen, and the eleven NPS points are big enough to tap.
    expect(await mobile.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = await mobile.getByTestId('answer-nps-10').boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(44);
    expect(box?.height).toBeGreaterThanOrEqual(44);
    await screenshot(mobile, 'surveys-05-phone-en');

    // Required questions are checked before anything is sent.
    await mobile.getByTestId('answer-submit').tap();
    await expect.poll(() => mobile.getByTestId('answer-error-nps').isVisible()).toBe(true);
    await mobile.getByTestId('answer-nps-9').tap();
    expect(await mobile.getByTestId('answer-nps-9').getAttribute('aria-checked')).toBe('true');
    await mobile.getByTestId('answer-comment').fill('Faster checkout, please');
    await screenshot(mobile, 'surveys-06-phone-answered');
    await mobile.getByTestId('answer-submit').tap();
    await expect.poll(() => mobile.getByTestId('survey-state-thanks').isVisible()).toBe(true);
    await screenshot(mobile, 'surveys-07-phone-thanks');

    await mobile.reload();
    await expect.poll(() => mobile.getByTestId('survey-state-answered').isVisible()).toBe(true);
    expect(await mobile.getByTestId('survey-state-answered').textContent()).toContain('Already answered');
    await mobile.goto(`${server.url}/s/${'x'.repeat(43)}`);
    await expect.poll(() => mobile.getByTestId('survey-state-unknown').isVisible()).toBe(true);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('speaks the phone’s language and switches on request', async () => {
    const { context, page: mobile } = await phone('zh-CN');
    await mobile.goto(links[1] ?? '');
    await expect
      .poll(() => mobile.getByTestId('survey-form').textContent())
      .toContain('您有多大可能向朋友或同事推荐我们？');
    expect(await mobile.getByTestId('answer-submit').textContent()).toMatch(/提\s?交/);
    expect(await mobile.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(mobile, 'surveys-08-phone-zh');
    await mobile.getByTestId('survey-language').getByText('English').tap();
    await expect
      .poll(() => mobile.getByTestId('survey-form').textContent())
      .toContain('How likely are you to recommend us');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('hands out unlabelled links of an anonymous survey, at least five at a time, and explains what it did', async () => {
    // Six customers in all: three more than the first survey's.
    for (const name of ['赵敏', 'Liu Yang', 'Sun Li'].map((n) => `${n} ${stamp}`)) {
      expect(
        (await apiCall('POST', '/api/parties', { kind: 'person', displayName: name, roles: [{ role: 'customer' }] }))
          .status,
      ).toBe(201);
    }
    const created = await apiCall('POST', '/api/surveys', {
      kind: 'nps',
      title: { zh: `匿名 ${stamp}`, en: `Anonymous ${stamp}` },
      audience: { kind: 'customers' },
      anonymous: true,
    });
    const s = created.json as { id: string; version: number };
    anonymousId = s.id;
    expect((await apiCall('PATCH', `/api/surveys/${s.id}`, { status: 'open', version: s.version })).status).toBe(200);

    await page.goto(`${server.url}/feedback/surveys/${s.id}?tab=invite`);
    await expect.poll(() => testId('invite-anonymous-hint').textContent()).toContain('at least 5 at a time');
    // Three chosen customers: without mail too few to hand out without telling whose link is whose.
    const picker = testId('invite-parties');
    for (const name of customers) {
      await picker.click();
      await picker.locator('input').fill(stamp);
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: name })
        .click();
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => testId('survey-invite').textContent()).toContain('choose at least 5 parties');
    await testId('invite-create').click();
    await expect.poll(() => testId('invite-error').textContent()).toContain('Too few links for an anonymous survey');
    expect(await testId('invite-error').textContent()).toContain('Invite at least 5 people');
    await screenshot(page, 'surveys-16-anonymous-too-few');

    // Everyone in the audience: six unlabelled links, shuffled, explained.
    await testId('invite-audience').click();
    await testId('invite-create').click();
    await expect.poll(() => testId('invite-link').count()).toBe(6);
    anonymousLinks = (await testId('invite-link').allTextContents()).map((l) => l.trim());
    expect(await testId('invite-unlabelled').textContent()).toContain('Tandem cannot tell whose is whose');
    expect(await testId('invite-summary-issued').textContent()).toContain('6');
    expect(await testId('invite-summary-unreachable').textContent()).toContain('0');
    const shown = (await testId('invite-result').textContent()) ?? '';
    expect(shown).toContain('Link 1');
    for (const name of customers) {
      expect(shown).not.toContain(name);
    }
    await screenshot(page, 'surveys-17-anonymous-links');

    // Again without "replace": everyone keeps their link, nothing new is made.
    await testId('invite-create').click();
    await expect.poll(() => testId('invite-summary-kept').textContent()).toContain('6');
    expect(await testId('invite-summary-issued').textContent()).toContain('0');
    expect(await testId('invite-note-keptNote').textContent()).toContain('6 parties invited before keep their link');
    expect(await testId('invite-link').count()).toBe(0);

    // Reminders go by email; this server has no mail.
    expect(await testId('survey-remind').textContent()).toContain('you are not told who they are');
    await testId('remind-send').click();
    await page.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
    await expect.poll(() => testId('remind-error').textContent()).toContain('mail is not set up');
    await page.waitForTimeout(400); // the confirmation fades out
    await screenshot(page, 'surveys-18-anonymous-kept');
  });

  it('holds anonymous answers until the survey closes (fewer than five), then shows groups as suppressed', async () => {
    const token = new URL(anonymousLinks[0] ?? server.url).pathname.split('/').pop() ?? '';
    const answered = await fetch(`${server.url}/api/public/surveys/${token}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        answers: [
          { questionId: 'nps', value: 3 },
          { questionId: 'comment', value: 'Too slow' },
        ],
      }),
    });
    expect(answered.status).toBe(201);

    // Open: the answer is held (published in batches of five), groups wait for the close.
    await page.goto(`${server.url}/feedback/surveys/${anonymousId}?tab=results`);
    await expect.poll(() => testId('results-batches').textContent()).toContain('batches of at least 5');
    expect(await testId('survey-results').textContent()).toContain('Fewer than 5 responses so far');
    await testId('results-group-by').getByText('Role').click();
    await expect.poll(() => testId('groups-withheld').textContent()).toContain('appears when the survey closes');
    await expect.poll(() => testId('texts-withheld').count()).toBe(1);
    expect(await testId('group-comparison').count()).toBe(0);
    await screenshot(page, 'surveys-12-held');

    // Closing publishes what was held: one answer, below five, so nothing but "suppressed".
    const current = (await apiCall('GET', `/api/surveys/${anonymousId}`)).json as { version: number };
    expect(
      (await apiCall('PATCH', `/api/surveys/${anonymousId}`, { status: 'closed', version: current.version })).status,
    ).toBe(200);
    await page.reload();
    await expect.poll(() => testId('survey-results').textContent()).toContain('Fewer than 5 responses so far');
    expect(await testId('results-batches').count()).toBe(0);
    expect(await testId('suppressed').first().textContent()).toBe('Suppressed (fewer than 5 responses)');
    expect(await testId('nps-gauge').count()).toBe(0);
    await testId('results-group-by').getByText('Role').click();
    // The released answer makes a (suppressed) customer group; before the release there was no group at all.
    await expect.poll(() => testId('group-comparison').textContent()).toContain('Suppressed (fewer than 5 responses)');
    // The comment of a lone anonymous respondent is not shown either.
    expect(await testId('text-answers').textContent()).not.toContain('Too slow');
    await screenshot(page, 'surveys-12-suppressed');
  });

  it('pairs expected and perceived questions of the gap template and charts the gaps', async () => {
    const created = await apiCall('POST', '/api/surveys', {
      kind: 'gap',
      title: { zh: `差距 ${stamp}`, en: `Gap ${stamp}` },
      audience: { kind: 'customers' },
    });
    const s = created.json as {
      id: string;
      version: number;
      questions: { id: string; type: string; pairing?: string }[];
    };
    await page.goto(`${server.url}/feedback/surveys/${s.id}`);
    await expect.poll(() => testId('gap-summary').textContent()).toContain('8 of 8 dimensions are fully paired');
    await screenshot(page, 'surveys-13-gap-builder');
    expect((await apiCall('PATCH', `/api/surveys/${s.id}`, { status: 'open', version: s.version })).status).toBe(200);
    const found = (await apiCall('GET', `/api/parties?q=${stamp}&role=customer`)).json as { items: { id: string }[] };
    const invited = (
      await apiCall('POST', `/api/surveys/${s.id}/invitations`, { partyIds: found.items.map((p) => p.id).slice(0, 1) })
    ).json as { items: { token: string }[] };
    const answers = s.questions
      .filter((q) => q.type === 'scale')
      .map((q) => ({ questionId: q.id, value: q.pairing === 'expected' ? 6 : 4 }));
    const answered = await fetch(`${server.url}/api/public/surveys/${invited.items[0]?.token ?? ''}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answers }),
    });
    expect(answered.status).toBe(201);
    await page.goto(`${server.url}/feedback/surveys/${s.id}?tab=results`);
    await expect
      .poll(() => page.locator('[data-testid=gap-bars] [role=img]').getAttribute('aria-label'))
      .toContain('Quality -2');
    await screenshot(page, 'surveys-14-gap-results');
  });

  it('shows the response in the results', async () => {
    await page.goto(`${server.url}/feedback/surveys/${surveyId}?tab=results`);
    await expect.poll(() => testId('results-n').textContent()).toContain('1');
    await expect.poll(() => page.locator('[data-testid=nps-gauge] canvas').count(), { timeout: 15_000 }).toBe(1);
    // One promoter (9) out of one answer: NPS 100.
    expect(await testId('nps-gauge').getAttribute('aria-label')).toBe('Net Promoter Score 100 from 1 answers');
    expect(await testId('results-rate').textContent()).toContain('33.3');
    await expect.poll(() => testId('text-answers').textContent()).toContain('Faster checkout, please');
    await screenshot(page, 'surveys-09-results-en');

    await testId('language-switch').click();
    await testId('language-option-zh-CN').click();
    await expect.poll(() => testId('nps-gauge').getAttribute('aria-label')).toBe('净推荐值 100，共 1 份回答');
    await screenshot(page, 'surveys-10-results-zh');
    await testId('tab-edit').click();
    await screenshot(page, 'surveys-11-settings-zh');
    await testId('language-switch').click();
    // The choice is saved for the user; wait for it so the next page load is in English again.
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/auth/me') && r.request().method() === 'PATCH'),
      testId('language-option-en').click(),
    ]);

    await page.goto(`${server.url}/feedback/surveys`);
    const row = page.locator(`[data-testid=surveys-table] tr[data-row-key="${surveyId}"]`);
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain(title);
    expect(await row.textContent()).toContain('Open');
    await screenshot(page, 'surveys-15-list');
  });
});
