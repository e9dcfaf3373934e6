import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { signupBodySchema } from '../../../src/contract/auth.ts';
import { saveMarketAnalysisBodySchema } from '../../../src/contract/market.ts';
import { ApiError } from '../../../src/web/api/client.ts';
import { marketSizeWarnings, toBody, toFormValues } from '../../../src/web/features/market/market-form.ts';
import { formatMoney, groupDigits, parseGrouped } from '../../../src/web/i18n/format.ts';
import { parseProblemPath, problemFieldErrors, zodFieldErrors } from '../../../src/web/lib/form-errors.ts';

describe('money and number formatting', () => {
  it('shows TWD as NT$ in both languages', () => {
    expect(formatMoney(1500, 'TWD', 'zh-TW')).toBe('NT$1,500');
    expect(formatMoney(1500, 'TWD', 'en')).toBe('NT$1,500');
    expect(formatMoney(-12.5, 'TWD', 'en')).toBe('-NT$12.50');
  });
  it('uses the currency symbol of other currencies', () => {
    expect(formatMoney(1000, 'HKD', 'en')).toContain('HK$');
    expect(formatMoney(1000, 'USD', 'en')).toBe('$1,000.00');
  });
  it('groups digits for inputs and parses them back', () => {
    expect(groupDigits(1234567.25)).toBe('1,234,567.25');
    expect(groupDigits('')).toBe('');
    expect(parseGrouped('1,234,567.25')).toBe(1234567.25);
  });
});

describe('server error paths', () => {
  it('accepts dotted, slashed and bracketed paths', () => {
    expect(parseProblemPath('marketSizes.0.amount')).toEqual(['marketSizes', 0, 'amount']);
    expect(parseProblemPath('/marketSizes/0/amount')).toEqual(['marketSizes', 0, 'amount']);
    expect(parseProblemPath('body.swot[2].text')).toEqual(['swot', 2, 'text']);
  });
});

describe('market analysis editor mapping', () => {
  const saved = {
    positioning: '專注高端市場',
    marketSizes: [
      { kind: 'TAM' as const, year: 2026, amount: 1e9, currency: 'TWD' as const, source: '統計處' },
    ],
    competitors: [],
    swot: [
      { kind: 'threat' as const, text: '原物料漲價' },
      { kind: 'strength' as const, text: '自家烘焙' },
      { kind: 'strength' as const, text: '地點好' },
    ],
    objectives: [{ id: 'o1', title: '品牌', description: '' }],
    version: 3,
    updatedAt: null,
  };
  it('round-trips through the four SWOT quadrants and keeps objective ids', () => {
    const values = toFormValues(saved);
    expect(values.swot.strength).toHaveLength(2);
    const { body } = toBody(values, saved.version);
    expect(saveMarketAnalysisBodySchema.safeParse(body).success).toBe(true);
    expect(body.objectives[0]?.id).toBe('o1');
    expect(body.swot.map((s) => s.kind)).toEqual(['strength', 'strength', 'threat']);
  });
  it('maps an error on swot[N] back to its quadrant field', () => {
    const { mapPath } = toBody(toFormValues(saved), 3);
    expect(mapPath(['swot', 2, 'text'])).toEqual(['swot', 'threat', 0, 'text']);
    expect(mapPath(['swot', 1, 'text'])).toEqual(['swot', 'strength', 1, 'text']);
  });
});

describe('market size sanity check', () => {
  it('warns when SOM exceeds SAM or SAM exceeds TAM for the same year and currency', () => {
    const w = marketSizeWarnings([
      { kind: 'TAM', year: 2026, amount: 100, currency: 'TWD', source: '' },
      { kind: 'SAM', year: 2026, amount: 200, currency: 'TWD', source: '' },
      { kind: 'SOM', year: 2026, amount: 50, currency: 'TWD', source: '' },
      { kind: 'SOM', year: 2026, amount: 500, currency: 'HKD', source: '' },
      undefined,
    ]);
    expect(w).toEqual([{ year: 2026, currency: 'TWD', smaller: 'SAM', larger: 'TAM' }]);
  });
});

/** A stand-in for i18next's t: returns the key and its options, or the default value when asked. */
const fakeT = ((key: string, opts?: Record<string, unknown>) =>
  opts && 'defaultValue' in opts
    ? key === 'fieldErrors.taken'
      ? 'TAKEN'
      : opts.defaultValue
    : `${key}${opts ? JSON.stringify(opts) : ''}`) as unknown as TFunction;

describe('form errors', () => {
  it('turns zod issues into localized field errors', () => {
    const r = signupBodySchema.safeParse({
      email: 'not-an-email',
      password: 'short',
      name: '',
      companyName: 'X',
    });
    expect(r.success).toBe(false);
    const fields = r.success ? [] : zodFieldErrors(r.error, fakeT);
    const byName = Object.fromEntries(fields.map((f) => [f.name.join('.'), f.errors]));
    expect(byName.email).toEqual(['validation.email']);
    expect(byName.password).toEqual(['validation.minLength{"min":8}']);
    expect(byName.name).toEqual(['validation.required']);
  });
  it('localizes known server field codes and falls back to the localized detail', () => {
    const error = new ApiError({
      type: 'x',
      title: 'Validation failed',
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: '部分欄位格式不正確。',
      errors: [
        { path: 'email', message: 'taken' },
        { path: 'marketSizes.0.amount', message: 'Too big: expected number to be <=1e13' },
        { path: 'to', message: 'ends before from', detail: '結束日早於開始日' },
      ],
    });
    expect(problemFieldErrors(error, fakeT)).toEqual([
      { name: ['email'], errors: ['TAKEN'] },
      { name: ['marketSizes', 0, 'amount'], errors: ['部分欄位格式不正確。'] },
      { name: ['to'], errors: ['結束日早於開始日'] },
    ]);
  });
});
