import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../../src/contract/common.ts';
import { addDays, addMonths } from '../../src/core/calendar/dates.ts';
import { todayIn } from '../../src/core/calendar/time-zones.ts';
import { periodState } from '../../src/core/plan/period-state.ts';
import { startTestServer } from '../support/server.ts';
import { chooseOption } from './pages/antd.ts';
import { AppShell } from './pages/app-shell.ts';
import { LoginPage } from './pages/auth-pages.ts';
import { launchChromium, screenshot, watchProblems } from './pages/browser.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const cents = (x: number) => Math.round(x * 100);

/**
 * Phase goals in Chromium on the demo coffee shop: an annual goal split into quarters by season,
 * each quarter into months, one month typed in (locked) while the others re-balance to the cent,
 * a changed quarter shows the mismatch below it until re-balanced, the tree exported to Excel and
 * read back; English; the company-stage plan preview; a re-plan of this year's goal.
 */
describe('phase goals in the browser', () => {
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

  async function loggedIn(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: 'zh-TW', viewport: { width: 1440, height: 960 } });
    await context.addInitScript(() => {
      try {
        if (!window.localStorage.getItem('pacer.language'))
          window.localStorage.setItem('pacer.language', 'zh-TW');
      } catch {
        // about:blank has no storage
      }
    });
    context.on('page', (p) => watchProblems(p, problems));
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    const login = new LoginPage(page);
    await login.waitForIt();
    await login.logIn('demo@pacer.local', 'pacer-demo-2026');
    await page.getByTestId('company-switcher').waitFor();
    return { context, page };
  }

  async function api(context: BrowserContext) {
    const session = (await (await context.request.get(`${server.url}/api/auth/session`)).json()) as {
      csrfToken: string;
      currentCompanyId: string;
    };
    const base = `${server.url}/api/companies/${session.currentCompanyId}`;
    return {
      base,
      post: async (path: string, data: unknown) => {
        const res = await context.request.post(`${base}${path}`, {
          headers: { [CSRF_HEADER]: session.csrfToken },
          data,
        });
        expect(res.status(), await res.text()).toBeLessThan(300);
        return (await res.json()) as { id: string };
      },
    };
  }

  const cell = (page: Page, key: string) => page.getByTestId(`plan-cell-${key}`);
  const targetOf = async (page: Page, key: string) =>
    Number(await cell(page, key).getAttribute('data-target'));

  async function splitWithPreview(page: Page, button: string) {
    await page.getByTestId(button).click();
    await page.getByTestId('split-preview').waitFor();
    await page.getByTestId('split-preview').click();
    await page.getByTestId('split-preview-result').waitFor({ timeout: 60_000 });
    await page
      .getByTestId('split-preview-result')
      .getByTestId('plan-chart')
      .locator('canvas')
      .first()
      .waitFor();
  }

  it('annual goal → quarters by season → months → lock one month → re-balance → XLSX', async ({
    onTestFailed,
  }) => {
    const { context, page } = await loggedIn();
    onTestFailed(async () => {
      await screenshot(page, 'plan-failure');
    });
    const year = new Date().getUTCFullYear() + 1;
    const a = await api(context);
    const goal = await a.post('/goals', {
      name: `${year} 年營收目標`,
      metric: 'revenue',
      target: { metric: 'revenue', kind: 'absolute', value: 12_000_000, per: null },
      period: { start: `${year}-01-01`, end: `${year}-12-31` },
    });

    // The goal page opens its breakdown.
    await page.goto(`${server.url}/goals/${goal.id}`);
    await page.getByTestId('goal-plan-link').click();
    await page.getByTestId('plan-empty').waitFor();
    expect(await page.getByTestId('plan-summary').textContent()).toContain('NT$12,000,000');

    // Quarters by season: the preview shows each quarter's target and share, the total exact, the chart.
    await splitWithPreview(page, 'plan-split');
    expect(await page.getByTestId('split-preview-total').textContent()).toBe('NT$12,000,000');
    const previewText = (await page.getByTestId('split-preview-result').textContent()) ?? '';
    expect(previewText).toContain(`${year} 第1季`);
    expect(previewText).toContain('去年同期實績');
    await screenshot(page, 'plan-01-preview-zh');
    await page.getByTestId('split-save').click();
    await cell(page, `${year}-Q4`).waitFor();
    const quarters = await Promise.all([1, 2, 3, 4].map((q) => targetOf(page, `${year}-Q${q}`)));
    expect(quarters.reduce((s, v) => s + cents(v), 0)).toBe(cents(12_000_000));
    // Seasonal, not equal: the quarters differ.
    expect(new Set(quarters).size).toBeGreaterThan(1);
    expect(await page.getByTestId('plan-recipe').textContent()).toContain('季節');

    // Each quarter into months (the next level, same method).
    await splitWithPreview(page, 'plan-split-next');
    expect(await page.getByTestId('split-preview-total').textContent()).toBe('NT$12,000,000');
    await page.getByTestId('split-save').click();
    await cell(page, `${year}-Q1`).getByTestId('plan-cell-open').waitFor();

    // Open Q1: its three months add up to Q1 exactly.
    const q1 = await targetOf(page, `${year}-Q1`);
    await cell(page, `${year}-Q1`).getByTestId('plan-cell-open').click();
    await cell(page, `${year}-03`).waitFor();
    const months = () => Promise.all(['01', '02', '03'].map((m) => targetOf(page, `${year}-${m}`)));
    expect((await months()).reduce((s, v) => s + cents(v), 0)).toBe(cents(q1));

    // Type January's target like in a spreadsheet: it locks, February and March re-balance.
    await cell(page, `${year}-01`).click();
    await page.keyboard.type('3000000');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, `${year}-01`).getAttribute('data-locked')).toBe('true');
    await expect.poll(() => targetOf(page, `${year}-01`)).toBe(3_000_000);
    const after = await months();
    expect(after.reduce((s, v) => s + cents(v), 0)).toBe(cents(q1));
    // Lock February from the keyboard (→, L).
    await cell(page, `${year}-01`).click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('l');
    await expect.poll(() => cell(page, `${year}-02`).getAttribute('data-locked')).toBe('true');
    await screenshot(page, 'plan-02-months-zh');

    // Change Q1 itself on the level above: the other quarters re-balance, Q1's months now disagree.
    await page.getByTestId('plan-breadcrumb').getByRole('link').first().click();
    await cell(page, `${year}-Q1`).dblclick();
    const input = page.getByTestId('plan-cell-input');
    await input.fill(String(q1 + 100_000));
    await input.press('Enter');
    await expect.poll(() => targetOf(page, `${year}-Q1`)).toBe(q1 + 100_000);
    const quarters2 = await Promise.all([1, 2, 3, 4].map((q) => targetOf(page, `${year}-Q${q}`)));
    expect(quarters2.reduce((s, v) => s + cents(v), 0)).toBe(cents(12_000_000));
    await cell(page, `${year}-Q1`).getByTestId('plan-cell-gap').waitFor();
    await cell(page, `${year}-Q1`).getByTestId('plan-cell-open').click();
    await page.getByTestId('plan-mismatch').waitFor();
    expect(await page.getByTestId('plan-mismatch').textContent()).toContain('NT$100,000');
    await screenshot(page, 'plan-03-mismatch-zh');
    await page.getByTestId('plan-mismatch').getByRole('button').click();
    await page.getByTestId('plan-mismatch').waitFor({ state: 'detached' });
    const rebalanced = await months();
    expect(rebalanced[0]).toBe(3_000_000);
    expect(rebalanced[1]).toBe(after[1]);
    expect(rebalanced.reduce((s, v) => s + cents(v), 0)).toBe(cents(q1 + 100_000));

    // Excel: the server's file of the whole tree.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('plan-export').click(),
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'pacer-plan-')), 'plan.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const rows: unknown[][] = [];
    wb.worksheets[0]?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows[0]?.slice(0, 3)).toEqual(['層級', '目標', '期間']);
    expect(rows).toHaveLength(1 + 1 + 4 + 12);
    expect(rows[1]?.[7]).toBe(12_000_000);
    const byPeriod = new Map(rows.slice(1).map((r) => [String(r[2]), r]));
    expect(byPeriod.get(`${year}-01`)?.[7]).toBe(3_000_000);
    expect(byPeriod.get(`${year}-01`)?.[9]).toBe(true);
    expect(byPeriod.get(`${year}-Q1`)?.[7]).toBe(q1 + 100_000);
    const q1Months = ['01', '02', '03'].map((m) => Number(byPeriod.get(`${year}-${m}`)?.[7]));
    expect(q1Months.reduce((s, v) => s + cents(v), 0)).toBe(cents(q1 + 100_000));
    const quarterRows = rows.filter((r) => /-Q\d$/.test(String(r[2])));
    expect(quarterRows.reduce((s, r) => s + cents(Number(r[7])), 0)).toBe(cents(12_000_000));

    // English.
    await new AppShell(page).switchLanguage('EN');
    await expect.poll(() => page.getByTestId('plan-summary').textContent()).toContain('Target total');
    expect(await page.getByTestId('plan-grid').textContent()).toContain('Total');
    await screenshot(page, 'plan-04-months-en');
    await page.getByTestId('plan-split').click();
    await page.getByTestId('split-preview').click();
    await page.getByTestId('split-preview-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('split-preview-result').textContent()).toContain("Last year's actual");
    await screenshot(page, 'plan-05-preview-en');
    await context.close();
  });

  it('manual split: typed quarters lock, the others re-balance, a gap is shown before and after saving', async ({
    onTestFailed,
  }) => {
    const { context, page } = await loggedIn();
    onTestFailed(async () => {
      await screenshot(page, 'plan-failure-manual');
    });
    const year = new Date().getUTCFullYear() + 2;
    const a = await api(context);
    const goal = await a.post('/goals', {
      name: `${year} 手動拆解`,
      metric: 'revenue',
      target: { metric: 'revenue', kind: 'absolute', value: 1_000_000, per: null },
      period: { start: `${year}-01-01`, end: `${year}-12-31` },
    });
    await page.goto(`${server.url}/plans/${goal.id}`);
    await page.getByTestId('plan-split').click();
    await chooseOption(page, page.getByTestId('split-method'), '手動');
    await page.getByTestId('split-preview').click();
    await page.getByTestId('split-preview-result').waitFor({ timeout: 60_000 });
    const target = async (i: number) => {
      const el = page.getByTestId('manual-target').nth(i);
      return (await el.evaluate((e) => e.tagName)) === 'INPUT' ? el : el.locator('input');
    };
    expect(await page.getByTestId('manual-target').count()).toBe(4);
    // Q1 typed: it locks; re-balancing shares the rest among Q2–Q4.
    await (await target(0)).fill('400000');
    await expect.poll(() => page.getByTestId('manual-lock').nth(0).getAttribute('data-locked')).toBe('true');
    await page.getByTestId('split-preview').click();
    await expect
      .poll(() => page.getByTestId('split-preview-total').textContent(), { timeout: 60_000 })
      .toBe('NT$1,000,000');
    expect(await (await target(0)).inputValue()).toContain('400');
    // Q2 typed too low: the gap is shown, and saving keeps what was typed.
    await (await target(1)).fill('100000');
    await page.getByTestId('split-manual-mismatch').waitFor();
    await screenshot(page, 'plan-08-manual-zh');
    await page.getByTestId('split-save').click();
    await cell(page, `${year}-Q4`).waitFor();
    await expect.poll(() => targetOf(page, `${year}-Q1`)).toBe(400_000);
    expect(await targetOf(page, `${year}-Q2`)).toBe(100_000);
    expect(await cell(page, `${year}-Q1`).getAttribute('data-locked')).toBe('true');
    expect(await cell(page, `${year}-Q3`).getAttribute('data-locked')).toBe('false');
    await page.getByTestId('plan-mismatch').waitFor();
    await context.close();
  });

  it('re-plans this year after closed quarters, and previews the company-stage plan', async ({
    onTestFailed,
  }) => {
    const { context, page } = await loggedIn();
    onTestFailed(async () => {
      await screenshot(page, 'plan-failure-2');
    });
    const year = new Date().getUTCFullYear();
    const a = await api(context);
    const goal = await a.post('/goals', {
      name: `${year} 年營收`,
      metric: 'revenue',
      target: { metric: 'revenue', kind: 'absolute', value: 30_000_000, per: null },
      period: { start: `${year}-01-01`, end: `${year}-12-31` },
    });
    await a.post(`/plans/${goal.id}/split`, { into: 'quarter', method: 'equal' });
    await page.goto(`${server.url}/plans/${goal.id}`);
    await page.getByTestId('plan-replan').click();
    await page.getByTestId('replan-preview').waitFor({ timeout: 60_000 });
    const preview = (await page.getByTestId('replan-preview').textContent()) ?? '';
    expect(preview).toMatch(/已結束的期間比目標(少|多)了 NT\$/);
    expect(preview).toContain('已結束');
    // Each quarter says where it stands on its own (never 「進行中 / 未開始」); the one in progress shows
    // its actual so far, marked partial.
    const today = todayIn('Asia/Taipei', new Date());
    const quarters = [1, 2, 3, 4].map((q) => ({
      start: `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`,
      end: addDays(addMonths(`${year}-${String(q * 3 - 2).padStart(2, '0')}-01`, 3), -1),
    }));
    const words = { closed: '已結束', 'in-progress': '進行中', 'not-started': '未開始' } as const;
    expect(await page.getByTestId('replan-state').allTextContents()).toEqual(
      quarters.map((q) => words[periodState(q, today)]),
    );
    const running = quarters.findIndex((q) => periodState(q, today) === 'in-progress');
    if (running >= 0) {
      const row = page.getByTestId('replan-actual').nth(running);
      expect(await row.textContent()).toMatch(/^NT\$[\d,]+未完整$/);
    }
    await page.getByTestId('replan-reason').fill('前三季檢討,差額分攤到第四季');
    await screenshot(page, 'plan-06-replan-zh');
    await page.locator('#replan-record').click();
    await page.getByTestId('replan-preview').waitFor({ state: 'detached' });
    // The closed quarters now carry their actuals; the year still adds up (polled: the cells refresh
    // one by one after the record, and a busy machine can show Q4 new beside Q1–Q3 old).
    const sum = async () =>
      (await Promise.all([1, 2, 3, 4].map((n) => targetOf(page, `${year}-Q${n}`)))).reduce(
        (s, v) => s + cents(v),
        0,
      );
    await expect.poll(sum, { timeout: 30_000 }).toBe(cents(30_000_000));
    // A closed quarter's actual is said in words beside its target (no check mark: not "reached").
    const actual = (await cell(page, `${year}-Q1`).getByTestId('plan-cell-actual').textContent()) ?? '';
    expect(actual).toMatch(/^目前實績 NT\$/);
    // The chart marks the quarter in progress apart from the actual line (as the KPI charts do).
    expect(await page.getByTestId('plan-chart').getAttribute('data-partial')).toBe(
      running >= 0 ? `${year}-Q${running + 1}` : '',
    );
    await screenshot(page, 'plan-06b-replanned-chart');
    const versions = (await (await context.request.get(`${a.base}/goals/${goal.id}/versions`)).json()) as {
      reason: string;
    }[];
    expect(versions[0]?.reason).toBe('前三季檢討,差額分攤到第四季');

    await page.goto(`${server.url}/plans`);
    await page.getByTestId('stage-preview').click();
    await page.getByTestId('stage-plan').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('stage-phase').count()).toBe(3);
    await screenshot(page, 'plan-07-stage-zh');
    expect(problems).toEqual([]);
    await context.close();
  });
});
