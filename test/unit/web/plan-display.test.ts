import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatTarget } from '../../../src/web/features/goals/goal-format.ts';
import { formatValue, methodHelpKey, planHelpKey } from '../../../src/web/features/plan/plan-view.ts';
import en from '../../../src/web/i18n/en.json' with { type: 'json' };
import { formatMoney } from '../../../src/web/i18n/format.ts';
import zhTW from '../../../src/web/i18n/zh-TW.json' with { type: 'json' };

type Messages = { [key: string]: string | Messages };
const text = (messages: Messages, key: string): string => {
  const v = key
    .split('.')
    .reduce<string | Messages | undefined>((m, k) => (typeof m === 'object' ? m[k] : undefined), messages);
  if (typeof v !== 'string') throw new Error(`no message ${key}`);
  return v;
};
const t = ((key: string) => key) as unknown as TFunction;
const METHODS = ['equal', 'last-year', 'seasonal', 'ramp', 'manual'] as const;

describe('plan page texts follow the metric kind', () => {
  it('a sum: its children share its total', () => {
    expect(text(zhTW, planHelpKey(true))).toContain('合計永遠等於上一層的目標');
    for (const m of METHODS) expect(methodHelpKey(m, true)).toBe(`plan.methodHelp.${m}`);
  });

  it('a ratio (AOV, retention…): every child keeps a level, never a share, in both languages', () => {
    const keys = [planHelpKey(false), ...METHODS.map((m) => methodHelpKey(m, false))];
    for (const key of keys) {
      const zh = text(zhTW, key);
      const eng = text(en, key);
      expect(zh, key).toContain('水準');
      expect(eng, key).toContain('level');
      for (const wrong of ['合計永遠等於', '自動重新分配', '銷售比重', '依天數平均分配', '學習季節性'])
        expect(zh, key).not.toContain(wrong);
      for (const wrong of [
        'total always equals',
        're-balanced',
        'weighted by their sales',
        'number of days',
        'Learned from',
      ])
        expect(eng, key).not.toContain(wrong);
    }
    expect(methodHelpKey('manual', false)).not.toBe(methodHelpKey('seasonal', false));
  });
});

describe('money on the plan page and the goal list: whole currency units', () => {
  it('a target or total with cents shows whole dollars (NT$, HK$), as the rest of the app', () => {
    expect(formatValue(1_106_638.4, 'money', 'TWD', 'zh-TW')).toBe('NT$1,106,638');
    expect(formatValue(1_106_638.5, 'money', 'TWD', 'en')).toBe('NT$1,106,639');
    expect(formatValue(-12.5, 'money', 'TWD', 'en')).toBe('-NT$13');
    expect(formatValue(-0.4, 'money', 'TWD', 'en')).toBe('NT$0');
    expect(formatValue(1_106_638.4, 'money', 'HKD', 'en')).toBe('HK$1,106,638');
    expect(formatValue(1500, 'money', 'HKD', 'en')).toBe('HK$1,500');
    // Levels and counts keep their own precision.
    expect(formatValue(12.5, 'ratio', 'TWD', 'en')).toBe('12.5%');
    expect(formatValue(180, 'money', 'TWD', 'zh-TW')).toBe('NT$180');
  });

  it('a gap stays exact where cents must not read as NT$0', () => {
    expect(formatValue(-0.4, 'money', 'TWD', 'en', 'exact')).toBe('-NT$0.40');
    expect(formatValue(-49_999.5, 'money', 'TWD', 'en', 'exact')).toBe('-NT$49,999.50');
    expect(formatMoney(1000, 'USD', 'en')).toBe('$1,000.00');
  });

  it('the goal list shows a saved child target without cents (the stored value keeps them)', () => {
    const target = { metric: 'revenue', kind: 'absolute', value: 1_106_638.4, per: null } as const;
    expect(formatTarget(target, 'money', 'TWD', 'zh-TW', t)).toBe('NT$1,106,638');
    expect(formatTarget(target, 'money', 'HKD', 'en', t)).toBe('HK$1,106,638');
    expect(
      formatTarget({ ...target, kind: 'absolute_change', value: 200_000.4 }, 'money', 'TWD', 'en', t),
    ).toBe('+NT$200,000');
  });
});

describe('the first split of a goal not split yet', () => {
  it('is at the next grain below the goal’s own length: several columns, never one', async () => {
    const { grainFor } = await import('../../../src/web/features/plan/plan-view.ts');
    expect(grainFor({ start: '2027-01-01', end: '2027-12-31' })).toBe('quarter');
    expect(grainFor({ start: '2027-01-01', end: '2027-03-31' })).toBe('month');
    expect(grainFor({ start: '2027-01-01', end: '2027-01-31' })).toBe('week');
    expect(grainFor({ start: '2027-01-01', end: '2027-01-10' })).toBe('day');
  });
});
