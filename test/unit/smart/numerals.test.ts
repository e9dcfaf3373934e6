import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, parseNumberToken } from '../../../src/core/smart/numerals.ts';
import { findQuantities } from '../../../src/core/smart/quantities.ts';

describe('parseChineseNumeral', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['一百零五', 105],
    ['兩百五', 250],
    ['一千兩百萬', 12_000_000],
    ['十二萬五千', 125_000],
    ['十二萬五', 125_000],
    ['50萬', 500_000],
    ['1.2億', 120_000_000],
    ['3千', 3000],
    ['一億', 100_000_000],
    ['二〇二六', 2026],
    ['壹仟貳佰', 1200],
  ])('%s = %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBeCloseTo(value, 6);
  });

  it('rejects what is not a numeral', () => {
    expect(parseChineseNumeral('')).toBeNull();
    expect(parseChineseNumeral('銷售')).toBeNull();
    expect(parseChineseNumeral('五a')).toBeNull();
  });

  it('reads English scales', () => {
    expect(parseNumberToken('2.5', 'M')).toBe(2_500_000);
    expect(parseNumberToken('300', 'k')).toBe(300_000);
    expect(parseNumberToken('2,000,000')).toBe(2_000_000);
  });
});

describe('findQuantities', () => {
  const one = (text: string) => {
    const found = findQuantities(text);
    expect(found).toHaveLength(1);
    return found[0];
  };

  it.each([
    ['三成', 30, 'percent'],
    ['兩成', 20, 'percent'],
    ['3.5%', 3.5, 'percent'],
    ['5個百分點', 5, 'points'],
    ['3倍', 3, 'multiple'],
    ['100萬元', 1_000_000, 'money'],
    ['NT$2,000,000', 2_000_000, 'money'],
    ['HK$1.2 million', 1_200_000, 'money'],
    ['一千兩百萬', 12_000_000, 'plain'],
    ['50萬', 500_000, 'plain'],
    ['1.2億', 120_000_000, 'plain'],
    ['100單', 100, 'count'],
    ['50位', 50, 'count'],
    ['200 orders', 200, 'count'],
  ] as const)('%s', (text, value, unit) => {
    const q = one(text);
    expect(q?.value).toBeCloseTo(value, 6);
    expect(q?.unit).toBe(unit);
  });

  it('skips dates, durations, ages and names', () => {
    expect(findQuantities('2026年3月')).toHaveLength(0);
    expect(findQuantities('三個月內')).toHaveLength(0);
    expect(findQuantities('25歲')).toHaveLength(0);
    expect(findQuantities('舉辦一場活動')).toHaveLength(0);
    expect(findQuantities('iPhone15')).toHaveLength(0);
    expect(findQuantities('百貨公司')).toHaveLength(0);
  });
});
