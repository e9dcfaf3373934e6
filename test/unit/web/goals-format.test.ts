import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  describeVersionValue,
  formatTarget,
  type HistoryContext,
} from '../../../src/web/features/goals/goal-format.ts';

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
});
