import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall as sharedApiCall, atHome, submitSignIn } from './support/page.ts';
import { launchBrowser, screenshot, type BrowserSession } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

// 30 parties with Chinese headers; 所在城市 is not a known header (mapped by hand to city).
// Row 6 has a bad email, row 13 a bad date, row 21 the email of an existing customer.
const fixture = path.join(import.meta.dirname, 'fixtures', 'parties-zh.csv');

let server: RunningServer;
let browser: BrowserSession;
let page: Page;
let existingId = '';
const testId = (id: string) => page.getByTestId(id);
const apiCall = (method: string, p: string, body?: unknown) => sharedApiCall(page, method, p, body);
const count = (key: string) => testId(`count-${key}`).first().textContent();
// The table also renders column titles in a hidden measuring row: address the header's copy.
const head = (id: string) => page.locator('[data-testid=mapping-table] thead').getByTestId(id);
const partyRows = () => page.locator('[data-testid=parties-table] tr[data-row-key]');

/** Picks a mapping option by typing its label (the list is virtual) and clicking the field key (options carry it as title). */
async function choose(selectTestId: string, search: string, value?: string) {
  await head(selectTestId).click();
  await page.keyboard.type(search);
  // The first match is active: Enter picks it (steadier than clicking into an animating list).
  const active = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active');
  await expect
    .poll(async () => (value ? active.getAttribute('title') : active.textContent()), { timeout: 5_000 })
    .toBe(value ?? search);
  await page.keyboard.press('Enter');
}

