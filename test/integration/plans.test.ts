import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, toDayNumber } from '../../src/core/calendar/dates.ts';
import { lunarNewYear } from '../../src/core/calendar/lunar.ts';
import type { Database } from '../../src/db/schema/index.ts';
import { type Client, type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { type SeedSale, seedCatalog, seedSales } from '../support/seed-sales.ts';

/** Phase goals through inject() on both databases: split, tree, edit with locks, re-plan, stage plans. */

const FIRST = '2023-01-01';
const LAST = '2025-12-31';

/**
 * Three years of daily sales (2023–2025) of two products in two channels: a weekly pattern and a
 * Lunar New Year gift-box peak five days before 初一 (which moves: 2023-01-22, 2024-02-10, 2025-01-29).
 */
async function seedHistory(
  db: Kysely<Database>,
  companyId: string,
  first = FIRST,
  last = LAST,
  /** Days with no sales at all (no orders: a month without an AOV). */
  gap?: { start: string; end: string },
): Promise<void> {
  // Both products in one category (a split by category has one member; the export names the dimension).
  const { products, channels } = await seedCatalog(db, companyId, {
    products: ['拿鐵', '美式'],
    channels: ['門市', '線上'],
    category: '咖啡',
  });
  const sales: SeedSale[] = [];
  let n = 0;
  for (let d = first; d <= last; d = addDays(d, 1)) {
    if (gap && d >= gap.start && d <= gap.end) continue;
    const day = toDayNumber(d);
    const weekday = (((day + 3) % 7) + 7) % 7;
    const year = Number(d.slice(0, 4));
    const peak = day - toDayNumber(lunarNewYear(year)) === -5 ? 6 : 1;
    for (const [pi, product] of products.entries())
      for (const [ci, channel] of channels.entries()) {
        const amount =
          Math.round(1000 * (pi === 0 ? 2 : 1) * (ci === 0 ? 3 : 1) * (weekday >= 5 ? 1.4 : 1) * peak) * 100;
        n += 1;
        sales.push({
          orderId: `O${n}`,
          date: d,
          productId: product,
          channelId: channel,
          amountMinor: amount,
        });
      }
  }
  await seedSales(db, companyId, sales, { first, last });
}

const cents = (x: number) => Math.round(x * 100);
const sumCents = (xs: { target: number }[]) => xs.reduce((s, c) => s + cents(c.target), 0);

describe.each(dialects())('phase goals (%s)', (dialect) => {
  let h: Harness;
  let client: Client;
  let companyId: string;
  const goal = async (over: Record<string, unknown> = {}) => {
    const res = await client.post(`/api/companies/${companyId}/goals`, {
      name: '2026 年營收',
      metric: 'revenue',
      target: { metric: 'revenue', kind: 'absolute', value: 12_345_678.9, per: null },
      period: { start: '2026-01-01', end: '2026-12-31' },
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };
  const plans = () => `/api/companies/${companyId}/plans`;

  beforeAll(async () => {
    h = await startHarness(dialect);
    ({ client, companyId } = await signUp(h.app));
    await seedHistory(h.runtime.database.db, companyId);
  }, 180_000);
  afterAll(async () => h?.close());

  it('previews a split without saving; the children sum to the parent to the cent', async () => {
    const g = await goal();
    const res = await client.post(`${plans()}/${g.id}/split`, {
      into: 'month',
      method: 'seasonal',
      dryRun: true,
      today: '2026-01-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v).toMatchObject({
      goalId: g.id,
      method: 'seasonal',
      into: 'month',
      total: 12_345_678.9,
      saved: false,
    });
    expect(v.children).toHaveLength(12);
    expect(v.children.every((c: { id: string | null }) => c.id === null)).toBe(true);
    expect(sumCents(v.children)).toBe(cents(12_345_678.9));
    expect(v.notes.map((n: { code: string }) => n.code)).toContain('SEASONAL_LEARNED');
    // LNY 2026 is 2026-02-17 (the peak 2026-02-12): February outweighs January per day, though in
    // 2025 (LNY 2025-01-29) the peak was in January.
    const [jan, feb] = v.children;
    expect(feb.target / 28).toBeGreaterThan(jan.target / 31);
    expect(v.curve).toHaveLength(12);
    expect(v.curve[0].lastYear).toBeGreaterThan(0);
    const tree = (await client.get(`${plans()}/${g.id}?today=2026-01-01`)).json();
    expect(tree.children).toEqual([]);
  });

  it('saves a quarter × product split, shows the tree, re-balances after an edit, refuses locks above the target', async () => {
    const g = await goal();
    const res = await client.post(`${plans()}/${g.id}/split`, {
      into: 'quarter',
      by: 'product',
      method: 'last-year',
      today: '2026-01-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v.children).toHaveLength(8);
    expect(sumCents(v.children)).toBe(cents(12_345_678.9));
    // 拿鐵 sold twice 美式 last year.
    expect(v.children[0].scope).toEqual({ product: ['拿鐵'] });
    expect(v.children[0].target / v.children[1].target).toBeCloseTo(2, 2);

    const tree = (await client.get(`${plans()}/${g.id}?today=2026-01-01`)).json();
    expect(tree.children).toHaveLength(8);
    expect(tree.goal).toMatchObject({
      childrenTotal: 12_345_678.9,
      mismatch: 0,
      split: { into: 'quarter', by: 'product' },
    });
    const [first, second] = tree.children;
    expect(first).toMatchObject({ periodId: '2026-Q1', member: '拿鐵', locked: false });
    expect(first.grades).not.toBeNull();

    const edited = await client.patch(`${plans()}/${g.id}/children/${first.id}`, {
      target: 3_000_000,
      reason: '第一季門市改裝',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const after = edited.json();
    expect(after.children[0]).toMatchObject({ target: 3_000_000, locked: true });
    expect(sumCents(after.children)).toBe(cents(12_345_678.9));
    expect(after.goal.mismatch).toBe(0);
    const versions = (await client.get(`/api/companies/${companyId}/goals/${second.id}/versions`)).json();
    expect(versions[0].reason).toBe('第一季門市改裝');

    client.locale = 'zh-TW';
    const tooMuch = await client.patch(`${plans()}/${g.id}/children/${second.id}`, {
      target: 10_000_000,
      reason: 'too much',
    });
    client.locale = 'en';
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json()).toMatchObject({ code: 'PLAN_LOCKS_EXCEED_TARGET' });
    expect(tooMuch.json().detail).toContain('鎖定');
    // Nothing changed.
    const still = (await client.get(`${plans()}/${g.id}?today=2026-01-01`)).json();
    expect(still.children.map((c: { target: number }) => c.target)).toEqual(
      after.children.map((c: { target: number }) => c.target),
    );
  });

  it('re-grades the children an edit re-balances: the tree shows the grades of the targets it shows', async () => {
    const g = await goal();
    const split = await client.post(`${plans()}/${g.id}/split`, { into: 'quarter', method: 'equal' });
    expect(split.statusCode, split.body).toBe(200);
    const tree = (await client.get(`${plans()}/${g.id}`)).json();
    const [q1] = tree.children;
    // Q1 down to almost nothing: the other quarters carry the rest.
    const edited = await client.patch(`${plans()}/${g.id}/children/${q1.id}`, { target: 1, reason: '測試' });
    expect(edited.statusCode, edited.body).toBe(200);
    const after = (await client.get(`${plans()}/${g.id}`)).json();
    expect(after.children[0].target).toBe(1);
    for (const child of after.children) {
      const alone = (await client.get(`/api/companies/${companyId}/goals/${child.id}`)).json();
      expect({ period: child.periodId, grades: child.grades, score: child.score }).toEqual({
        period: child.periodId,
        grades: alone.grading.grades,
        score: alone.grading.score,
      });
    }
  });

  it('grades every child of a big split (106 weeks × products), each as its own goal’s grading would', async () => {
    const g = await goal();
    const res = await client.post(`${plans()}/${g.id}/split`, {
      into: 'week',
      by: 'product',
      method: 'equal',
    });
    expect(res.statusCode, res.body).toBe(200);
    const tree = (await client.get(`${plans()}/${g.id}`)).json();
    expect(tree.children).toHaveLength(106);
    expect(tree.children.every((c: { grades: unknown }) => c.grades !== null)).toBe(true);
    // The bulk grades are those the goal page computes for each child alone.
    for (const i of [0, 1, 10, 53, 104, 105]) {
      const child = tree.children[i];
      const alone = (await client.get(`/api/companies/${companyId}/goals/${child.id}`)).json();
      expect({ member: child.member, grades: child.grades, score: child.score }).toEqual({
        member: child.member,
        grades: alone.grading.grades,
        score: alone.grading.score,
      });
    }
  });

  it('last year by week × product: the scope’s week shape times each product’s share of the month', async () => {
    const g = await goal();
    const res = await client.post(`${plans()}/${g.id}/split`, {
      into: 'week',
      by: 'product',
      method: 'last-year',
      dryRun: true,
      today: '2026-01-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v.children).toHaveLength(53 * 2);
    expect(sumCents(v.children)).toBe(cents(12_345_678.9));
    expect(v.notes.map((n: { code: string }) => n.code)).toContain('LAST_YEAR_DAY_SHAPE');
    // 拿鐵 sold twice 美式 every day last year.
    expect(v.children[2].target / v.children[3].target).toBeCloseTo(2, 3);
    // Each cell still shows its own last year (the week 364 days back), as the preview's column says.
    expect(v.children[2].lastYear).toBeGreaterThan(0);
    expect(v.children[2].lastYear / v.children[3].lastYear).toBeCloseTo(2, 3);
  });

  it('a ratio metric is not split: every child carries the level, the parent shows what they imply', async () => {
    const g = await goal({
      name: '客單價',
      metric: 'aov',
      target: { metric: 'aov', kind: 'absolute', value: 150, per: null },
    });
    const res = await client.post(`${plans()}/${g.id}/split`, {
      into: 'quarter',
      method: 'equal',
      today: '2026-01-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res.json().children.map((c: { target: number; share: number | null }) => [c.target, c.share]),
    ).toEqual([
      [150, null],
      [150, null],
      [150, null],
      [150, null],
    ]);
    const tree = (await client.get(`${plans()}/${g.id}?today=2026-01-01`)).json();
    expect(tree.goal.implied).toBeCloseTo(150, 6);
    expect(tree.goal.mismatch).toBeNull();
  });

  it('every child of a split by a dimension carries its own last year, whatever the method and metric kind', async () => {
    type Child = { periodId: string; member: string | null; lastYear: number | null };
    type View = { children: Child[]; curve: { period: string; lastYear: number | null }[] };
    const preview = async (goalId: string, body: Record<string, unknown>) => {
      const res = await client.post(`${plans()}/${goalId}/split`, {
        into: 'quarter',
        dryRun: true,
        today: '2026-01-01',
        ...body,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as View;
    };
    const ly = (v: View, periodId: string, member: string | null) =>
      v.children.find((c) => c.periodId === periodId && c.member === member)?.lastYear;

    // A sum: each channel's own last year; together they are the scope's (the chart's line).
    const rev = await goal();
    const whole = await preview(rev.id, { method: 'seasonal' });
    for (const method of ['seasonal', 'equal', 'last-year']) {
      const v = await preview(rev.id, { by: 'channel', method });
      expect(v.children).toHaveLength(8);
      for (const q of ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']) {
        const store = ly(v, q, '門市') ?? 0;
        const online = ly(v, q, '線上') ?? 0;
        expect(store, `${method} ${q}`).toBeGreaterThan(0);
        // 門市 sells three times 線上 every day.
        expect(store / online).toBeCloseTo(3, 3);
        expect(store + online).toBeCloseTo(ly(whole, q, null) ?? Number.NaN, 2);
      }
      expect(v.curve.map((p) => p.lastYear)).toEqual(whole.curve.map((p) => p.lastYear));
    }

    // A level: each channel's own order value; the chart's line is the scope's level, not their sum.
    const aov = await goal({
      name: '客單價',
      metric: 'aov',
      target: { metric: 'aov', kind: 'absolute', value: 150, per: null },
    });
    const level = await preview(aov.id, { method: 'equal' });
    for (const method of ['seasonal', 'equal', 'last-year']) {
      const v = await preview(aov.id, { by: 'channel', method });
      for (const q of ['2026-Q1', '2026-Q3']) {
        const store = ly(v, q, '門市') ?? 0;
        const online = ly(v, q, '線上') ?? 0;
        expect(online, `${method} ${q}`).toBeGreaterThan(0);
        expect(store / online).toBeCloseTo(3, 3);
        // One order per line, the same number in both channels: the level is their mean.
        expect(ly(level, q, null)).toBeCloseTo((store + online) / 2, 2);
      }
      expect(v.curve.map((p) => p.lastYear)).toEqual(level.curve.map((p) => p.lastYear));
    }
  });

  it('by day and by week too, whatever the method: each child’s own last year, in one read per preview', async () => {
    type Child = { periodId: string; member: string | null; lastYear: number | null };
    type View = { children: Child[]; curve: { period: string; lastYear: number | null }[] };
    // Each readMetricParts asks the data version once: the reads a preview makes.
    const kpi = h.runtime.ctx.repos.kpi;
    const dataVersion = kpi.dataVersion;
    let reads = 0;
    kpi.dataVersion = (id: string) => {
      reads += 1;
      return dataVersion.call(kpi, id);
    };
    const preview = async (goalId: string, body: Record<string, unknown>) => {
      reads = 0;
      const res = await client.post(`${plans()}/${goalId}/split`, {
        dryRun: true,
        today: '2026-01-01',
        ...body,
      });
      expect(res.statusCode, res.body).toBe(200);
      return { view: res.json() as View, reads };
    };
    const ly = (v: View, periodId: string, member: string | null = null) =>
      v.children.find((c) => c.periodId === periodId && c.member === member)?.lastYear;
    try {
      const rev = await goal();
      for (const method of ['equal', 'seasonal', 'ramp', 'last-year']) {
        const body = { method, ...(method === 'ramp' ? { rampPct: 1 } : {}) };
        // 2026-01-01 is a Thursday; 364 days back, 2025-01-02: 12,000 a weekday (2·3 + 2 + 3 + 1 thousands).
        const byDay = await preview(rev.id, { into: 'day', ...body });
        expect(byDay.view.children).toHaveLength(365);
        expect(ly(byDay.view, '2026-01-01'), method).toBeCloseTo(12_000, 2);
        // Every day but 2026-12-31, whose day 364 days back (2026-01-01) is still to come.
        expect(
          byDay.view.children.slice(0, -1).every((c) => c.lastYear !== null && c.lastYear > 0),
          method,
        ).toBe(true);
        expect(byDay.view.children.at(-1)?.lastYear).toBeNull();
        expect(byDay.view.curve[0]?.lastYear).toBeGreaterThan(0);
        // Week 2 of 2026 (Jan 5–11) against Jan 6–12, 2025: five weekdays and a weekend at 1.4.
        const byWeek = await preview(rev.id, { into: 'week', by: 'channel', ...body });
        const store = ly(byWeek.view, '2026-W02', '門市') ?? 0;
        const online = ly(byWeek.view, '2026-W02', '線上') ?? 0;
        expect(store / online, method).toBeCloseTo(3, 3);
        expect(store + online, method).toBeCloseTo(12_000 * 5 + 16_800 * 2, 2);
        expect(
          byWeek.view.children.every((c) => c.lastYear !== null),
          method,
        ).toBe(true);
        if (method === 'equal') {
          // Never a read per cell (106 week × channel cells, 365 days): the members, the cells' last
          // year (one read by channel at the week grain) and the chart's months.
          expect(byDay.reads).toBeLessThanOrEqual(2);
          expect(byWeek.reads).toBeLessThanOrEqual(3);
        }
      }
      // A ratio's last year per child is its own level (its revenue over its orders), never a sum:
      // the store's lines are 6,000 and 3,000 on weekdays (× 1.4 at the weekend), one order each.
      const aov = await goal({
        name: '客單價',
        metric: 'aov',
        target: { metric: 'aov', kind: 'absolute', value: 150, per: null },
      });
      const week = await preview(aov.id, { into: 'week', by: 'channel', method: 'equal' });
      expect(ly(week.view, '2026-W02', '門市')).toBeCloseTo((4_500 * 5 + 6_300 * 2) / 7, 2);
      expect(ly(week.view, '2026-W02', '線上')).toBeCloseTo((1_500 * 5 + 2_100 * 2) / 7, 2);
      const day = await preview(aov.id, { into: 'day', method: 'seasonal' });
      expect(ly(day.view, '2026-01-01')).toBeCloseTo(3_000, 2);
    } finally {
      kpi.dataVersion = dataVersion;
    }
  });

  it('the export names a split’s dimension as the KPI pages and the KPI export do, in both languages', async () => {
    const g = await goal({ name: '依類別' });
    const split = await client.post(`${plans()}/${g.id}/split`, {
      into: 'quarter',
      by: 'category',
      method: 'equal',
      today: '2026-01-01',
    });
    expect(split.statusCode, split.body).toBe(200);
    try {
      for (const [locale, name] of [
        ['zh-TW', '類別'],
        ['en', 'Category'],
      ] as const) {
        client.locale = locale;
        const file = await client.get(`${plans()}/${g.id}/export?format=csv&today=2026-01-01`);
        expect(file.statusCode).toBe(200);
        const rows = file.body.split('\r\n').map((r) => r.split(','));
        expect(rows[2]?.slice(5, 7)).toEqual([name, '咖啡']);
        const kpi = await client.get(
          `/api/companies/${companyId}/kpi/export?metric=revenue&from=2025-01-01&to=2025-03-31&grain=month&by=category&format=csv`,
        );
        expect(kpi.statusCode, kpi.body).toBe(200);
        expect(kpi.body.split('\r\n')[0]?.split(',')[3]).toBe(name);
      }
    } finally {
      client.locale = 'en';
    }
  });

  it('manual: the typed children are saved with their locks; a gap to the parent is shown in the tree', async () => {
    const g = await goal({ target: { metric: 'revenue', kind: 'absolute', value: 1_000_000, per: null } });
    // Some cells typed: the others share the rest by days.
    const some = await client.post(`${plans()}/${g.id}/split`, {
      into: 'quarter',
      method: 'manual',
      cells: [{ periodId: '2026-Q1', target: 400_000, locked: true }],
      dryRun: true,
      today: '2026-01-01',
    });
    expect(some.statusCode, some.body).toBe(200);
    const sv = some.json();
    expect(sv.children[0]).toMatchObject({ target: 400_000, locked: true });
    expect(sumCents(sv.children)).toBe(cents(1_000_000));
    expect(sv.mismatch).toBe(0);
    // Every cell typed, not adding up: saved as typed, the mismatch in the view and in the tree.
    const typed = [300_000, 250_000.5, 250_000, 150_000];
    const all = await client.post(`${plans()}/${g.id}/split`, {
      into: 'quarter',
      method: 'manual',
      cells: typed.map((target, i) => ({ periodId: `2026-Q${i + 1}`, target, locked: i === 3 })),
      today: '2026-01-01',
    });
    expect(all.statusCode, all.body).toBe(200);
    const av = all.json();
    expect(av.children.map((c: { target: number }) => c.target)).toEqual(typed);
    expect(av.mismatch).toBe(-49_999.5);
    expect(av.notes.map((n: { code: string }) => n.code)).toContain('MANUAL_MISMATCH');
    const tree = (await client.get(`${plans()}/${g.id}?today=2026-01-01`)).json();
    expect(tree.goal).toMatchObject({
      childrenTotal: 950_000.5,
      mismatch: -49_999.5,
      split: { method: 'manual' },
    });
    expect(tree.children.map((c: { locked: boolean }) => c.locked)).toEqual([false, false, false, true]);
    // Re-balancing shares the gap among the unlocked; the locked Q4 stays.
    const rb = await client.post(`${plans()}/${g.id}/rebalance`, { reason: '補齊差額' });
    expect(rb.statusCode, rb.body).toBe(200);
    expect(rb.json().goal.mismatch).toBe(0);
    expect(rb.json().children[3].target).toBe(150_000);
    // A cell that is not one of the split's children, and cells without manual, are refused.
    const bad = await client.post(`${plans()}/${g.id}/split`, {
      into: 'quarter',
      method: 'manual',
      cells: [{ periodId: '2027-Q1', target: 1 }],
      dryRun: true,
      today: '2026-01-01',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'PLAN_CANNOT_SPLIT' });
    const notManual = await client.post(`${plans()}/${g.id}/split`, {
      into: 'quarter',
      method: 'equal',
      cells: [{ periodId: '2026-Q1', target: 1 }],
      dryRun: true,
    });
    expect(notManual.statusCode).toBe(400);
  });

  it('refuses to re-plan on sales data that ends before the closed periods do (no missing days read as zero)', async () => {
    // The history ends on 2025-12-31; by 2026-07-01 two quarters of 2026 have closed without data.
    const g = await goal({ name: '2026 re-plan on old data' });
    const split = await client.post(`${plans()}/${g.id}/split`, {
      into: 'quarter',
      method: 'equal',
      today: '2026-01-01',
    });
    expect(split.statusCode, split.body).toBe(200);
    for (const mode of ['spread', 'keep']) {
      const res = await client.post(`${plans()}/${g.id}/replan`, {
        today: '2026-07-01',
        mode,
        reason: '檢討',
      });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json()).toMatchObject({ code: 'PLAN_DATA_BEHIND' });
      expect(res.json().detail).toContain('2025-12-31');
      expect(res.json().detail).toContain('2026-06-30');
    }
    // Nothing was revised.
    const tree = (await client.get(`${plans()}/${g.id}?today=2026-01-01`)).json();
    expect(tree.goal.version).toBe(g.version);
  });

  it('a period that starts after the data ends has no actual (unknown, not NT$0); one with data has its sum', async () => {
    // The history ends on 2025-12-31. Read on 2026-03-01: October–December have data, January and
    // February are over but were never imported, March has not begun.
    const g = await goal({
      name: 'Q4 2025 – Q1 2026',
      target: { metric: 'revenue', kind: 'absolute', value: 600_000, per: null },
      period: { start: '2025-10-01', end: '2026-03-31' },
    });
    const split = await client.post(`${plans()}/${g.id}/split`, {
      into: 'month',
      method: 'equal',
      today: '2025-10-01',
    });
    expect(split.statusCode, split.body).toBe(200);
    const tree = (await client.get(`${plans()}/${g.id}?today=2026-03-01`)).json() as {
      goal: { actual: number | null };
      children: { period: { start: string }; actual: number | null }[];
    };
    const actual = (start: string) => tree.children.find((c) => c.period.start === start)?.actual;
    expect(actual('2025-10-01')).toBeGreaterThan(0);
    expect(actual('2025-12-01')).toBeGreaterThan(0);
    expect(actual('2026-01-01')).toBeNull();
    expect(actual('2026-02-01')).toBeNull();
    expect(actual('2026-03-01')).toBeNull();
    // The whole goal started inside the data: its actual is what the data holds.
    expect(tree.goal.actual).toBeCloseTo(
      (actual('2025-10-01') ?? 0) + (actual('2025-11-01') ?? 0) + (actual('2025-12-01') ?? 0),
      2,
    );
  });

  it('re-plans after a short quarter: spread keeps the sum, keep shows the run rate needed; both recorded', async () => {
    const g = await goal({
      name: '2025 年營收',
      period: { start: '2025-01-01', end: '2025-12-31' },
      target: { metric: 'revenue', kind: 'absolute', value: 20_000_000, per: null },
    });
    const split = await client.post(`${plans()}/${g.id}/split`, {
      into: 'quarter',
      method: 'equal',
      today: '2025-01-01',
    });
    expect(split.statusCode, split.body).toBe(200);
    const keep = await client.post(`${plans()}/${g.id}/replan`, {
      today: '2025-07-01',
      mode: 'keep',
      reason: '上半年檢討',
    });
    expect(keep.statusCode, keep.body).toBe(200);
    const k = keep.json();
    expect(k.children.filter((c: { closed: boolean }) => c.closed)).toHaveLength(2);
    expect(k.difference).toBeLessThan(0);
    expect(k.requiredRunRate).toBeGreaterThan(k.currentRunRate);
    expect(k.children.map((c: { newTarget: number; target: number }) => c.newTarget)).toEqual(
      k.children.map((c: { target: number }) => c.target),
    );
    const spread = await client.post(`${plans()}/${g.id}/replan`, {
      today: '2025-07-01',
      mode: 'spread',
      reason: '差額分攤到下半年',
    });
    expect(spread.statusCode, spread.body).toBe(200);
    const s = spread.json();
    expect(s.children[0].newTarget).toBe(s.children[0].actual);
    expect(s.children.reduce((a: number, c: { newTarget: number }) => a + cents(c.newTarget), 0)).toBe(
      cents(20_000_000),
    );
    expect(s.children[2].newTarget).toBeGreaterThan(s.children[2].target);
    const versions = (await client.get(`/api/companies/${companyId}/goals/${g.id}/versions`)).json();
    expect(versions.slice(0, 2).map((v: { reason: string }) => v.reason)).toEqual([
      '差額分攤到下半年',
      '上半年檢討',
    ]);
    expect(versions[0].changes.replan.to).toMatchObject({ mode: 'spread' });
    // The parent's history names each re-targeted period with its old and new target (shown as words).
    type Child = { period: { start: string; end: string }; target: number; newTarget: number };
    expect(versions[0].changes.replan.to.periods).toEqual(
      (s.children as Child[])
        .filter((c) => c.newTarget !== c.target)
        .map((c) => ({ start: c.period.start, end: c.period.end, from: c.target, to: c.newTarget })),
    );
    expect(versions[0].changes.replan.to.periods.length).toBeGreaterThan(0);
    expect(versions[1].changes.replan.to.periods).toEqual([]);
  });

  it('re-plans a ratio (AOV): closed quarters at their actual level, the open ones carry the level now needed', async () => {
    const g = await goal({
      name: '2025 客單價',
      metric: 'aov',
      period: { start: '2025-01-01', end: '2025-12-31' },
      target: { metric: 'aov', kind: 'absolute', value: 4000, per: null },
    });
    const split = await client.post(`${plans()}/${g.id}/split`, { into: 'quarter', today: '2025-01-01' });
    expect(split.statusCode, split.body).toBe(200);
    const keep = await client.post(`${plans()}/${g.id}/replan`, {
      today: '2025-07-01',
      mode: 'keep',
      reason: '客單價上半年檢討',
    });
    expect(keep.statusCode, keep.body).toBe(200);
    const k = keep.json();
    expect(k).toMatchObject({ additive: false, weighting: 'last-year', total: 4000 });
    expect(k.children.filter((c: { closed: boolean }) => c.closed)).toHaveLength(2);
    // The seeded AOV is about 3,400: the first half fell short, the second half needs more than 4,000.
    const [q1, q2] = k.children;
    expect(q1.actual).toBeGreaterThan(3000);
    expect(q1.actual).toBeLessThan(4000);
    expect(k.difference).toBeLessThan(0);
    expect(k.requiredLevel).toBeGreaterThan(4000);
    expect(k.children.map((c: { newTarget: number }) => c.newTarget)).toEqual([4000, 4000, 4000, 4000]);
    const spread = await client.post(`${plans()}/${g.id}/replan`, {
      today: '2025-07-01',
      mode: 'spread',
      reason: '差額由下半年補足',
    });
    expect(spread.statusCode, spread.body).toBe(200);
    const s = spread.json();
    expect(s.children[0].newTarget).toBeCloseTo(q1.actual, 2);
    expect(s.children[1].newTarget).toBeCloseTo(q2.actual, 2);
    // Both open quarters rise by one factor; the plan's implied AOV is the target again.
    expect(s.children[2].newTarget).toBeGreaterThan(4000);
    expect(s.children[2].newTarget).toBe(s.children[3].newTarget);
    expect(s.impliedAfter).toBeCloseTo(4000, 0);
    const tree = (await client.get(`${plans()}/${g.id}?today=2025-07-01`)).json();
    expect(tree.children.map((c: { target: number }) => c.target)).toEqual(
      s.children.map((c: { newTarget: number }) => c.newTarget),
    );
    // The tree weighs the levels as the re-plan did: the plan implies the target again.
    expect(tree.goal.impliedWeighting).toBe('last-year');
    expect(tree.goal.implied).toBeCloseTo(4000, 0);
    const versions = (await client.get(`/api/companies/${companyId}/goals/${g.id}/versions`)).json();
    expect(versions[0].reason).toBe('差額由下半年補足');
    expect(versions[0].changes.replan.to).toMatchObject({ mode: 'spread', weighting: 'last-year' });
    const childVersions = (
      await client.get(`/api/companies/${companyId}/goals/${s.children[2].id}/versions`)
    ).json();
    expect(childVersions[0].reason).toBe('差額由下半年補足');
  });

  it('a re-plan inside a month: the month in progress shows its actual so far (a ratio’s level too)', async () => {
    for (const [metric, value] of [
      ['revenue', 3_000_000],
      ['aov', 4_000],
    ] as const) {
      const g = await goal({
        name: `2025 下半年 ${metric}`,
        metric,
        period: { start: '2025-07-01', end: '2025-12-31' },
        target: { metric, kind: 'absolute', value, per: null },
      });
      const split = await client.post(`${plans()}/${g.id}/split`, { into: 'month', today: '2025-07-01' });
      expect(split.statusCode, split.body).toBe(200);
      const res = await client.post(`${plans()}/${g.id}/replan`, {
        today: '2025-12-15',
        mode: 'keep',
        reason: '年底檢討',
        dryRun: true,
      });
      expect(res.statusCode, res.body).toBe(200);
      type Child = { periodId: string; closed: boolean; actual: number | null };
      const children = res.json().children as Child[];
      const nov = children.find((c) => c.periodId === '2025-11');
      const dec = children.find((c) => c.periodId === '2025-12');
      expect(nov?.closed).toBe(true);
      expect(dec?.closed, metric).toBe(false);
      // December 1–14: what the plan page shows for it too.
      const tree = (await client.get(`${plans()}/${g.id}?today=2025-12-15`)).json() as {
        children: { periodId: string; actual: number | null }[];
      };
      const shown = tree.children.find((c) => c.periodId === '2025-12')?.actual;
      expect(shown, metric).toBeGreaterThan(0);
      expect(dec?.actual, metric).toBeCloseTo(shown ?? Number.NaN, 6);
    }
  });

  it('a re-plan closes the periods that are over at their actuals; their goals state the result, with no advice on the target', async () => {
    const ctx = h.runtime.ctx;
    const clock = ctx.clock;
    // The day after the history's last: the data is current, Q3 and Q4 of 2025 are over.
    ctx.clock = { now: () => new Date('2026-01-01T04:00:00Z') };
    try {
      const g = await goal({
        name: '2025-07 至 2026-06 營收',
        period: { start: '2025-07-01', end: '2026-06-30' },
        target: { metric: 'revenue', kind: 'absolute', value: 8_000_000, per: null },
      });
      const split = await client.post(`${plans()}/${g.id}/split`, {
        into: 'quarter',
        method: 'equal',
        today: '2025-07-01',
      });
      expect(split.statusCode, split.body).toBe(200);
      const res = await client.post(`${plans()}/${g.id}/replan`, { mode: 'spread', reason: '下半年結算' });
      expect(res.statusCode, res.body).toBe(200);
      type Child = { id: string; periodId: string; closed: boolean; actual: number; newTarget: number };
      const children = res.json().children as Child[];
      expect(children.map((c) => c.closed)).toEqual([true, true, false, false]);
      type Finding = { letter: string; code: string; message: string; fix: string };
      type Goal = {
        grading: {
          findings: Finding[];
          achievability: { recommended: unknown; forecast: unknown };
        };
      };
      const achievable = (goal: Goal) => goal.grading.findings.filter((f) => f.letter === 'achievable');
      const tree = (await client.get(`${plans()}/${g.id}`)).json() as {
        children: { id: string; grades: { achievable: string } | null }[];
      };
      for (const c of children.slice(0, 2)) {
        expect(c.newTarget).toBe(c.actual);
        const goal = (await client.get(`/api/companies/${companyId}/goals/${c.id}`)).json() as Goal;
        expect(achievable(goal).map((f) => f.code)).toEqual(['PERIOD_REACHED']);
        expect(achievable(goal)[0]?.message).toMatch(/^The period is over: the actual, NT\$[\d,]+, reached/);
        expect(achievable(goal)[0]?.fix).toBe('');
        expect(goal.grading.achievability.recommended).toBeNull();
        // Graded so when the re-plan recorded it (the goal list shows the stored letters).
        expect(tree.children.find((x) => x.id === c.id)?.grades?.achievable).toBe('pass');
      }
      // The open quarters are still judged by the forecast, with their recommended range.
      const open = (await client.get(`/api/companies/${companyId}/goals/${children[2]?.id}`)).json() as Goal;
      expect(open.grading.achievability.forecast).not.toBeNull();
      expect(achievable(open).map((f) => f.code)).not.toContain('PERIOD_REACHED');
    } finally {
      ctx.clock = clock;
    }
  });

  it('previews a re-plan without recording it; exports the tree as XLSX with every node', async () => {
    const g = await goal({
      name: '2025 年營收試算',
      period: { start: '2025-01-01', end: '2025-12-31' },
      target: { metric: 'revenue', kind: 'absolute', value: 20_000_000, per: null },
    });
    expect(
      (await client.post(`${plans()}/${g.id}/split`, { into: 'quarter', today: '2025-01-01' })).statusCode,
    ).toBe(200);
    const before = (await client.get(`/api/companies/${companyId}/goals/${g.id}/versions`)).json();
    const preview = await client.post(`${plans()}/${g.id}/replan`, {
      today: '2025-07-01',
      mode: 'spread',
      reason: '試算',
      dryRun: true,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p.children[0].newTarget).toBe(p.children[0].actual);
    expect(p.children[0].newTarget).not.toBe(p.children[0].target);
    const after = (await client.get(`/api/companies/${companyId}/goals/${g.id}/versions`)).json();
    expect(after).toHaveLength(before.length);
    const tree = (await client.get(`${plans()}/${g.id}?today=2025-01-01`)).json();
    expect(tree.children[0].target).toBe(p.children[0].target);

    const file = await client.get(`${plans()}/${g.id}/export?format=xlsx&today=2025-07-01`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const rows: unknown[][] = [];
    ws?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows[0]?.[0]).toBe('Level');
    expect(rows).toHaveLength(1 + 1 + 4);
    expect(rows[1]?.[7]).toBe(20_000_000);
    expect(rows.slice(2).map((r) => r[2])).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(rows.slice(2).reduce((a, r) => a + cents(Number(r[7])), 0)).toBe(cents(20_000_000));
    // Money under the currency's format (whole NT$ as the plan page shows targets), the share of the
    // parent as the exact fraction under a percent format, the period's days as Excel dates.
    const q1 = ws!.getRow(3);
    expect(q1.getCell(8).numFmt).toBe('"NT$"#,##0;-"NT$"#,##0');
    expect(q1.getCell(9).numFmt).toBe('0.0%');
    expect(q1.getCell(9).value).toBeCloseTo(Number(q1.getCell(8).value) / 20_000_000, 5);
    expect(q1.getCell(4).value).toEqual(new Date(Date.UTC(2025, 0, 1)));
    expect(q1.getCell(4).numFmt).toBe('yyyy-mm-dd');
    expect(ws!.getRow(2).getCell(1).numFmt).toBe('#,##0');
    // The CSV: the same values rounded as shown (whole currency units, the share to 4 decimals).
    const csv = await client.get(`${plans()}/${g.id}/export?format=csv&today=2025-07-01`);
    const q1Csv = csv.body.split('\r\n')[2]!.split(',');
    expect(q1Csv[3]).toBe('2025-01-01');
    expect(q1Csv[7]).toMatch(/^\d+$/);
    expect(q1Csv[8]).toMatch(/^0\.\d{1,4}$/);
  });

  it('creates a company-stage plan: three phases with graded goals, targets from the data', async () => {
    const preview = await client.post(`${plans()}/stage`, {
      stage: 'growth',
      start: '2026-01-01',
      dryRun: true,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p.stage).toBe('growth');
    expect(p.phases.map((x: { period: { start: string; end: string } }) => x.period)).toEqual([
      { start: '2026-01-01', end: '2026-03-31' },
      { start: '2026-04-01', end: '2026-06-30' },
      { start: '2026-07-01', end: '2026-12-31' },
    ]);
    const revenue = p.phases[2].goals.find((x: { metric: string }) => x.metric === 'revenue');
    expect(revenue.suggestedFrom).not.toBe('no_data');
    expect(revenue.target).toBeGreaterThan(0);
    expect(Object.keys(revenue.grades)).toHaveLength(5);
    expect(
      p.phases
        .flatMap((x: { goals: { id: string | null }[] }) => x.goals)
        .every((x: { id: string | null }) => x.id === null),
    ).toBe(true);

    const saved = await client.post(`${plans()}/stage`, { start: '2026-01-01' });
    expect(saved.statusCode, saved.body).toBe(200);
    const s = saved.json();
    expect(s.stage).toBe('startup');
    const ids = s.phases.flatMap((x: { goals: { id: string }[] }) => x.goals.map((y) => y.id));
    const listed = (await client.get(`/api/companies/${companyId}/goals`))
      .json()
      .map((x: { id: string }) => x.id);
    for (const id of ids) expect(listed).toContain(id);
  });

  it('stage plans: targets in each KPI’s unit, no blanks, growth from the baseline, new products left to the user', async () => {
    type G = {
      id: string | null;
      metric: string;
      kpi: string;
      target: number | null;
      targetKind: string | null;
      suggestedFrom: string;
      grades: object | null;
    };
    // The client speaks English: the titles are the profile's stage labels (en.json `stages.*.label`).
    const titles = {
      startup: 'Startup: build the foundation',
      growth: 'Fast-growth: accelerate expansion',
      mature: 'Mature: stay ahead',
    };
    for (const stage of ['startup', 'growth', 'mature'] as const) {
      const res = await client.post(`${plans()}/stage`, { stage, start: '2026-01-01' });
      expect(res.statusCode, res.body).toBe(200);
      const v = res.json() as { title: string; phases: { goal: string; goals: G[] }[] };
      expect(v.title).toBe(titles[stage]);
      for (const phase of v.phases) {
        expect(phase.goal).not.toMatch(/(?<![A-Za-z])[XY](?![A-Za-z])/);
        for (const g of phase.goals) {
          if (g.kpi === 'new-product revenue') {
            expect(g).toMatchObject({
              id: null,
              target: null,
              targetKind: null,
              suggestedFrom: 'user',
              grades: null,
            });
            continue;
          }
          expect(typeof g.target).toBe('number');
          if (g.kpi === 'sales growth') expect(g.targetKind).toBe('percent_change');
          if (g.metric === 'revenue' && g.targetKind === 'percent_change')
            expect(g.target).toBeGreaterThan(0);
          expect(g.id).not.toBeNull();
          // A saved target moves the phase's way from the baseline its goal page measures from.
          const saved = await client.get(`/api/companies/${companyId}/goals/${g.id ?? ''}`);
          expect(saved.statusCode, saved.body).toBe(200);
          const uplift = saved.json().grading.achievability.requiredUplift as number | null;
          if (uplift !== null) expect(uplift, g.kpi).toBeGreaterThan(0);
        }
      }
    }
  });

  it('a young shop (sales 2026-09-08 – 2026-12-06): last year only from the days the data covers', async () => {
    const young = await signUp(h.app, 'Young');
    await seedHistory(h.runtime.database.db, young.companyId, '2026-09-08', '2026-12-06');
    const today = '2026-12-07';
    const create = async (start: string, end: string, value: number) => {
      const res = await young.client.post(`/api/companies/${young.companyId}/goals`, {
        name: `${start} 營收`,
        metric: 'revenue',
        target: { metric: 'revenue', kind: 'absolute', value, per: null },
        period: { start, end },
      });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { id: string }).id;
    };
    const split = async (id: string, into: string) => {
      const res = await young.client.post(`/api/companies/${young.companyId}/plans/${id}/split`, {
        into,
        method: 'last-year',
        dryRun: true,
        today,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as {
        children: { periodId: string; target: number; lastYear: number | null; lastYearEstimated: boolean }[];
        notes: { code: string }[];
      };
    };
    // 2027 by quarter: the data covers 90 of last year's 365 days: equal by days, and why.
    const year = await split(await create('2027-01-01', '2027-12-31', 3_000_000), 'quarter');
    const codes = year.notes.map((n) => n.code);
    expect(codes).toContain('LAST_YEAR_TOO_LITTLE_EQUAL');
    expect(codes).not.toContain('LAST_YEAR_PARTLY_EMPTY');
    const q3 = year.children.find((c) => c.periodId === '2027-Q3');
    expect(q3?.target).toBeCloseTo((3_000_000 * 92) / 365, 0);
    // Sep–Dec 2027 by month: September 2026 (from the 8th) and December 2026 (to the 6th) are
    // covered in part: their last year is the days covered at their pace, an estimate; not a short month.
    const autumn = await split(await create('2027-09-01', '2027-12-31', 1_500_000), 'month');
    expect(autumn.notes.map((n) => n.code)).toContain('LAST_YEAR_PARTLY_ESTIMATED');
    const of = (id: string) => autumn.children.find((c) => c.periodId === id);
    const sep = of('2027-09');
    const oct = of('2027-10');
    const dec = of('2027-12');
    expect(sep?.lastYearEstimated).toBe(true);
    expect(dec?.lastYearEstimated).toBe(true);
    expect(oct?.lastYearEstimated).toBe(false);
    // The pace per day of September (estimated) is October's, within the weekday mix.
    expect((sep?.target ?? 0) / 30 / ((oct?.target ?? 1) / 31)).toBeGreaterThan(0.95);
    expect((sep?.target ?? 0) / 30 / ((oct?.target ?? 1) / 31)).toBeLessThan(1.05);
    // October's last year is its actual, as the KPI says; September's is 23 days scaled to 30.
    const kpi = async (from: string, to: string) =>
      (
        await young.client.get(
          `/api/companies/${young.companyId}/kpi?metric=revenue&from=${from}&to=${to}&grain=total`,
        )
      ).json() as { series: { value: number }[] };
    expect(oct?.lastYear).toBeCloseTo((await kpi('2026-10-01', '2026-10-31')).series[0]?.value ?? -1, 2);
    const sepActual = (await kpi('2026-09-01', '2026-09-30')).series[0]?.value ?? -1;
    expect(sep?.lastYear).toBeCloseTo((sepActual * 30) / 23, 0);
  });

  it('a change (+20 %) on a young shop splits the total its grading converts it to', async () => {
    const young = await signUp(h.app, 'Young');
    await seedHistory(h.runtime.database.db, young.companyId, '2026-09-08', '2026-12-06');
    const today = '2026-12-07';
    const base = `/api/companies/${young.companyId}/goals`;
    const parsed = await young.client.post(`${base}/parse`, {
      statement: '在未來三個月內,提升拿鐵銷售額20%',
      today,
    });
    expect(parsed.statusCode, parsed.body).toBe(200);
    const { draft, grading } = parsed.json();
    expect(draft.target).toMatchObject({ kind: 'percent_change', value: 20 });
    // Last year's same period is not covered: the grading applies the change to the run rate.
    const converted = grading.achievability.targetValue as number;
    expect(converted).toBeGreaterThan(0);
    const created = await young.client.post(base, draft);
    expect(created.statusCode, created.body).toBe(201);
    const res = await young.client.post(
      `/api/companies/${young.companyId}/plans/${created.json().id}/split`,
      { into: 'month', method: 'equal', dryRun: true, today },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total).toBeCloseTo(converted, 2);
  });

  it('a stage plan on three months of data: run-rate baselines said so, no new-channel figure', async () => {
    const young = await signUp(h.app, 'Young');
    await seedHistory(h.runtime.database.db, young.companyId, '2026-09-08', '2026-12-06');
    const res = await young.client.post(`/api/companies/${young.companyId}/plans/stage`, {
      stage: 'startup',
      start: '2027-01-01',
      dryRun: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    type G = {
      metric: string;
      target: number | null;
      targetKind: string | null;
      basis: string | null;
      reason: string | null;
    };
    const phases = res.json().phases as { period: { start: string; end: string }; goals: G[] }[];
    // Phase 2 (Apr–Jun 2027): April–June 2026 had no sales: the growth is not "vs last year".
    const growth = phases[1]?.goals.find((g) => g.metric === 'revenue');
    expect(growth?.targetKind).toBe('percent_change');
    expect(growth?.basis).not.toBe('same_period_last_year');
    // Phase 3: new-channel revenue has no baseline (every channel began with the data): no number, a reason.
    const newChannels = phases[2]?.goals.find((g) => g.metric === 'new_channel_revenue');
    expect(newChannels?.target).toBeNull();
    expect(newChannels?.reason).toContain('2026-09-08');
    const revenue = phases[2]?.goals.find((g) => g.metric === 'revenue');
    expect(revenue?.basis).toBe('recent_run_rate');
  });

  it('a closed month of AOV with no orders: closed with no data, neither short nor ahead, kept by a re-plan', async () => {
    const gap = await signUp(h.app, 'Gap');
    await seedHistory(h.runtime.database.db, gap.companyId, '2025-01-01', '2025-06-30', {
      start: '2025-02-01',
      end: '2025-02-28',
    });
    const base = `/api/companies/${gap.companyId}/plans`;
    const created = await gap.client.post(`/api/companies/${gap.companyId}/goals`, {
      name: '2025 上半年客單價',
      metric: 'aov',
      target: { metric: 'aov', kind: 'absolute', value: 4000, per: null },
      period: { start: '2025-01-01', end: '2025-06-30' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    const split = await gap.client.post(`${base}/${id}/split`, { into: 'month', today: '2025-01-01' });
    expect(split.statusCode, split.body).toBe(200);
    // February had no orders: no AOV (null, not 0) on the tree.
    const tree = (await gap.client.get(`${base}/${id}?today=2025-07-01`)).json() as {
      children: { periodId: string; actual: number | null }[];
    };
    expect(tree.children.find((c) => c.periodId === '2025-02')?.actual).toBeNull();
    expect(tree.children.find((c) => c.periodId === '2025-03')?.actual).toBeGreaterThan(3000);
    type Child = {
      periodId: string;
      state: string;
      closed: boolean;
      target: number;
      newTarget: number;
      actual: number | null;
    };
    const preview = async (mode: 'keep' | 'spread') => {
      const res = await gap.client.post(`${base}/${id}/replan`, {
        today: '2025-07-01',
        mode,
        reason: '上半年檢討',
        dryRun: true,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { metric: string; difference: number; children: Child[] };
    };
    const keep = await preview('keep');
    expect(keep.metric).toBe('aov');
    const feb = keep.children.find((c) => c.periodId === '2025-02');
    expect(feb).toMatchObject({ state: 'closed-no-data', closed: false, actual: null });
    const others = keep.children.filter((c) => c.periodId !== '2025-02');
    expect(others.every((c) => c.state === 'closed' && c.closed)).toBe(true);
    // The gap is the five months with orders against their plan (the seeded AOV is about 3,400).
    expect(keep.difference).toBeLessThan(0);
    // A spread closes the months with orders at their actuals and leaves February as it was.
    const spread = await preview('spread');
    expect(spread.children.find((c) => c.periodId === '2025-02')?.newTarget).toBe(4000);
    for (const c of spread.children.filter((x) => x.periodId !== '2025-02'))
      expect(c.newTarget).toBeCloseTo(c.actual ?? Number.NaN, 2);
  });

  it('a seasonal split on data that ended months ago: the shares come only from the days it covers, said', async () => {
    const stale = await signUp(h.app, 'Stale');
    // Sales from 2024-01-01 to 2025-06-30, the split made on 2026-01-10: July–December 2025 are not
    // in the data (not zero sales).
    await seedHistory(h.runtime.database.db, stale.companyId, '2024-01-01', '2025-06-30');
    const created = await stale.client.post(`/api/companies/${stale.companyId}/goals`, {
      name: '2026 營收',
      metric: 'revenue',
      target: { metric: 'revenue', kind: 'absolute', value: 36_500_000, per: null },
      period: { start: '2026-01-01', end: '2026-12-31' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    const res = await stale.client.post(`/api/companies/${stale.companyId}/plans/${id}/split`, {
      into: 'month',
      method: 'seasonal',
      dryRun: true,
      today: '2026-01-10',
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as {
      children: { periodId: string; target: number; period: { start: string; end: string } }[];
      notes: { code: string; en: string; zhTW: string }[];
    };
    const perDay = 36_500_000 / 365;
    for (const c of v.children) {
      const days = toDayNumber(c.period.end) - toDayNumber(c.period.start) + 1;
      // Flat months but for weekends and the Lunar New Year peak: every month near its days' share.
      expect(c.target / days / perDay, c.periodId).toBeGreaterThan(0.9);
      expect(c.target / days / perDay, c.periodId).toBeLessThan(1.1);
    }
    // The second half (no data last year) is no smaller than the first.
    const half = (from: number) => v.children.slice(from, from + 6).reduce((s, c) => s + c.target, 0);
    expect(half(6) / half(0)).toBeGreaterThan(0.95);
    const note = v.notes.find((n) => n.code === 'SEASONAL_DATA_ENDS');
    expect(note?.en).toContain('Your sales data ends on 2025-06-30');
    expect(note?.zhTW).toContain('您的銷售資料只到 2025-06-30');
  });

  it('a split by product on data that ended over a year ago: members weighted by the data’s last year, said', async () => {
    const old = await signUp(h.app, 'Old');
    // Sales from 2023-01-01 to 2024-06-30, the split made on 2026-01-10: the 12 months before the
    // plan hold no data (not zero sales); the year up to 2024-06-30 weighs the products.
    await seedHistory(h.runtime.database.db, old.companyId, '2023-01-01', '2024-06-30');
    const created = await old.client.post(`/api/companies/${old.companyId}/goals`, {
      name: '2026 營收',
      metric: 'revenue',
      target: { metric: 'revenue', kind: 'absolute', value: 3_000_000, per: null },
      period: { start: '2026-01-01', end: '2026-12-31' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    const res = await old.client.post(`/api/companies/${old.companyId}/plans/${id}/split`, {
      into: 'quarter',
      by: 'product',
      method: 'ramp',
      rampPct: 0,
      dryRun: true,
      today: '2026-01-10',
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as {
      children: { member: string; target: number }[];
      notes: { code: string; en: string; zhTW: string }[];
    };
    const total = (m: string) => v.children.filter((c) => c.member === m).reduce((s, c) => s + c.target, 0);
    // 拿鐵 sold twice 美式: not shared equally.
    expect(total('拿鐵') / total('美式')).toBeCloseTo(2, 2);
    expect(v.notes.map((n) => n.code)).not.toContain('MEMBERS_EQUAL');
    const note = v.notes.find((n) => n.code === 'MEMBERS_DATA_ENDS');
    expect(note?.en).toContain('Your sales data ends on 2024-06-30');
    expect(note?.zhTW).toContain('您的銷售資料只到 2024-06-30');
  });

  it('bad input: an unknown grain, ramp without a rate, another company’s goal', async () => {
    const g = await goal();
    expect((await client.post(`${plans()}/${g.id}/split`, { into: 'decade' })).statusCode).toBe(400);
    expect(
      (await client.post(`${plans()}/${g.id}/split`, { into: 'month', method: 'ramp' })).statusCode,
    ).toBe(400);
    const other = await signUp(h.app, 'Other');
    const res = await other.client.get(`/api/companies/${other.companyId}/plans/${g.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('GOAL_NOT_FOUND');
  });
});
