import { describe, expect, it } from 'vitest';
import { enumeratePeriods, samePeriodLastYear } from '../../../src/core/calendar/periods.ts';
import { validateKpiQuery } from '../../../src/core/kpi/validate-query.ts';

describe('KPI query validation in one place', () => {
  it('reads `where` as written (query string, --where) and checks it with the rest', () => {
    const ok = validateKpiQuery({
      metric: 'revenue',
      from: '2026-01-01',
      to: '2026-03-31',
      grain: 'month',
      where: 'channel=門市,channel=線上商店,category=咖啡',
    });
    expect(ok).toMatchObject({
      ok: true,
      query: { where: { channel: ['門市', '線上商店'], category: ['咖啡'] } },
    });
    const bad = validateKpiQuery({
      metric: 'revenue',
      from: '2026-02-30',
      to: '2026-03-31',
      grain: 'month',
      where: 'x',
    });
    expect(bad.ok).toBe(false);
    // Every problem by path: the bad filter does not hide the bad date.
    if (!bad.ok) expect(bad.problems.map((p) => p.path).sort()).toEqual(['from', 'where']);
  });

  it('words every problem in both languages (English in `message`)', () => {
    const bad = validateKpiQuery({
      metric: 'nope',
      from: '2026-13-01',
      to: 'x',
      grain: 'hour',
      by: 'planet',
      where: 'planet=1,,',
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.length).toBeGreaterThanOrEqual(5);
    for (const p of bad.problems) {
      expect(p.messages?.en).toBe(p.message);
      expect(p.messages?.['zh-TW']).toMatch(/[\u4e00-\u9fff]/);
    }
    const wrongDim = validateKpiQuery({
      metric: 'revenue',
      from: '2026-01-01',
      to: '2026-02-01',
      grain: 'month',
      where: { planet: ['x'], channel: [] },
    });
    if (!wrongDim.ok)
      expect(wrongDim.problems.map((p) => p.messages?.['zh-TW'])).toEqual([
        '沒有這個維度',
        '請至少列出一個成員',
      ]);
    else expect.unreachable();
  });

  it('accepts the calendar year beside the fiscal year', () => {
    expect(
      validateKpiQuery({ metric: 'revenue', from: '2025-01-01', to: '2026-12-31', grain: 'year' }).ok,
    ).toBe(true);
    const settings = { fiscalYearStartMonth: 4 };
    const years = enumeratePeriods({ start: '2025-03-01', end: '2026-05-31' }, 'year', settings);
    expect(years.map((p) => [p.id, p.start, p.end])).toEqual([
      ['2025', '2025-01-01', '2025-12-31'],
      ['2026', '2026-01-01', '2026-12-31'],
    ]);
    const fiscal = enumeratePeriods({ start: '2025-03-01', end: '2026-05-31' }, 'fiscal_year', settings);
    expect(fiscal.map((p) => p.id)).toEqual(['FY2024', 'FY2025', 'FY2026']);
    const [, y2026] = years;
    if (y2026) expect(samePeriodLastYear(y2026, settings).id).toBe('2025');
    expect(y2026).toBeDefined();
  });
});