describe('imports', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(`${server.url}/sign-in`);
    await submitSignIn(page);
    await page.waitForURL(atHome);
    const existing = await apiCall('POST', '/api/parties', {
      kind: 'person',
      displayName: '王芳',
      emails: ['wangfang.demo@example.com'],
      roles: [{ role: 'customer', stage: 'new' }],
    });
    expect(existing.status).toBe(201);
    existingId = (existing.json as { id: string }).id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('uploads a CSV and maps its columns, automatically and by hand', async () => {
    await page.goto(`${server.url}/settings/imports`);
    await testId('import-new').click();
    await page.waitForURL(/\/settings\/imports\/new$/);
    await screenshot(page, 'imports-01-upload');
    await page.locator('[data-testid=import-wizard] input[type=file]').setInputFiles(fixture);
    await expect.poll(() => testId('mapping-table').count(), { timeout: 20_000 }).toBe(1);

    expect(await testId('import-detected').textContent()).toContain('utf-8');
    for (const [header, field] of [
      ['姓名', 'displayName'],
      ['手机', 'phones'],
      ['邮箱', 'emails'],
      ['公司', 'company'],
      ['生日', 'birthday'],
    ]) {
      expect(await head(`mapping-auto-${header}`).count(), header).toBe(1);
      expect(await head(`mapping-${header}`).getAttribute('data-target'), header).toBe(field);
    }
    expect(await head('mapping-auto-所在城市').count()).toBe(0);
    expect(await head('mapping-所在城市').getAttribute('data-target')).toBe('');
    expect(await testId('mapping-table').textContent()).toContain('王导入01');

    // Without a name column the wizard will not go on; it says which field is missing.
    await choose('mapping-姓名', 'Ignore');
    await choose('mapping-公司', 'Ignore');
    await expect.poll(() => testId('mapping-missing').count(), { timeout: 5_000 }).toBe(1);
    expect(await testId('import-dry-run').isDisabled()).toBe(true);
    await choose('mapping-姓名', 'Name', 'displayName');
    await choose('mapping-公司', 'Company', 'company');
    await choose('mapping-所在城市', 'City', 'city');
    expect(await head('mapping-所在城市').getAttribute('data-target')).toBe('city');
    expect(await testId('mapping-missing').count()).toBe(0);
    await screenshot(page, 'imports-02-mapping');
  });

  it('dry-runs without writing, then imports with progress to 100 %', async () => {
    await testId('import-dry-run').click();
    await expect.poll(() => count('created'), { timeout: 20_000 }).toBe('28');
    expect(await count('failed')).toBe('2');
    expect(await testId('import-errors').textContent()).toContain('invalid_date');
    await screenshot(page, 'imports-03-dry-run');
    // Nothing was written by the dry run.
    const before = await apiCall('GET', '/api/parties?q=import.01%40example.com');
    expect((before.json as { items: unknown[] }).items).toEqual([]);

    await testId('import-start').click();
    await expect.poll(() => testId('import-progress').getAttribute('data-percent'), { timeout: 30_000 }).toBe('100');
    expect(await testId('import-progress').getAttribute('data-status')).toBe('completed');
    expect(await testId('import-rows').textContent()).toContain('30 of 30 rows');
    await screenshot(page, 'imports-04-progress');
  });

  it('reports counts, errors with row numbers and codes, and duplicates', async () => {
    await testId('import-see-report').click();
    await expect.poll(() => testId('import-report').count(), { timeout: 10_000 }).toBe(1);
    expect(await count('created')).toBe('28');
    expect(await count('failed')).toBe('2');
    expect(await count('duplicates')).toBe('1');
    await expect.poll(() => testId('import-errors').textContent()).toContain('invalid_format');
    const duplicates = testId('import-duplicates');
    expect(await duplicates.textContent()).toContain('王芳');
    expect(await duplicates.locator('a').getAttribute('href')).toBe(`/parties/${existingId}`);
    await screenshot(page, 'imports-05-report');

    const [download] = await Promise.all([page.waitForEvent('download'), testId('error-report-download').click()]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('row,column,code,message,value');
    expect(lines.some((l) => l.startsWith('6,邮箱,invalid_format,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('13,生日,invalid_date,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('21,,duplicate,'))).toBe(true);
    expect(lines).toHaveLength(4);
  });

  it('finds an imported party in the list with the hand-mapped city', async () => {
    await page.goto(`${server.url}/parties`);
    await testId('table-search').fill('王导入01');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await partyRows().allTextContents()).join('|'), { timeout: 15_000 })
      .toContain('王导入01');
    expect(await partyRows().count()).toBe(1);
    const found = await apiCall('GET', `/api/parties?q=${encodeURIComponent('import.01@example.com')}`);
    const id = (found.json as { items: { id: string }[] }).items[0]?.id ?? '';
    const party = (await apiCall('GET', `/api/parties/${id}`)).json as {
      address: { city?: string } | null;
      birthday: string | null;
      roles: { role: string }[];
    };
    expect(party.address?.city).toBe('北京');
    expect(party.birthday).toBe('1990-02-02');
    expect(party.roles.map((r) => r.role)).toEqual(['customer']);
  });

  it('shows the history in both languages and reverts the import', async () => {
    await page.goto(`${server.url}/settings/imports`);
    const rows = page.locator('[data-testid=imports-table] tr[data-row-key]');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    expect(await rows.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Dry run')]));
    await screenshot(page, 'imports-06-history');
    await testId('language-switch').click();
    await testId('language-option-zh-CN').click();
    await expect
      .poll(() => page.locator('[data-testid=imports-page] h3').textContent(), { timeout: 10_000 })
      .toBe('数据导入');
    await screenshot(page, 'imports-07-history-zh');
    await testId('language-switch').click();
    await testId('language-option-en').click();
    await expect.poll(() => page.locator('[data-testid=imports-page] h3').textContent()).toBe('Import');

    await testId('import-revert').click();
    await testId('import-revert-confirm').click();
    await expect.poll(async () => (await rows.allTextContents()).join('|'), { timeout: 20_000 }).toContain('Reverted');
    expect(await testId('import-revert').count()).toBe(0);

    await page.goto(`${server.url}/parties`);
    await testId('table-search').fill('王导入01');
    await page.keyboard.press('Enter');
    await expect.poll(() => testId('empty').count(), { timeout: 15_000 }).toBe(1);
    expect(await partyRows().count()).toBe(0);
    const gone = await apiCall('GET', `/api/parties?q=${encodeURIComponent('import.01@example.com')}`);
    expect((gone.json as { items: unknown[] }).items).toEqual([]);
    // The existing customer the duplicate matched is untouched.
    expect((await apiCall('GET', `/api/parties/${existingId}`)).status).toBe(200);
  });
});

