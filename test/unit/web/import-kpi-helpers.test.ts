import { describe, expect, it } from 'vitest';
import {
  delimiterKey,
  encodingKey,
  jobPercent,
  presetMapping,
} from '../../../src/web/features/imports/imports-api.ts';
import { problemsText } from '../../../src/web/features/imports/preview-problems.ts';
import {
  change,
  formatKpi,
  isAdditive,
  PERIOD_PRESETS,
  presetRange,
  whereString,
} from '../../../src/web/features/kpi/kpi-view.ts';

describe('import wizard helpers', () => {
  it("names a preview problem by the file's column, or by Pacer's name of a field the file lacks, never by its code", () => {
    const missingAmount = {
      line: 2,
      column: 'amount',
      code: 'AMOUNT_MISSING',
      value: null,
      message: '沒有金額,也沒有可計算金額的數量與單價',
    };
    const badDate = {
      line: 2,
      column: '交易日期',
      code: 'DATE_INVALID',
      value: '115/13/01',
      message: '日期無法辨識',
    };
    const tooFew = { line: 2, column: null, code: 'FIELDS_TOO_FEW', value: null, message: '欄位比標題少' };
    const labels: Record<string, string> = { amount: '金額' };
    const label = (f: string) => labels[f] ?? f;
    expect(problemsText([missingAmount, badDate, tooFew], ['交易日期', '品名'], label, 'zh-TW')).toBe(
      '金額:沒有金額,也沒有可計算金額的數量與單價;交易日期:日期無法辨識;欄位比標題少',
    );
    const en = [
      { ...missingAmount, message: 'There is no amount' },
      { ...badDate, message: 'Not a date' },
    ];
    expect(problemsText(en, ['交易日期'], (f) => (f === 'amount' ? 'Amount' : f), 'en')).toBe(
      'Amount: There is no amount; 交易日期: Not a date',
    );
    // a file whose own header is spelled like a field code keeps its header
    expect(problemsText([missingAmount], ['amount'], label, 'en')).toBe(
      'amount: 沒有金額,也沒有可計算金額的數量與單價',
    );
  });
  it('names the detected encoding in words', () => {
    expect(encodingKey('cp950')).toBe('imports.encodings.big5');
    expect(encodingKey('utf8')).toBe('imports.encodings.utf8');
    expect(encodingKey('UTF-16LE')).toBe('imports.encodings.utf16');
    expect(encodingKey(null)).toBe('imports.encodings.unknown');
    expect(delimiterKey('\t')).toBe('imports.delimiters.tab');
    expect(delimiterKey(null)).toBe('imports.delimiters.none');
  });
  it('turns bytes read into a bounded percentage', () => {
    expect(jobPercent(0, 0)).toBe(0);
    expect(jobPercent(50, 200)).toBe(25);
    expect(jobPercent(300, 200)).toBe(100);
  });
});

describe('KPI explorer helpers', () => {
  it('computes the preset ranges from today', () => {
    const today = '2026-05-15';
    // Twelve complete months before this month, and this month so far (marked partial by the explorer).
    expect(presetRange('last12m', today)).toEqual({ from: '2025-05-01', to: today });
    expect(presetRange('last12m', '2026-12-07')).toEqual({ from: '2025-12-01', to: '2026-12-07' });
    expect(presetRange('last12m', '2026-01-01')).toEqual({ from: '2025-01-01', to: '2026-01-01' });
    expect(presetRange('last12m', '2024-02-29')).toEqual({ from: '2023-02-01', to: '2024-02-29' });
    expect(presetRange('thisYear', today)).toEqual({ from: '2026-01-01', to: today });
    expect(presetRange('lastYear', today)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(presetRange('thisQuarter', today)).toEqual({ from: '2026-04-01', to: today });
    expect(presetRange('lastQuarter', today)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(presetRange('lastMonth', today)).toEqual({ from: '2026-04-01', to: '2026-04-30' });
    expect(presetRange('last90d', today)).toEqual({ from: '2026-02-15', to: today });
    expect(presetRange('thisMonth', today)).toEqual({ from: '2026-05-01', to: today });
    expect(presetRange('lastYear', '2024-02-29')).toEqual({ from: '2023-01-01', to: '2023-12-31' });
    expect(presetRange('lastMonth', '2024-03-31')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    // January: last quarter and last month fall in the previous year
    expect(presetRange('lastQuarter', '2026-01-10')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(presetRange('lastMonth', '2026-01-10')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    for (const p of PERIOD_PRESETS) {
      const r = presetRange(p, '2024-02-29');
      expect(r.from <= r.to, p).toBe(true);
    }
  });
  it('builds the where string with a repeated key for either member', () => {
    expect(whereString('channel', ['門市', '線上商店'])).toBe('channel=門市,channel=線上商店');
    expect(whereString('channel', [])).toBeUndefined();
    expect(whereString(null, ['x'])).toBeUndefined();
  });
  it('formats values by unit and compares with last year', () => {
    expect(formatKpi(1500, 'money', 'TWD', 'zh-TW')).toBe('NT$1,500');
    expect(formatKpi(0.253, 'ratio', 'TWD', 'en')).toBe('25.3%');
    // A goal's level reads as written; a column of figures keeps one decimal so that it lines up.
    expect(formatKpi(0.6, 'ratio', 'TWD', 'zh-TW')).toBe('60%');
    expect(formatKpi(0.56, 'ratio', 'TWD', 'zh-TW', true)).toBe('56.0%');
    expect(formatKpi(4.5, 'score', 'TWD', 'en', true)).toBe('4.50');
    expect(formatKpi(4.5, 'score', 'TWD', 'en')).toBe('4.5');
    expect(formatKpi(null, 'count', 'TWD', 'en')).toBe('—');
    expect(isAdditive('money')).toBe(true);
    expect(isAdditive('ratio')).toBe(false);
    expect(change(120, 100)).toBeCloseTo(0.2);
    expect(change(5, 0)).toBeNull();
  });
});

describe('saved mapping presets', () => {
  it('follow the header names when the columns moved, and drop columns the file lacks', () => {
    const preset = {
      mapping: { date: 0, product: 1, amount: 2, rep: 5 },
      headers: ['日期', '品名', '金額', 'a', 'b', '業務'],
    };
    expect(presetMapping(preset, ['品名', '日期', '金額'])).toEqual({
      date: 1,
      product: 0,
      amount: 2,
      rep: null,
    });
  });
});
