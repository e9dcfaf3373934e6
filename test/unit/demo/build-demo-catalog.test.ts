import { describe, expect, it } from 'vitest';
import { buildDemoCatalog, computeDemoHistoryPeriod } from '../../../src/core/demo/index.ts';
import { catalog, PERIOD, SEED } from './demo-fixture.ts';

describe('buildDemoCatalog', () => {
  it('is deterministic for a seed and a period', () => {
    expect(buildDemoCatalog(SEED, PERIOD)).toEqual(catalog);
    expect(buildDemoCatalog(SEED + 1, PERIOD).customers).not.toEqual(catalog.customers);
  });

  it('has the five categories, the three channels and ~30 priced products', () => {
    expect(catalog.categories.map((c) => c.name)).toEqual(['咖啡', '茶飲', '烘焙點心', '禮盒', '季節限定']);
    expect(catalog.channels.map((c) => [c.name, c.kind])).toEqual([
      ['門市', 'store'],
      ['線上商店', 'online'],
      ['外送平台', 'delivery'],
    ]);
    expect(catalog.products.length).toBeGreaterThanOrEqual(28);
    const byName = new Map(catalog.products.map((p) => [p.name, p]));
    expect(byName.get('美式咖啡')?.listPriceMinor).toBe(8000);
    expect(byName.get('拿鐵')?.listPriceMinor).toBe(12000);
    const categories = new Set(catalog.categories.map((c) => c.name));
    for (const p of catalog.products) {
      expect(categories.has(p.category)).toBe(true);
      expect(Number.isInteger(p.listPriceMinor) && p.listPriceMinor > 0).toBe(true);
      if (p.category === '禮盒') {
        expect(p.listPriceMinor).toBeGreaterThanOrEqual(68000);
        expect(p.listPriceMinor).toBeLessThanOrEqual(128000);
      }
      if (p.category === '季節限定') expect(p.availability.kind).not.toBe('always');
    }
    expect(new Set(catalog.products.map((p) => p.name)).size).toBe(catalog.products.length);
    expect(new Set(catalog.products.map((p) => p.sku)).size).toBe(catalog.products.length);
  });

  it('has 6–8 reps with turnover, someone always on duty', () => {
    const reps = catalog.salesReps;
    expect(reps.length).toBeGreaterThanOrEqual(6);
    expect(reps.length).toBeLessThanOrEqual(8);
    expect(reps.some((r) => r.activeTo !== null && r.activeTo < PERIOD.end)).toBe(true);
    expect(reps.some((r) => r.activeFrom > PERIOD.start)).toBe(true);
    for (const r of reps) if (r.activeTo !== null) expect(r.activeTo > r.activeFrom).toBe(true);
  });

  it('has ~3,000 unique customers with segment attributes inside the period', () => {
    const customers = catalog.customers;
    expect(customers.length).toBeGreaterThanOrEqual(2800);
    expect(customers.length).toBeLessThanOrEqual(3200);
    expect(new Set(customers.map((c) => c.code)).size).toBe(customers.length);
    const regions = new Set(catalog.regions.map((r) => r.name));
    for (const c of customers) {
      expect(regions.has(c.region)).toBe(true);
      expect(c.firstSeenOn >= PERIOD.start && c.firstSeenOn <= PERIOD.end).toBe(true);
      if (c.customerType === 'member') {
        expect(['18-24', '25-34', '35-44', '45-54', '55+']).toContain(c.ageBand);
        expect(['一般', '銀卡', '金卡']).toContain(c.memberTier);
      }
    }
    expect(customers.filter((c) => c.customerType === 'business').length).toBeGreaterThan(10);
    const tiers = new Set(customers.map((c) => c.memberTier));
    expect(tiers).toEqual(new Set(['一般', '銀卡', '金卡', null]));
  });

  it('derives three years of history ending yesterday', () => {
    expect(computeDemoHistoryPeriod('2026-11-27')).toEqual({ start: '2023-11-27', end: '2026-11-26' });
    expect(computeDemoHistoryPeriod('2028-02-29')).toEqual({ start: '2025-02-28', end: '2028-02-28' });
  });
});

describe('buildDemoCatalog with more members', () => {
  it('creates the number of members asked for, with unique codes', () => {
    const big = buildDemoCatalog(SEED, { ...PERIOD, members: 120_000 });
    const members = big.customers.filter((c) => c.customerType === 'member');
    expect(members).toHaveLength(120_000);
    expect(new Set(big.customers.map((c) => c.code)).size).toBe(big.customers.length);
    expect(members.at(-1)?.code).toBe('M120000');
  });
});
