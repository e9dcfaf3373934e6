import { describe, expect, it } from 'vitest';
import { parseGoalStatement } from '../../../src/core/smart/index.ts';

const targetsOf = (text: string) =>
  parseGoalStatement(text, { today: '2026-01-15' }).targets.map(({ metric, kind, value, per }) => ({
    metric,
    kind,
    value,
    per,
  }));

describe('targets', () => {
  it('reads a minus sign before a number as a fall, never the dash of a range', () => {
    expect(targetsOf('2027年營收成長-10%')[0]).toMatchObject({ kind: 'percent_change', value: -10 });
    expect(targetsOf('2027年營收成長 −150%')[0]).toMatchObject({ kind: 'percent_change', value: -150 });
    expect(targetsOf('grow revenue by -10% in 2027')[0]).toMatchObject({
      kind: 'percent_change',
      value: -10,
    });
    // A word that already says "fall" is not turned into a rise by its sign.
    expect(targetsOf('2027年營收下降-10%')[0]).toMatchObject({ kind: 'percent_change', value: -10 });
    // 25-45歲, 7-11: ranges and names, no negative anywhere.
    for (const t of targetsOf('主要客群25-45歲,營收成長10%')) expect(t.value).toBeGreaterThan(0);
  });

  it('reads percentages, Chinese fractions and multiples', () => {
    expect(targetsOf('讓有機茶禮盒的銷量成長兩成')).toEqual([
      { metric: 'units', kind: 'percent_change', value: 20, per: null },
    ]);
    expect(targetsOf('營收成長三成')[0]).toMatchObject({ kind: 'percent_change', value: 30 });
    expect(targetsOf('業績翻倍')[0]).toMatchObject({ metric: 'revenue', kind: 'percent_change', value: 100 });
    expect(targetsOf('營收成長一倍')[0]).toMatchObject({ kind: 'percent_change', value: 100 });
    expect(targetsOf('把廣告投資報酬率提升到3倍')[0]).toMatchObject({
      metric: 'roas',
      kind: 'absolute',
      value: 3,
    });
  });

  it('reads money in plain units', () => {
    expect(targetsOf('營收提升到1.2億')[0]).toMatchObject({ kind: 'absolute', value: 120_000_000 });
    expect(targetsOf('年營收達到一千兩百萬')[0]).toMatchObject({ value: 12_000_000 });
    expect(targetsOf('門市銷售額達到50萬')[0]).toMatchObject({ value: 500_000 });
    expect(targetsOf('業績達到十二萬五千元')[0]).toMatchObject({ value: 125_000 });
    expect(targetsOf('Reach NT$2,000,000 in online store sales')[0]).toMatchObject({
      metric: 'revenue',
      kind: 'absolute',
      value: 2_000_000,
    });
  });

  it('reads rates and percentage points', () => {
    expect(targetsOf('轉化率從2%提升到3.5%')).toEqual([
      { metric: 'conversion_rate', kind: 'absolute', value: 3.5, per: null },
    ]);
    expect(targetsOf('客戶留存率提高5個百分點')).toEqual([
      { metric: 'retention_rate', kind: 'absolute_change', value: 5, per: null },
    ]);
    expect(targetsOf('流失率降低2個百分點')[0]).toMatchObject({ kind: 'absolute_change', value: -2 });
  });

  it('reads rate targets', () => {
    expect(targetsOf('達到每月100單')).toEqual([
      { metric: 'orders', kind: 'absolute', value: 100, per: 'month' },
    ]);
    expect(targetsOf('日均營業額達到2萬元')).toEqual([
      { metric: 'revenue', kind: 'absolute', value: 20_000, per: 'day' },
    ]);
    expect(targetsOf('Hit 200 orders per week')[0]).toMatchObject({ per: 'week', value: 200 });
    expect(targetsOf('Grow monthly orders from corporate clients to 300')[0]).toMatchObject({
      per: 'month',
      value: 300,
    });
  });

  it('reads changes in counts', () => {
    expect(targetsOf('新客戶增加50位')).toEqual([
      { metric: 'new_customers', kind: 'absolute_change', value: 50, per: null },
    ]);
    expect(targetsOf('本月新增100位會員')[0]).toMatchObject({ metric: 'new_customers', value: 100 });
  });

  it('reads English changes', () => {
    expect(targetsOf('Increase revenue of Product B by 25%')[0]).toMatchObject({
      kind: 'percent_change',
      value: 25,
    });
    expect(targetsOf('Cut CAC by 20%')[0]).toMatchObject({
      metric: 'cac',
      kind: 'percent_change',
      value: -20,
    });
    expect(targetsOf('Double our online sales')[0]).toMatchObject({ kind: 'percent_change', value: 100 });
  });

  it('gives a vague goal no targets', () => {
    expect(targetsOf('提升銷售額')).toEqual([]);
    expect(targetsOf('每天賣出更多咖啡')).toEqual([]);
    expect(targetsOf('每週舉辦一場線上研討會')).toEqual([]);
  });
});

describe('more numerals', () => {
  it('reads 百分之二十 and 二成五', () => {
    expect(targetsOf('今年營收成長百分之二十')[0]).toMatchObject({ kind: 'percent_change', value: 20 });
    expect(targetsOf('下半年銷量成長二成五')[0]).toMatchObject({ kind: 'percent_change', value: 25 });
  });

  it('does not read a holiday name as a number', () => {
    expect(targetsOf('618大促期間營收成長50%')).toEqual([
      { metric: 'revenue', kind: 'percent_change', value: 50, per: null },
    ]);
  });
});

describe('English phrasings', () => {
  it('reads growth written after the number', () => {
    expect(targetsOf('Achieve 20% growth in gift box sales before Mother’s Day')[0]).toMatchObject({
      metric: 'revenue',
      kind: 'percent_change',
      value: 20,
    });
  });

  it('ties points to the named rate, not to the segment', () => {
    expect(
      targetsOf('Lift the repeat purchase rate of VIP members by 5 percentage points this year'),
    ).toEqual([{ metric: 'repeat_purchase_rate', kind: 'absolute_change', value: 5, per: null }]);
  });

  it('reads added clients as a change', () => {
    expect(targetsOf('Add 50 new corporate clients through LinkedIn ads next quarter')[0]).toMatchObject({
      metric: 'new_customers',
      kind: 'absolute_change',
      value: 50,
    });
  });
});
