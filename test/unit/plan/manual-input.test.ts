import { describe, expect, it } from 'vitest';
import { manualInputFormat } from '../../../src/web/features/plan/plan-view.ts';

/** A manual split's typed targets read as the preview shows them: money whole with its currency, rates with %. */
describe('manual target input', () => {
  it('money: whole units, the currency symbol, thousands grouped; typed text parses back', () => {
    const f = manualInputFormat('money', 'TWD');
    expect(f).toMatchObject({ precision: 0, prefix: 'NT$', suffix: undefined });
    expect(f.formatter(344444)).toBe('344,444');
    expect(f.parser('NT$344,444')).toBe(344444);
    expect(manualInputFormat('money', 'HKD').prefix).toBe('HK$');
  });

  it('a rate is a level with its unit, counts are whole', () => {
    expect(manualInputFormat('ratio', 'TWD')).toMatchObject({ precision: 1, suffix: '%', prefix: undefined });
    expect(manualInputFormat('ratio', 'TWD').parser('12.5%')).toBe(12.5);
    expect(manualInputFormat('count', 'TWD').precision).toBe(0);
  });
});
