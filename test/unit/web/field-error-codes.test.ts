import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { FIELD_MESSAGES, isFieldMessageCode } from '../../../src/contract/common.ts';
import { ApiError } from '../../../src/web/api/client.ts';
import en from '../../../src/web/i18n/en.json' with { type: 'json' };
import zhTW from '../../../src/web/i18n/zh-TW.json' with { type: 'json' };
import { problemFieldErrors, problemFieldText } from '../../../src/web/lib/form-errors.ts';

/** The field codes of goals, plans and imports the web words itself (src/web/i18n fieldErrors). */
const PLAN_AND_IMPORT_CODES = [
  'target_negative',
  'target_out_of_range',
  'target_fall_of_100',
  'target_change_out_of_range',
  'unknown_cell',
  'locks_exceed_target',
  'split_dimension_unreadable',
  'split_no_members',
  'file_required',
  'multipart_required',
  'unknown_field',
  'column_out_of_range',
  'column_mapped_twice',
  'order_level_column',
] as const;

const webFieldErrors = { en: en.fieldErrors, 'zh-TW': zhTW.fieldErrors } as Record<
  'en' | 'zh-TW',
  Record<string, string>
>;

const serverNames = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
// {{name}} or {{name, number}} (i18next's formatter: thousands grouped in the UI language).
const webNames = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*(?:,\s*\w+\s*)?\}\}/g)].map((m) => m[1]).sort();

async function translator(lng: 'en' | 'zh-TW') {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: { en: { translation: en }, 'zh-TW': { translation: zhTW } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

describe('server field codes in the web', () => {
  it('words every plan and import field code in both languages', () => {
    for (const lang of ['en', 'zh-TW'] as const)
      expect(
        PLAN_AND_IMPORT_CODES.filter((c) => !webFieldErrors[lang][c]),
        lang,
      ).toEqual([]);
  });

  it('words them as the server does (the same sentence, capitalised)', () => {
    for (const lang of ['en', 'zh-TW'] as const)
      for (const code of PLAN_AND_IMPORT_CODES) {
        if (!isFieldMessageCode(code)) throw new Error(`${code} is no server field code`);
        const server = FIELD_MESSAGES[code][lang].replace(/\{(\w+)\}/g, '{{$1}}');
        const web = (webFieldErrors[lang][code] ?? '').replace(/\{\{(\w+), number\}\}/g, '{{$1}}');
        expect(web.charAt(0).toLowerCase() + web.slice(1), `${lang} ${code}`).toBe(server);
      }
  });

  it('names the values the server sends (params) as the server’s wording does', () => {
    for (const lang of ['en', 'zh-TW'] as const)
      for (const [code, text] of Object.entries(webFieldErrors[lang])) {
        if (!isFieldMessageCode(code)) continue;
        expect(webNames(text), `${lang} ${code}`).toEqual(serverNames(FIELD_MESSAGES[code][lang]));
      }
  });

  it('says a split’s problem with its dimension under that field, by its code', async () => {
    const error = new ApiError({
      type: 'x',
      title: 'x',
      status: 422,
      code: 'PLAN_CANNOT_SPLIT',
      detail: '無法以這種方式拆解這個目標:資料中沒有任何「業務人員」項目',
      errors: [{ path: 'by', code: 'split_no_members', message: 'x', detail: 'x' }],
    });
    expect(problemFieldText(error, await translator('zh-TW'), 'by')).toBe(
      '資料中沒有這個維度的任何項目可以拆分',
    );
    expect(problemFieldText(error, await translator('en'), 'by')).toBe(
      'Your data has no members of this dimension to split among',
    );
    expect(problemFieldText(error, await translator('en'), 'into')).toBeUndefined();
  });

  it('fills a code’s values from the field’s params', async () => {
    const error = new ApiError({
      type: 'x',
      title: '無法以這種方式拆解這個目標',
      status: 422,
      code: 'PLAN_LOCKS_EXCEED_TARGET',
      errors: [
        {
          path: 'locked',
          code: 'locks_exceed_target',
          message: 'x',
          params: { locked: 1500.5, target: 1000 },
        },
        { path: 'cells', code: 'unknown_cell', message: 'x', params: { cell: '2027-Q9' } },
      ],
    });
    expect(problemFieldErrors(error, await translator('zh-TW'))).toEqual([
      { name: ['locked'], errors: ['鎖定的階段目標合計 1,500.5,超過目標 1,000 可分配的數額'] },
      { name: ['cells'], errors: ['「2027-Q9」不是這次拆解的階段目標之一'] },
    ]);
    expect(problemFieldErrors(error, await translator('en'))[1]).toEqual({
      name: ['cells'],
      errors: ['“2027-Q9” is not one of this split’s phase goals'],
    });
  });
});
