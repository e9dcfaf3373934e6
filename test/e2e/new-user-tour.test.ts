import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server.ts';
import { LoginPage, SignupPage } from './pages/auth-pages.ts';
import { launchChromium, screenshot, watchProblems } from './pages/browser.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/**
 * Pages as a new user meets them, in English at a laptop's width: what the layout must not do to the
 * text (cut a file name to "sales.…", break a word in a header, push a select's arrow under its value).
 */
describe('page layout in English at 1366 × 800', () => {
  let server: TestServer;
  let browser: Browser;
  let dir: string;
  const problems: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pacer-e2e-layout-'));
    server = await startTestServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function englishPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'en', viewport: { width: 1366, height: 800 } });
    await context.addInitScript(() => {
      try {
        window.localStorage.setItem('pacer.language', 'en');
      } catch {
        // about:blank has no storage
      }
    });
    const page = await context.newPage();
    watchProblems(page, problems);
    return page;
  }

  async function logInToDemo(page: Page): Promise<void> {
    await page.goto(`${server.url}/login`);
    const login = new LoginPage(page, { email: 'Email', password: 'Password', submit: 'Log in' });
    await login.waitForIt();
    await login.logIn('demo@pacer.local', 'pacer-demo-2026');
    await page.getByTestId('company-switcher').waitFor();
  }

  /** Words of a cell's text wider than the room the cell gives them (so the browser breaks them). */
  function brokenWords(cell: Locator): Promise<string[]> {
    return cell.evaluate((el) => {
      const style = getComputedStyle(el);
      const room =
        el.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
      const ctx = document.createElement('canvas').getContext('2d');
      if (!ctx) return ['(no canvas)'];
      ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const words = (el.textContent ?? '').split(/\s+/).filter((w) => w !== '');
      return words.filter((w) => ctx.measureText(w).width > room + 0.5);
    });
  }

  it('a workbook: the sheet picker is one line; the history shows whole file names and unbroken headers', async ({
    onTestFailed,
  }) => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Cover').addRow(['November sales report']);
    const lines = wb.addWorksheet('Lines');
    lines.addRow(['Order ID', 'Date', 'Product', 'Qty', 'Amount', 'Channel']);
    for (let d = 1; d <= 12; d++)
      lines.addRow([`L-${d}`, `2026-11-${String(d).padStart(2, '0')}`, 'Mocha', 1, 150, 'Online']);
    const file = join(dir, 'november-sales.xlsx');
    await wb.xlsx.writeFile(file);

    const page = await englishPage();
    onTestFailed(async () => {
      await screenshot(page, 'layout-import-failure');
    });
    await logInToDemo(page);
    await page.goto(`${server.url}/imports`);
    await page.getByRole('heading', { name: 'Import data', level: 3 }).waitFor();
    await page.getByRole('radio', { name: /Sales lines/ }).check();
    await page.locator('.ant-upload input[type=file]').setInputFiles(file);
    await page.getByTestId('upload-facts').waitFor();

    // The sheet picker: its value and its arrow on one row, as tall as any other select.
    const sheet = page.locator('.ant-select', { has: page.getByLabel('Sheet', { exact: true }) });
    await expect.poll(() => sheet.textContent()).toContain('Lines');
    const box = await sheet.boundingBox();
    const arrow = await sheet.locator('.ant-select-suffix').boundingBox();
    const value = await sheet.getByText('Lines', { exact: true }).boundingBox();
    expect(box && arrow && value).toBeTruthy();
    if (!box || !arrow || !value) return;
    expect(box.height).toBeLessThanOrEqual(34);
    expect(Math.abs(arrow.y + arrow.height / 2 - (value.y + value.height / 2))).toBeLessThan(4);
    await screenshot(page, 'layout-01-sheet');

    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByTestId('mapping-table').waitFor();
    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByTestId('import-result').waitFor();

    // The history: the file's name is whole (it is what tells one import from another)…
    await page.getByRole('tab', { name: 'Import history' }).click();
    const row = page.locator('.ant-table-row', { hasText: 'november-sales.xlsx' });
    await row.waitFor();
    const fileCell = row.locator('td', { hasText: 'november-sales.xlsx' }).last();
    const cut = await fileCell.evaluate((el) => {
      const inner = el.firstElementChild ?? el;
      return inner.scrollWidth > inner.clientWidth || getComputedStyle(inner).textOverflow === 'ellipsis';
    });
    expect(cut).toBe(false);
    // …and no header has a word broken across lines ("Duplicat-es").
    const headers = page.locator('.ant-table-thead th');
    const broken: string[] = [];
    for (let i = 0; i < (await headers.count()); i++) broken.push(...(await brokenWords(headers.nth(i))));
    expect(broken).toEqual([]);
    await screenshot(page, 'layout-02-history');
    expect(problems).toEqual([]);
    await page.context().close();
  });
  it('a new company: the KPI explorer says there is no data and offers the import, with no table of NT$0', async ({
    onTestFailed,
  }) => {
    const page = await englishPage();
    onTestFailed(async () => {
      await screenshot(page, 'layout-new-company-kpi-failure');
    });
    await page.goto(`${server.url}/signup`);
    await page.getByLabel('Company name').fill('Small Cup Coffee');
    await page.getByLabel('Your name').fill('Amy Lin');
    await page.getByLabel('Email').fill('amy@example.com');
    await page.getByLabel('Password').fill('a-long-password-2026');
    await page.getByRole('button', { name: 'Sign up and create the company' }).click();
    await page.waitForURL(/\/profile/);
    await page.goto(`${server.url}/kpi`);
    await page.getByTestId('kpi-empty').waitFor();
    // The banner's button fits a company that has imported nothing ("the latest data" is for old data).
    const banner = page.getByTestId('data-freshness');
    expect(await banner.getAttribute('data-status')).toBe('none');
    expect(await banner.getByRole('button').textContent()).toBe('Import your sales');
    expect(await page.getByTestId('kpi-empty-import').textContent()).toContain('Import sales lines');
    // No "Figures" table of NT$0 under "No data in this period".
    expect(await page.getByText('Figures', { exact: true }).count()).toBe(0);
    expect(await page.getByText('NT$0').count()).toBe(0);
    await screenshot(page, 'layout-03-new-company-kpi');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('zh-TW on a phone (390 × 844)', () => {
  let server: TestServer;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sign-up: a corrected field stops saying what was wrong with it, and a new try shows only its own errors', async ({
    onTestFailed,
  }) => {
    const context = await browser.newContext({ locale: 'zh-TW', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    watchProblems(page, problems);
    onTestFailed(async () => {
      await screenshot(page, 'signup-errors-failure');
    });
    const signup = new SignupPage(page);
    await signup.open(server.url);
    await page.getByRole('button', { name: '註冊並建立公司' }).click();
    await signup.fieldError('公司名稱').waitFor();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').count()).toBe(4);

    // Typing the company's name takes its error away at once; the others stay until they are fixed.
    await page.getByLabel('公司名稱').fill('小杯咖啡');
    await signup.fieldError('公司名稱').waitFor({ state: 'detached' });
    expect(await signup.fieldError('您的姓名').textContent()).toBeTruthy();

    // A second try with a short password: that is the one error left, typed values all kept.
    await page.getByLabel('您的姓名').fill('林小姐');
    await page.getByLabel('電子郵件').fill('lin@example.com');
    await page.getByLabel('密碼').fill('short');
    await page.getByRole('button', { name: '註冊並建立公司' }).click();
    // (an error on its way out is still in the page for its fade: count only those shown)
    const shownErrors = () =>
      page.locator('.ant-form-item-explain-error:not(.ant-form-show-help-item-leave)').allTextContents();
    await expect.poll(shownErrors).toEqual(['至少需要 8 個字元']);
    expect(await page.getByLabel('公司名稱').inputValue()).toBe('小杯咖啡');
    expect(await page.getByLabel('電子郵件').inputValue()).toBe('lin@example.com');
    await screenshot(page, 'signup-errors');
    expect(problems).toEqual([]);
    await context.close();
  });
  it('KPI explorer: the custom date range opens within the screen, with its next-month arrows in reach', async ({
    onTestFailed,
  }) => {
    const context = await browser.newContext({ locale: 'zh-TW', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    watchProblems(page, problems);
    onTestFailed(async () => {
      await screenshot(page, 'kpi-range-phone-failure');
    });
    await page.goto(`${server.url}/login`);
    const login = new LoginPage(page);
    await login.waitForIt();
    await login.logIn('demo@pacer.local', 'pacer-demo-2026');
    await page.getByTestId('company-switcher').waitFor();
    await page.goto(`${server.url}/kpi?metric=revenue&period=custom&from=2026-01-01&to=2026-03-31`);
    await page.locator('.ant-picker-range').click();
    const panels = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-panel');
    await expect.poll(() => panels.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      const box = await panels.nth(i).boundingBox();
      expect(box).toBeTruthy();
      if (box) expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    const next = page.locator(
      '.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-header-next-btn',
    );
    const reachable = [];
    for (let i = 0; i < (await next.count()); i++) {
      const box = await next.nth(i).boundingBox();
      const visible = await next.nth(i).evaluate((el) => getComputedStyle(el).visibility !== 'hidden');
      if (box && visible && box.x + box.width <= 390) reachable.push(i);
    }
    expect(reachable.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    await screenshot(page, 'kpi-range-phone');
    expect(problems).toEqual([]);
    await context.close();
  });
  it("downloads come in the language chosen in Pacer, not the browser's (an English Chrome, Pacer in 中文)", async ({
    onTestFailed,
  }) => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
    await context.addInitScript(() => {
      try {
        window.localStorage.setItem('pacer.language', 'zh-TW');
      } catch {
        // about:blank has no storage
      }
    });
    const page = await context.newPage();
    watchProblems(page, problems);
    onTestFailed(async () => {
      await screenshot(page, 'download-language-failure');
    });
    await page.goto(`${server.url}/login`);
    const login = new LoginPage(page);
    await login.waitForIt();
    await login.logIn('demo@pacer.local', 'pacer-demo-2026');
    await page.getByTestId('company-switcher').waitFor();
    await page.goto(`${server.url}/kpi?metric=retention_rate&period=last12m`);
    const link = page.getByTestId('kpi-export-csv');
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('期間');
    expect(text).toContain('留存率');
    expect(text).not.toContain('Retention rate');
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(problems).toEqual([]);
    await context.close();
  });
  it("a bad email is told in Pacer's language, not in the browser's (an English Chrome, Pacer in 中文)", async ({
    onTestFailed,
  }) => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
    await context.addInitScript(() => {
      try {
        window.localStorage.setItem('pacer.language', 'zh-TW');
      } catch {
        // about:blank has no storage
      }
    });
    const page = await context.newPage();
    watchProblems(page, problems);
    onTestFailed(async () => {
      await screenshot(page, 'invite-email-failure');
    });
    await page.goto(`${server.url}/login`);
    const login = new LoginPage(page);
    await login.waitForIt();
    await login.logIn('demo@pacer.local', 'pacer-demo-2026');
    await page.getByTestId('company-switcher').waitFor();
    await page.goto(`${server.url}/team`);
    const form = page.locator('form#invite');
    await form.getByLabel('電子郵件').fill('not-an-email');
    await form.getByRole('button', { name: '產生邀請連結' }).click();
    await expect
      .poll(() => form.locator('.ant-form-item-explain-error').allTextContents())
      .toEqual(['請輸入有效的電子郵件']);
    // what was typed stays, to be corrected
    expect(await form.getByLabel('電子郵件').inputValue()).toBe('not-an-email');
    expect(problems).toEqual([]);
    await context.close();
  });
});
