import { afterEach, describe, expect, it, vi } from 'vitest';
import { newMarketSize } from '../../../src/web/features/market/market-form.ts';
import { defaultStageStart } from '../../../src/web/features/plan/plan-view.ts';

/**
 * The web's defaults come from the company's today (the server's data-freshness answer), not the
 * browser's date: around midnight and New Year a browser elsewhere is a day, a month or a year off.
 */
describe('defaults from the company’s today', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('the stage plan starts on the first of the month after the company’s today', () => {
    // The browser is in Los Angeles on 31 December; in Taipei it is already New Year's Day.
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-12-31T20:00:00-08:00'));
    expect(defaultStageStart('2026-01-01')).toBe('2026-02-01');
    expect(defaultStageStart('2025-12-31')).toBe('2026-01-01');
    expect(defaultStageStart('2024-01-31')).toBe('2024-02-01');
  });

  it('a new market size is for the company’s year, none until it is known', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-12-31T20:00:00-08:00'));
    expect(newMarketSize('2026-01-01', 'TWD')).toEqual({
      kind: 'TAM',
      year: 2026,
      amount: null,
      currency: 'TWD',
      source: '',
    });
    expect(newMarketSize(undefined, 'HKD')).toMatchObject({ year: null, currency: 'HKD' });
  });
});