describe('products and transactions', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(`${server.url}/sign-in`);
    await submitSignIn(page);
    await page.waitForURL(atHome);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('adds a product, lists a transaction with its lines and shows it on the party timeline, in both languages', async () => {
    await page.goto(`${server.url}/value/products`);
    await testId('product-create').click();
    await testId('product-name').fill('年度会员');
    await testId('product-sku').fill('VIP-1');
    await testId('product-price').fill('1280.50');
    await testId('product-save').click();
    const productRows = page.locator('[data-testid=products-table] tr[data-row-key]');
    await expect
      .poll(async () => (await productRows.allTextContents()).join('|'), { timeout: 10_000 })
      .toContain('年度会员');
    expect(await productRows.first().textContent()).toContain('1,280.50');
    await screenshot(page, 'value-01-products');

    const productId = (await productRows.first().getAttribute('data-row-key')) ?? '';
    const party = await apiCall('POST', '/api/parties', {
      kind: 'person',
      displayName: '陈静',
      roles: [{ role: 'customer', stage: 'new' }],
    });
    const partyId = (party.json as { id: string }).id;
    const tx = await apiCall('POST', '/api/transactions', {
      partyId,
      currency: 'CNY',
      channel: 'store',
      lines: [{ productId, quantity: 2 }],
      note: '门店购买',
    });
    expect(tx.status).toBe(201);

    // Opening a product lists its transactions.
    await productRows.first().click();
    await page.waitForURL(/\/value\/transactions\?.*productId=/);
    const txRows = page.locator('[data-testid=transactions-table] tr[data-row-key]');
    await expect.poll(() => txRows.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => txRows.first().textContent(), { timeout: 10_000 }).toContain('陈静');
    const text = await txRows.first().textContent();
    expect(text).toContain('2,561.00');
    expect(text).toContain('年度会员 ×2');
    await screenshot(page, 'value-02-transactions');
    await txRows.first().click();
    await expect.poll(() => testId('transaction-lines').textContent()).toContain('年度会员');
    expect(await testId('transaction-amount').textContent()).toContain('2,561.00');
    await screenshot(page, 'value-03-transaction-drawer');
    await testId('transaction-drawer').getByRole('link', { name: '陈静' }).click();
    await page.waitForURL(new RegExp(`/parties/${partyId}$`));
    await expect.poll(() => testId('timeline-transaction').textContent(), { timeout: 10_000 }).toContain('Purchase');

    await testId('language-switch').click();
    await testId('language-option-zh-CN').click();
    await expect.poll(() => testId('timeline-transaction').textContent()).toContain('购买');
    await page.goto(`${server.url}/value/transactions`);
    await expect.poll(() => txRows.count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('[data-testid=transactions-page] h3').textContent()).toBe('交易');
    await screenshot(page, 'value-04-transactions-zh');
    await page.goto(`${server.url}/value/products`);
    await expect.poll(() => productRows.count(), { timeout: 10_000 }).toBe(1);
    await screenshot(page, 'value-05-products-zh');
    await page.goto(`${server.url}/settings/imports/new`);
    await page.locator('[data-testid=import-wizard] input[type=file]').setInputFiles(fixture);
    await expect.poll(() => testId('mapping-table').count(), { timeout: 20_000 }).toBe(1);
    await screenshot(page, 'imports-08-mapping-zh');
    await testId('language-switch').click();
    await testId('language-option-en').click();
  });
});
