import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { signupBodySchema } from '../../../src/contract/auth.ts';
import { saveMarketAnalysisBodySchema } from '../../../src/contract/market.ts';
import { ApiError, dispositionFileName } from '../../../src/web/api/client.ts';
import { marketSizeWarnings, toBody, toFormValues } from '../../../src/web/features/market/market-form.ts';
import { formatMoney, groupDigits, parseGrouped } from '../../../src/web/i18n/format.ts';
import {
  changedLeafPaths,
  clearErrorsOnEdit,
  editedErrorFields,
  type FieldPath,
  parseProblemPath,
  problemFieldErrors,
  setFieldErrors,
  zodFieldErrors,
} from '../../../src/web/lib/form-errors.ts';

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

/** Just the two calls the helpers make of an antd form: read every field's errors, set some. */
function fakeForm(initial: Record<string, string[]>) {
  const errors = new Map(Object.entries(initial));
  const form = {
    getFieldsError: () =>
      [...errors].map(([k, e]) => ({ name: JSON.parse(k) as FieldPath, errors: e, warnings: [] })),
    setFields: (fields: { name: FieldPath; errors?: string[] }[]) => {
      for (const f of fields) errors.set(JSON.stringify(f.name), f.errors ?? []);
    },
  };
  const shown = () => Object.fromEntries([...errors].filter(([, e]) => e.length > 0));
  return { form: form as unknown as FormInstance<unknown>, shown };
}

describe('field errors go when they no longer hold', () => {
  it('a field the person edits loses its error at once, the others keep theirs', () => {
    const { form, shown } = fakeForm({ '["companyName"]': ['Required'], '["email"]': ['Required'] });
    clearErrorsOnEdit(form)({ companyName: 'Small Cup Coffee' });
    expect(shown()).toEqual({ '["email"]': ['Required'] });
  });

  it('a new try shows only its own errors, not the ones of the try before', () => {
    const { form, shown } = fakeForm({ '["companyName"]': ['Required'], '["password"]': [] });
    setFieldErrors(form, [{ name: ['password'], errors: ['At least 8 characters'] }]);
    expect(shown()).toEqual({ '["password"]': ['At least 8 characters'] });
  });

  it('finds the edited fields inside lists, and the list holding them', () => {
    // antd gives a list edit as the list with only the edited item: { marketSizes: [ , { amount }] }
    const changed = { marketSizes: [undefined, { amount: 5 }] };
    expect(changedLeafPaths(changed)).toEqual([['marketSizes', 1, 'amount']]);
    const errored: FieldPath[] = [
      ['marketSizes', 0, 'amount'],
      ['marketSizes', 1, 'amount'],
      ['marketSizes'],
      ['positioning'],
    ];
    expect(editedErrorFields(errored, changed)).toEqual([['marketSizes', 1, 'amount'], ['marketSizes']]);
    // a value that is a list of its own (a multiple select) is one field
    expect(editedErrorFields([['channels']], { channels: ['門市', '外送'] })).toEqual([['channels']]);
    expect(editedErrorFields([['channels']], { channels: [] })).toEqual([['channels']]);
    // a cleared select
    expect(editedErrorFields([['role']], { role: undefined })).toEqual([['role']]);
  });
});

describe('downloads', () => {
  it("saves a file under the server's name, the UTF-8 one first", () => {
    expect(
      dispositionFileName(
        `attachment; filename="export.csv"; filename*=UTF-8''${encodeURIComponent('營收_2025-12-01_2026-12-08.csv')}`,
      ),
    ).toBe('營收_2025-12-01_2026-12-08.csv');
    expect(dispositionFileName('attachment; filename="errors.xlsx"')).toBe('errors.xlsx');
    expect(dispositionFileName("attachment; filename=plain.csv; filename*=UTF-8''%E0%A4%A")).toBe(
      'plain.csv',
    );
    expect(dispositionFileName('attachment')).toBeNull();
    expect(dispositionFileName(null)).toBeNull();
  });
});
