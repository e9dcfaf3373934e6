import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount, parseInteger, parseQuantity } from '../../../src/core/ingest/parse-amount.ts';

const twd = { exponent: 2 };

describe('parseAmount', () => {
  it.each([
    ['NT$1,234.50', 123450],
    ['$1,234', 123400],
    ['1,234元', 123400],
    ['NTD 1234', 123400],
    ['TWD1234', 123400],
    ['HK$ 1,234.5', 123450],
    ['新台幣 1,234 元', 123400],
    ['１２３４', 123400],
    ['１，２３４．５', 123450],
    ['(1,234)', -123400],
    ['（１，２３４）', -123400],
    ['(NT$1,234)', -123400],
    ['1234-', -123400],
    ['-1234', -123400],
    ['+1234', 123400],
    ['-NT$5', -500],
    ['NT$-5', -500],
    ['－５', -500],
    ['  12  ', 1200],
    ['1,234,567.89', 123456789],
    ['0.005', 1],
    ['-0.005', -1],
    ['12.344', 1234],
    ['.5', 50],
    ['0', 0],
    ['-0', 0],
    ['007', 700],
  ])('%s → %d', (raw, minor) => {
    expect(parseAmount(raw, twd)).toEqual({ ok: true, minor });
  });

  it.each(['NT$65元元', '$$65', '65元 元', '元元65'])(
    'refuses %s: the same currency mark twice on one side is a typo, not 65',
    (raw) => {
      expect(parseAmount(raw, twd).ok).toBe(false);
    },
  );

  it('reads two different currency marks on one side', () => {
    expect(parseAmount('新台幣 $1,234', twd)).toEqual({ ok: true, minor: 123400 });
    expect(parseAmount('NT$ 1,234 元', twd)).toEqual({ ok: true, minor: 123400 });
  });

  it('reads spreadsheet E-notation', () => {
    expect(parseAmount('1.5E+3', twd)).toEqual({ ok: true, minor: 150000 });
    expect(parseAmount('-2.5e-2', twd)).toEqual({ ok: true, minor: -3 });
    expect(parseQuantity('1E+2')).toEqual({ ok: true, value: 100 });
    expect(parseAmount('1e400', twd).ok).toBe(false);
  });

  it('uses the currency exponent', () => {
    expect(parseAmount('¥1,234', { exponent: 0 })).toEqual({ ok: true, minor: 1234 });
    expect(parseAmount('1234.5', { exponent: 0 })).toEqual({ ok: true, minor: 1235 });
  });

  it.each([
    ['', 'AMOUNT_EMPTY'],
    ['   ', 'AMOUNT_EMPTY'],
    ['abc', 'AMOUNT_INVALID'],
    ['1,23', 'AMOUNT_AMBIGUOUS'],
    ['1.234,50', 'AMOUNT_AMBIGUOUS'],
    ['1234,567', 'AMOUNT_AMBIGUOUS'],
    ['1.2.3', 'AMOUNT_AMBIGUOUS'],
    ['(-5)', 'AMOUNT_INVALID'],
    ['-5-', 'AMOUNT_INVALID'],
    ['--5', 'AMOUNT_INVALID'],
    ['1 234', 'AMOUNT_INVALID'],
    ['12abc', 'AMOUNT_INVALID'],
    ['$', 'AMOUNT_INVALID'],
    ['99999999999999999999', 'AMOUNT_TOO_LARGE'],
    ['1e', 'AMOUNT_INVALID'],
    ['NaN', 'AMOUNT_INVALID'],
  ])('%s is refused with %s', (raw, code) => {
    expect(parseAmount(raw, twd)).toEqual({ ok: false, code });
  });

  it('never throws on random or hostile strings', () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.stringMatching(/^[0-9,.()+\- $NTD元１２３，．]{0,40}$/),
      fc.constantFrom('9'.repeat(100_000), ','.repeat(5000), '('.repeat(3000), '__proto__'),
    );
    fc.assert(
      fc.property(hostile, fc.integer({ min: 0, max: 4 }), (raw, exponent) => {
        const r = parseAmount(raw, { exponent });
        if (r.ok) expect(Number.isSafeInteger(r.minor)).toBe(true);
        parseQuantity(raw);
        parseInteger(raw);
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips formatted minor amounts', () => {
    const fullWidth = (s: string) =>
      s.replace(/[0-9,.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.integer({ min: 0, max: 7 }), (minor, style) => {
        const abs = Math.abs(minor);
        const units = Math.floor(abs / 100);
        const cents = String(abs % 100).padStart(2, '0');
        const grouped = `${units.toLocaleString('en-US')}.${cents}`;
        const plain = `${units}.${cents}`;
        const neg = minor < 0;
        const texts = [
          `${neg ? '-' : ''}${plain}`,
          `${neg ? '-' : ''}${grouped}`,
          `${neg ? '-' : ''}NT$${grouped}`,
          neg ? `(${grouped})` : grouped,
          neg ? `${grouped}-` : `+${grouped}`,
          `${neg ? '-' : ''}${grouped}元`,
          `${neg ? '-' : ''}NTD ${plain}`,
          `${neg ? '－' : ''}${fullWidth(grouped)}`,
        ];
        const text = texts[style]!;
        expect(parseAmount(text, twd), text).toEqual({ ok: true, minor });
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parseQuantity and parseInteger', () => {
  it('reads decimals and signs', () => {
    expect(parseQuantity('1.5')).toEqual({ ok: true, value: 1.5 });
    expect(parseQuantity('-2')).toEqual({ ok: true, value: -2 });
    expect(parseQuantity('1,000')).toEqual({ ok: true, value: 1000 });
    expect(parseQuantity('３')).toEqual({ ok: true, value: 3 });
    expect(parseQuantity('x')).toEqual({ ok: false, code: 'QUANTITY_INVALID' });
    expect(parseQuantity('NT$3')).toEqual({ ok: false, code: 'QUANTITY_INVALID' });
  });
  it('wants whole numbers', () => {
    expect(parseInteger('12')).toEqual({ ok: true, value: 12 });
    expect(parseInteger('12.0')).toEqual({ ok: true, value: 12 });
    expect(parseInteger('1,200')).toEqual({ ok: true, value: 1200 });
    expect(parseInteger('12.5')).toEqual({ ok: false, code: 'NUMBER_NOT_INTEGER' });
    expect(parseInteger('')).toEqual({ ok: false, code: 'NUMBER_EMPTY' });
  });
});
