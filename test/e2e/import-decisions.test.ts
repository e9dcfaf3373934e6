import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server.ts';
import { AppShell } from './pages/app-shell.ts';
import { LoginPage } from './pages/auth-pages.ts';
import { launchChromium, screenshot, watchProblems } from './pages/browser.ts';
import { GoalWizardPage } from './pages/goals-page.ts';
import { ImportWizardPage } from './pages/import-page.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

// The UCI Online Retail layout: every day ≤ 12, so the file cannot tell day/month from month/day.
const UCI = [
  'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
  '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom',
  '536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850,United Kingdom',
  '536366,22633,HAND WARMER UNION JACK,6,12/1/2010 8:28,1.85,17850,United Kingdom',
  '536367,84879,ASSORTED COLOUR BIRD ORNAMENT,32,12/2/2010 8:34,1.69,13047,United Kingdom',
].join('\n');

// An order-level report: no product, quantity or customer column; M003 is cancelled.
const ORDER_REPORT = [
  '訂單編號,訂單日期,訂單金額,付款狀態',
  'M001,2024/05/01,"1,200",已付款',
  'M002,2024/05/02,800,已付款',
  'M003,2024/05/03,500,已取消',
  'M004,2024/06/01,1500,已付款',
].join('\n');

describe('the import wizard shows its decisions and asks for the date order when the file cannot tell', () => {
  let server: TestServer;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pacer-e2e-decisions-'));
    server = await startTestServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const problems: string[] = [];
  const watch = (page: Page) => watchProblems(page, problems);

  /** Opens the import wizard, uploads `file` as sales lines and goes on to the preview's decisions. */
  async function toDecisions(page: Page, file: string): Promise<ImportWizardPage> {
    await new AppShell(page).goTo('資料匯入');
    const wizard = new ImportWizardPage(page);
    await wizard.waitForIt();
    await wizard.chooseKind('銷售明細');
    await wizard.upload(file);
    await wizard.next();
    return wizard;
  }

  /** Writes the file, opens a zh-TW browser context and logs in to the demo company. */
  async function openAsDemo(
    name: string,
    content: string | Buffer,
    failureShot: string,
    onTestFailed: (fn: () => Promise<void>) => void,
  ) {
    const file = join(dir, name);
    writeFileSync(file, content);
    const context = await browser.newContext({ locale: 'zh-TW', viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      try {
        window.localStorage.setItem('pacer.language', 'zh-TW');
      } catch {
        // about:blank has no storage
      }
    });
    context.on('page', watch);
    const page = await context.newPage();
    onTestFailed(async () => {
      await screenshot(page, failureShot);
    });
    await page.goto(`${server.url}/login`);
    const login = new LoginPage(page);
    await login.waitForIt();
    await login.logIn('demo@pacer.local', 'pacer-demo-2026');
    await page.getByTestId('company-switcher').waitFor();
    return { file, context, page };
  }

  it('asks, imports month-first once answered, and states the policy and the strict option', async ({
    onTestFailed,
  }) => {
    const { file, context, page } = await openAsDemo(
      'online-retail.csv',
      UCI,
      'import-decisions-failure',
      onTestFailed,
    );
    const shell = new AppShell(page);
    await shell.goTo('資料匯入');
    const wizard = new ImportWizardPage(page);
    await wizard.waitForIt();
    await wizard.chooseKind('銷售明細');
    await wizard.upload(file);
    await wizard.next();

    // The preview says the dates can be read both ways, shows a line, and the import cannot start.
    const decisions = page.getByTestId('import-decisions');
    await expect.poll(() => decisions.textContent()).toContain('第 2 行的 12/1/2010 8:26');
    expect(await decisions.textContent()).toContain('只要有任何一行有問題,就完全不匯入');
    expect(await decisions.textContent()).toContain('幣別');
    const start = page.getByRole('button', { name: '開始匯入' });
    expect(await start.isDisabled()).toBe(true);
    await screenshot(page, 'import-decisions-01-asks');

    // Answer month/day/year: the preview now says so and the import may start. (A click, not
    // check(): once the preview answers, the chooser gives way to that sentence, so a check that
    // looks at the radio after its click can find it gone.)
    await decisions.getByRole('radio', { name: /月\/日\/年/ }).click();
    await expect.poll(() => decisions.textContent()).toContain('日期:月/日/年,依您的選擇。');
    await expect.poll(() => start.isDisabled()).toBe(false);
    await wizard.commit();
    await wizard.result().waitFor();
    expect(await wizard.resultCount('added')).toBe(4);
    expect(await wizard.resultCount('rejected')).toBe(0);
    // The imported range is December 2010 (12/1 read month-first), as the KPI link carries it.
    await page.getByTestId('import-to-kpi').click();
    const opened = new URL(page.url());
    expect(opened.searchParams.get('from')).toBe('2010-12-01');
    expect(opened.searchParams.get('to')).toBe('2010-12-02');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a marketing file uploaded as sales lines: the wizard names the kind its columns fit and reads it so', async ({
    onTestFailed,
  }) => {
    const { file, context, page } = await openAsDemo(
      'ads.csv',
      '日期,通路,廣告花費,曝光數,點擊數,名單數\n2019-03-01,Facebook,1200,5000,300,12\n',
      'import-other-kind-failure',
      onTestFailed,
    );
    await new AppShell(page).goTo('資料匯入');
    const wizard = new ImportWizardPage(page);
    await wizard.waitForIt();
    await wizard.chooseKind('銷售明細');
    await wizard.upload(file);
    await wizard.next();
    const hint = page.getByTestId('other-kind');
    await expect.poll(() => hint.textContent()).toContain('這個檔案看起來是「行銷成效」');
    await hint.getByRole('button', { name: '改以「行銷成效」匯入' }).click();
    await hint.waitFor({ state: 'detached' });
    await wizard.commit();
    await wizard.result().waitFor();
    expect(await wizard.resultCount('added')).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('marks the KPIs that depend on what an order report lacked, and keeps what it left out in the history', async ({
    onTestFailed,
  }) => {
    const { file, context, page } = await openAsDemo(
      'orders.csv',
      ORDER_REPORT,
      'import-gaps-failure',
      onTestFailed,
    );
    const wizard = await toDecisions(page, file);
    const decisions = page.getByTestId('import-decisions');
    await expect.poll(() => decisions.textContent()).toContain('沒有客戶欄');
    await wizard.commit();
    await wizard.result().waitFor();
    expect(await wizard.resultCount('added')).toBe(3);

    // Units over May–June 2024 depend on the quantity the report lacked: 3 lines (M001, M002, M004).
    await page.goto(`${server.url}/kpi?metric=units&period=custom&from=2024-05-01&to=2024-06-30`);
    const caveat = page.getByTestId('kpi-caveat');
    await expect.poll(() => caveat.first().textContent()).toContain('此期間有 3 筆明細的檔案沒有數量欄');
    await screenshot(page, 'import-gaps-01-kpi-caveat');

    // The history keeps what the import left out (the cancelled order) and what the file lacked.
    await page.goto(`${server.url}/imports?tab=history`);
    await page.locator('.ant-table-row-expand-icon').first().click();
    const account = page.getByTestId('import-account');
    await expect.poll(() => account.textContent()).toContain('取消 1');
    expect(await account.textContent()).toContain('沒有產品欄:3 筆明細');
    await screenshot(page, 'import-gaps-02-history');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a goal on orders graded on a file without order ids says so in the wizard', async ({
    onTestFailed,
  }) => {
    // Last month in Asia/Taipei: inside the months the grading reads.
    const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei' })
      .format(new Date())
      .split('-')
      .map(Number) as [number, number];
    const last = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    const POS = [
      '日期,品名,數量,金額',
      `${last}-03,拿鐵,1,120`,
      `${last}-04,拿鐵,2,240`,
      `${last}-05,美式咖啡,1,90`,
    ].join('\n');
    const { file, context, page } = await openAsDemo(
      'pos-no-order-ids.csv',
      POS,
      'goal-caveats-failure',
      onTestFailed,
    );
    const wizard = await toDecisions(page, file);
    await wizard.commit();
    await wizard.result().waitFor();
    expect(await wizard.resultCount('added')).toBe(3);

    await page.goto(`${server.url}/goals/new`);
    const goal = new GoalWizardPage(page);
    await goal.waitForIt();
    await goal.writeSentence('在未來三個月內,訂單數達到每月3000張');
    const caveats = page.getByTestId('goal-caveats');
    await caveats.waitFor({ timeout: 30_000 });
    expect(await caveats.textContent()).toContain('3 筆明細的檔案沒有訂單編號');
    await screenshot(page, 'goal-caveats-01-wizard');
    expect(problems).toEqual([]);
    await context.close();
  });

  it("lists a Shopee export's per-item return statuses and what each does, then imports the rest", async ({
    onTestFailed,
  }) => {
    const { file, context, page } = await openAsDemo(
      'Order.all.20240601_20240630.csv',
      readFileSync(join(import.meta.dirname, '../fixtures/ingest/exports/shopee.csv'), 'utf8'),
      'import-returns-failure',
      onTestFailed,
    );
    const wizard = await toDecisions(page, file);
    const returns = page.getByTestId('import-return-statuses');
    await expect.poll(() => returns.textContent()).toContain('退款成功 × 2');
    const text = await returns.textContent();
    expect(text).toContain('退貨/退款已完成:不計入');
    expect(text).toContain('退貨/退款申請中 × 1');
    expect(text).toContain('申請中、被拒或已撤回:仍計為銷售');
    await screenshot(page, 'import-returns-01-decisions');
    await wizard.commit();
    await wizard.result().waitFor();
    // Six lines: the 不成立 order and the item refunded in full are left out.
    expect(await wizard.resultCount('added')).toBe(4);
    expect(await page.getByTestId('result-stale-duplicates').count()).toBe(0);

    // The same export again: nothing added, and the result says how to take later returns.
    await page.getByRole('button', { name: '再匯入一個檔案' }).click();
    const again = new ImportWizardPage(page);
    await again.chooseKind('銷售明細');
    await again.upload(file);
    await again.next();
    await again.commit();
    await again.result().waitFor();
    expect(await again.resultCount('duplicates')).toBe(4);
    expect(await page.getByTestId('result-stale-duplicates').textContent()).toContain(
      '重新匯入不會更新之後才完成的退貨、退款或狀態變更',
    );
    await screenshot(page, 'import-returns-02-again');
    expect(problems).toEqual([]);
    await context.close();
  });
  it('reads a POS report under its title block, says which lines were the title, and names its total rows', async ({
    onTestFailed,
  }) => {
    const report = [
      '門市銷售報表 2024年5月',
      '列印日期:2024/06/01',
      '日期,品名,數量,單價,金額,門市',
      '2024/05/01,拿鐵,2,120,240,信義店',
      '2024/05/02,美式,1,90,90,大安店',
      '合計,,3,,330,',
    ].join('\n');
    const { file, context, page } = await openAsDemo(
      '門市銷售報表.csv',
      report,
      'import-report-failure',
      onTestFailed,
    );
    const wizard = await toDecisions(page, file);
    await expect
      .poll(() => page.getByTestId('title-block').textContent())
      .toContain('第 1–2 行是欄名(第 3 行)上方的報表標題');
    await expect.poll(() => wizard.problemCells().count()).toBeGreaterThan(0);
    expect(await page.getByTestId('preview-table').textContent()).toContain('小計或合計列');
    await screenshot(page, 'import-report-01-preview');
    await wizard.commit();
    await wizard.result().waitFor();
    expect(await wizard.resultCount('added')).toBe(2);
    expect(await wizard.resultCount('rejected')).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
  it('preselects the sheet holding the table of a workbook that opens on a summary, and imports it', async ({
    onTestFailed,
  }) => {
    const wb = new ExcelJS.Workbook();
    const cover = wb.addWorksheet('摘要');
    cover.addRow(['2024 年 5 月銷售摘要']);
    cover.addRow(['品名', '5月', '合計']);
    cover.addRow(['拿鐵', 600, 600]);
    const lines = wb.addWorksheet('明細');
    lines.addRow(['日期', '品名', '數量', '金額']);
    lines.addRow(['2024-05-01', '拿鐵', 2, 240]);
    lines.addRow(['2024-05-02', '拿鐵', 3, 360]);
    const book = Buffer.from(await wb.xlsx.writeBuffer());
    const { file, context, page } = await openAsDemo(
      '五月銷售.xlsx',
      book,
      'import-sheet-failure',
      onTestFailed,
    );
    await new AppShell(page).goTo('資料匯入');
    const wizard = new ImportWizardPage(page);
    await wizard.waitForIt();
    await wizard.chooseKind('銷售明細');
    await wizard.upload(file);
    const sheet = page.locator('.ant-select', { has: page.getByLabel('工作表', { exact: true }) });
    await expect.poll(() => sheet.textContent()).toContain('明細');
    await wizard.next();
    await expect.poll(() => wizard.mappedColumn('日期').textContent()).toContain('日期');
    await wizard.commit();
    await wizard.result().waitFor();
    expect(await wizard.resultCount('added')).toBe(2);
    expect(problems).toEqual([]);
    await context.close();
  });
});
