import { describe, expect, it } from 'vitest';
import { buildDemoMarketing, DemoActivityTally, generateDemoSales } from '../../../src/core/demo/index.ts';
import { catalog, SEED } from './demo-fixture.ts';

const RANGE = { start: '2024-01-01', end: '2024-03-31' } as const;

function tallyOf(seed: number) {
  const tally = new DemoActivityTally();
  const orders = new Map<string, number>();
  for (const line of tally.track(generateDemoSales(catalog, { seed, ...RANGE, scale: 1 }))) {
    if (line.lineNo === 1) {
      const key = `${line.saleDate}|${line.channel}`;
      orders.set(key, (orders.get(key) ?? 0) + 1);
    }
  }
  return { tally, orders };
}

describe('the demo shop’s marketing figures and survey', () => {
  const { tally, orders } = tallyOf(SEED);
  const { marketing, satisfaction } = buildDemoMarketing(tally, SEED);

  it('is the same for the same seed and sales', () => {
    expect(buildDemoMarketing(tallyOf(SEED).tally, SEED)).toEqual({ marketing, satisfaction });
  });

  it('has visits that agree with the orders of every day × channel (plausible conversion per channel)', () => {
    const visits = new Map<string, number>();
    for (const m of marketing) {
      const key = `${m.day}|${m.channel}`;
      visits.set(key, (visits.get(key) ?? 0) + m.visits);
    }
    expect([...visits.keys()].sort()).toEqual([...orders.keys()].sort());
    const rate = (channel: string) => {
      let o = 0;
      let v = 0;
      for (const [key, n] of orders) {
        if (!key.endsWith(`|${channel}`)) continue;
        o += n;
        v += visits.get(key) ?? 0;
      }
      return o / v;
    };
    expect(rate('線上商店')).toBeGreaterThan(0.02);
    expect(rate('線上商店')).toBeLessThan(0.04);
    expect(rate('外送平台')).toBeGreaterThan(0.1);
    expect(rate('門市')).toBeGreaterThan(0.4);
    for (const [key, n] of orders) expect(visits.get(key)).toBeGreaterThanOrEqual(n);
  });

  it('spends money every day on every channel, more on festival days, with funnel counts in order', () => {
    for (const m of marketing) {
      expect(Number.isInteger(m.spendMinor) && m.spendMinor > 0).toBe(true);
      expect(m.opportunities).toBeLessThanOrEqual(m.visits);
      expect(m.impressions).toBeGreaterThanOrEqual(m.visits);
    }
    const spendOn = (day: string) =>
      marketing.filter((m) => m.day === day).reduce((s, m) => s + m.spendMinor, 0);
    // Lunar New Year 2024 fell on 02-10: the CNY campaign runs in the three weeks before it.
    expect(spendOn('2024-02-01')).toBeGreaterThan(spendOn('2024-03-20'));
  });

  it('has survey answers in range, a share of them from identified customers', () => {
    expect(satisfaction.length).toBeGreaterThan(100);
    for (const r of satisfaction) {
      expect(r.csat).toBeGreaterThanOrEqual(1);
      expect(r.csat).toBeLessThanOrEqual(5);
      expect(r.nps).toBeGreaterThanOrEqual(0);
      expect(r.nps).toBeLessThanOrEqual(10);
    }
    expect(new Set(satisfaction.map((r) => r.responseId)).size).toBe(satisfaction.length);
    expect(satisfaction.some((r) => r.customer !== null)).toBe(true);
    const mean = (channel: string) => {
      const rs = satisfaction.filter((r) => r.channel === channel);
      return rs.reduce((s, r) => s + r.csat, 0) / rs.length;
    };
    expect(mean('門市')).toBeGreaterThan(mean('外送平台'));
  });
});
