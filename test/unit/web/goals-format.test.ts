import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  describeReplan,
  describeVersionValue,
  formatTarget,
  type HistoryContext,
} from '../../../src/web/features/goals/goal-format.ts';
import en from '../../../src/web/i18n/en.json' with { type: 'json' };
import zhTW from '../../../src/web/i18n/zh-TW.json' with { type: 'json' };

const t = ((key: string) => (key === 'goals.perShort.day' ? '/ 每日' : key)) as unknown as TFunction;
const ctx: HistoryContext = {
  unitOf: (m) => (m === 'conversion_rate' ? 'ratio' : 'money'),
  metricName: (m) => (m === 'revenue' ? '營收' : m),
  memberName: (id) => (id === 'u1' ? '王小明' : undefined),
  objectiveTitle: () => undefined,
  currency: 'TWD',
  lang: 'zh-TW',
  t,
};

describe('goal formats', () => {
  it('shows a target in its own terms', () => {
    expect(
      formatTarget(
        { metric: 'revenue', kind: 'absolute', value: 1500, per: 'day' },
        'money',
        'TWD',
        'zh-TW',
        t,
      ),
    ).toBe('NT$1,500 / 每日');
    expect(
      formatTarget(
        { metric: 'revenue', kind: 'percent_change', value: 15, per: null },
        'money',
        'TWD',
        'en',
        t,
      ),
    ).toBe('+15%');
    expect(
      formatTarget(
        { metric: 'revenue', kind: 'absolute_change', value: 200000, per: null },
        'money',
        'TWD',
        'en',
        t,
      ),
    ).toBe('+NT$200,000');
    expect(
      formatTarget(
        { metric: 'conversion_rate', kind: 'absolute', value: 3.5, per: null },
        'ratio',
        'TWD',
        'en',
        t,
      ),
    ).toBe('3.5%');
    // A level keeps its unit and never a rate (#10): AOV NT$250, retention 60 %.
    expect(
      formatTarget({ metric: 'aov', kind: 'absolute', value: 250, per: 'day' }, 'money', 'TWD', 'zh-TW', t),
    ).toBe('NT$250');
    expect(
      formatTarget(
        { metric: 'retention_rate', kind: 'absolute', value: 60, per: null },
        'ratio',
        'TWD',
        'zh-TW',
        t,
      ),
    ).toBe('60%');
  });

  it('describes the values of the change history in words', () => {
    expect(
      describeVersionValue('target', { metric: 'revenue', kind: 'absolute', value: 43822, per: 'day' }, ctx),
    ).toBe('營收 NT$43,822 / 每日');
    expect(describeVersionValue('ownerUserId', 'u1', ctx)).toBe('王小明');
    expect(describeVersionValue('strategies', ['A', 'B'], ctx)).toBe('A、B');
    expect(describeVersionValue('period', { start: '2026-11-28', end: '2027-02-27' }, ctx)).toContain('2027');
    expect(describeVersionValue('notes', null, ctx)).toBe('—');
  });

  it('describes a re-plan in words: the choice, the gap, each period’s old → new target', async () => {
    const note = {
      mode: 'spread',
      today: '2026-12-07',
      difference: -54653.54,
      requiredRunRate: 1234.5,
      periods: [{ start: '2026-12-01', end: '2026-12-31', from: 1_200_000, to: 1_254_653.54 }],
    };
    const zh = i18next.createInstance();
    await zh.init({ lng: 'zh-TW', resources: { 'zh-TW': { translation: zhTW } } });
    const e = i18next.createInstance();
    await e.init({ lng: 'en', resources: { en: { translation: en } } });
    const zhText = describeReplan(note, 'revenue', { ...ctx, t: zh.t });
    expect(zhText?.summary).toBe(
      '把差額分攤到其餘期間,以 2026年12月7日 為準,已結束期間短少 NT$54,654,現在每日需達 NT$1,235',
    );
    expect(zhText?.periods).toEqual(['2026年12月1日 – 2026年12月31日: NT$1,200,000 → NT$1,254,654']);
    const enText = describeReplan(note, 'revenue', { ...ctx, lang: 'en', t: e.t });
    expect(enText?.summary).toBe(
      'Spread the gap over the remaining periods; as of Dec 7, 2026; the closed periods fell NT$54,654 short; pace now needed NT$1,235 a day',
    );
    expect(enText?.periods).toEqual(['Dec 1, 2026 – Dec 31, 2026: NT$1,200,000 → NT$1,254,654']);
    for (const text of [zhText, enText])
      for (const line of [text?.summary ?? '', ...(text?.periods ?? [])])
        expect(line).not.toMatch(/[{}"]|mode|difference/);
    // Kept targets: no periods; a rate's gap is in points of its level; not a re-plan: null.
    const keep = describeReplan(
      { mode: 'keep', today: '2026-12-07', difference: 0, requiredLevel: 3.5 },
      'conversion_rate',
      { ...ctx, lang: 'en', t: e.t },
    );
    expect(keep).toEqual({
      summary:
        'Kept the targets; as of Dec 7, 2026; the closed periods met their targets; level now needed 3.5%',
      periods: [],
    });
    expect(describeReplan({ something: 1 }, 'revenue', ctx)).toBeNull();
  });
});
