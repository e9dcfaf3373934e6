import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CURRENCY_EXPONENT,
  fromMinorUnits,
  isCurrency,
  toMinorUnits,
} from '../../../src/core/money/currency.ts';

describe('money in minor units', () => {
  it('converts NT$ to cents and back', () => {
    expect(toMinorUnits(1500.5, 'TWD')).toBe(150050);
    expect(fromMinorUnits(150050, 'TWD')).toBe(1500.5);
    expect(toMinorUnits(0.1 + 0.2, 'TWD')).toBe(30);
    expect(toMinorUnits(-12.345, 'HKD')).toBe(-1235);
    expect(toMinorUnits(1234.6, 'JPY')).toBe(1235);
  });

  it('round-trips any amount with at most the currency’s decimals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom(...(Object.keys(CURRENCY_EXPONENT) as ('TWD' | 'JPY')[])),
        (minor, cur) => {
          expect(toMinorUnits(fromMinorUnits(minor, cur), cur)).toBe(minor);
        },
      ),
    );
  });

  it('knows its currencies and nothing inherited', () => {
    expect(isCurrency('TWD')).toBe(true);
    expect(isCurrency('toString')).toBe(false);
    expect(isCurrency('XXX')).toBe(false);
  });
});
