import { describe, expect, it } from 'vitest';
import { parseGoalStatement } from '../../../src/core/smart/index.ts';

/** Reads `text` on `today` and returns [start, end] of its period, or null. */
const span = (text: string, today: string, fiscalYearStartMonth?: number): [string, string] | null => {
  const p = parseGoalStatement(text, { today, fiscalYearStartMonth }).period;
  return p ? [p.start, p.end] : null;
};
const goal = (text: string, today = '2026-03-10') => parseGoalStatement(text, { today });

/** Every variant × a few goal sentences around it: the reading must not depend on the words after. */
const TAILS = ['營收成長10%', '門市銷售額提升15%', ',會員回購率提升到40%'];

describe('ROC (民國) years in every form', () => {
  it.each([
    ['民國115年', '2026-01-01', '2026-12-31'],
    ['民國 115 年', '2026-01-01', '2026-12-31'],
    ['115年', '2026-01-01', '2026-12-31'],
    ['115年度', '2026-01-01', '2026-12-31'],
    ['民國116年度', '2027-01-01', '2027-12-31'],
    ['116年第一季', '2027-01-01', '2027-03-31'],
    ['民國116年第3季', '2027-07-01', '2027-09-30'],
    ['115年度第二季', '2026-04-01', '2026-06-30'],
    ['116年Q4', '2027-10-01', '2027-12-31'],
    ['民國116年上半年', '2027-01-01', '2027-06-30'],
    ['115年下半年', '2026-07-01', '2026-12-31'],
    ['115年7月', '2026-07-01', '2026-07-31'],
    ['民國115年12月', '2026-12-01', '2026-12-31'],
    ['115年7月到9月', '2026-07-01', '2026-09-30'],
    ['115年7月1日', '2026-07-01', '2026-07-01'],
    ['民國115年7月1日前', '2026-03-10', '2026-07-01'],
    ['115/7/1前', '2026-03-10', '2026-07-01'],
    ['115.12.31前', '2026-03-10', '2026-12-31'],
    ['115年底前', '2026-03-10', '2026-12-31'],
    ['116年以前', '2026-03-10', '2026-12-31'],
  ])('%s', (words, start, end) => {
    for (const tail of TAILS)
      expect(span(`${words}${tail}`, '2026-03-10'), `${words}${tail}`).toEqual([start, end]);
  });

  it.each(['民國115年', '115年', '115年度', '116年第一季', '115/7/1前', '民國115年7月1日前'])(
    'a number followed by 年 is a year, not a product: %s',
    (words) => {
      for (const tail of TAILS) expect(goal(`${words}${tail}`).scope.products, `${words}${tail}`).toEqual([]);
    },
  );

  it.each([
    ['3年內營收成長50%', '2026-03-10', '2029-03-09'],
    ['一年內營收成長10%', '2026-03-10', '2027-03-09'],
    ['2026年營收成長10%', '2026-01-01', '2026-12-31'],
  ])('a duration or a Gregorian year stays what it was: %s', (text, start, end) => {
    expect(span(text, '2026-03-10')).toEqual([start, end]);
  });

  it.each(['99年營收成長10%', '3年營收成長50%', '民國99年營收成長10%'])(
    '「N年」 is never a product: %s',
    (text) => {
      expect(goal(text).scope.products).toEqual([]);
    },
  );

  it.each([
    ['成立100年,今年營收成長10%', '2026-01-01', '2026-12-31'],
    ['營業超過120年,今年營收成長10%', '2026-01-01', '2026-12-31'],
  ])('a count of years is not an ROC year: %s', (text, start, end) => {
    expect(span(text, '2026-03-10')).toEqual([start, end]);
  });

  it('reads a named ROC year as the fiscal year starting in it', () => {
    expect(span('115年度營收成長10%', '2026-03-10', 4)).toEqual(['2026-04-01', '2027-03-31']);
  });
});

describe('date ranges', () => {
  it.each([
    ['4/1~6/30', '2026-04-01', '2026-06-30'],
    ['4/1-6/30', '2026-04-01', '2026-06-30'],
    ['4/1 ~ 6/30', '2026-04-01', '2026-06-30'],
    ['4/1～6/30', '2026-04-01', '2026-06-30'],
    ['4/1–6/30', '2026-04-01', '2026-06-30'],
    ['4/1至6/30', '2026-04-01', '2026-06-30'],
    ['4/1到6/30', '2026-04-01', '2026-06-30'],
    ['4月1日至6月30日', '2026-04-01', '2026-06-30'],
    ['4月1日~6月30日', '2026-04-01', '2026-06-30'],
    ['2026/4/1~2026/6/30', '2026-04-01', '2026-06-30'],
    ['2026/4/1~6/30', '2026-04-01', '2026-06-30'],
    ['115/4/1~115/6/30', '2026-04-01', '2026-06-30'],
    ['民國115年4月1日至6月30日', '2026-04-01', '2026-06-30'],
    ['11/15~1/15', '2026-11-15', '2027-01-15'],
    ['1/1~3/31', '2026-01-01', '2026-03-31'],
    ['1-3月', '2026-01-01', '2026-03-31'],
    ['一至三月', '2026-01-01', '2026-03-31'],
    ['115年1~3月', '2026-01-01', '2026-03-31'],
    ['2/1~2/10', '2027-02-01', '2027-02-10'],
  ])('%s', (words, start, end) => {
    for (const tail of TAILS)
      expect(span(`${words} ${tail}`, '2026-03-10'), `${words}${tail}`).toEqual([start, end]);
  });

  it.each([
    ['Increase online revenue by 20% June–August', '2026-06-01', '2026-08-31'],
    ['Increase online revenue by 20% June-August', '2026-06-01', '2026-08-31'],
    ['Increase online revenue by 20% from June to August', '2026-06-01', '2026-08-31'],
    ['Grow revenue 10% June-August 2027', '2027-06-01', '2027-08-31'],
    ['Grow revenue 10% Nov–Jan', '2026-11-01', '2027-01-31'],
    ['Grow revenue 10% Jan through Feb', '2027-01-01', '2027-02-28'],
    ['Increase revenue 10% from 4/1 to 6/30', '2026-04-01', '2026-06-30'],
    ['Increase revenue 10% April 1 - June 30', '2026-04-01', '2026-06-30'],
    ['Increase revenue 10% between April 1 and June 30', '2026-04-01', '2026-06-30'],
    ['Increase revenue 10% Apr 1–Jun 30, 2027', '2027-04-01', '2027-06-30'],
    ['Increase revenue 10% from 1 April to 30 June', '2026-04-01', '2026-06-30'],
    ['Increase revenue 10% Dec 1, 2026 - Jan 31, 2027', '2026-12-01', '2027-01-31'],
  ])('%s', (text, start, end) => {
    expect(span(text, '2026-03-10')).toEqual([start, end]);
  });
});

describe('spans counted from a start', () => {
  it.each([
    ['下個月起連續三個月', '2026-04-01', '2026-06-30'],
    ['下個月開始連續3個月', '2026-04-01', '2026-06-30'],
    ['下月起3個月', '2026-04-01', '2026-06-30'],
    ['從下個月起連續兩個月', '2026-04-01', '2026-05-31'],
    ['本月起連續三個月', '2026-03-01', '2026-05-31'],
    ['從7月起連續3個月', '2026-07-01', '2026-09-30'],
    ['7月起為期兩個月', '2026-07-01', '2026-08-31'],
    ['自4月1日起90天', '2026-04-01', '2026-06-29'],
    ['從4/1起連續8週', '2026-04-01', '2026-05-26'],
    ['下季起連續兩季', '2026-04-01', '2026-09-30'],
    ['下週起連續4週', '2026-03-16', '2026-04-12'],
    ['116年1月起連續6個月', '2027-01-01', '2027-06-30'],
  ])('%s', (words, start, end) => {
    for (const tail of TAILS)
      expect(span(`${words}${tail}`, '2026-03-10'), `${words}${tail}`).toEqual([start, end]);
  });

  it.each([
    ['Grow revenue 10% for three months starting next month', '2026-04-01', '2026-06-30'],
    ['Grow revenue 10% for 3 months from July', '2026-07-01', '2026-09-30'],
    ['Grow revenue 10% over 8 weeks starting next week', '2026-03-16', '2026-05-10'],
  ])('%s', (text, start, end) => {
    expect(span(text, '2026-03-10')).toEqual([start, end]);
  });
});

describe('the days and weeks around a holiday', () => {
  it.each([
    // The ISO week (Monday–Sunday) of the holiday: 端午 2026-06-19 is a Friday.
    ['端午節當週', '2026-06-15', '2026-06-21'],
    ['端午當週', '2026-06-15', '2026-06-21'],
    ['端午節那一週', '2026-06-15', '2026-06-21'],
    ['中秋節當週', '2026-09-21', '2026-09-27'],
    ['中秋節前兩週', '2026-09-11', '2026-09-24'],
    ['中秋前一個月', '2026-08-25', '2026-09-24'],
    ['春節前兩週', '2027-01-23', '2027-02-05'],
    // 春節期間 is 初一 to 初五 (2027-02-06 …); 初一 is New Year's Day, not its eve.
    ['春節期間', '2027-02-06', '2027-02-10'],
    ['過年期間', '2027-02-06', '2027-02-10'],
    ['初一到初五', '2027-02-06', '2027-02-10'],
    ['大年初一到初五', '2027-02-06', '2027-02-10'],
    ['正月初一至初三', '2027-02-06', '2027-02-08'],
    ['除夕到初三', '2027-02-05', '2027-02-08'],
    ['大年初一', '2027-02-06', '2027-02-06'],
    ['2027年初一到初五', '2027-02-06', '2027-02-10'],
    // The days off as the government calendar has them (小年夜 to the substitute days).
    ['春節連假', '2027-02-04', '2027-02-10'],
    ['春節假期', '2027-02-04', '2027-02-10'],
    ['端午連假', '2026-06-19', '2026-06-21'],
    ['中秋連假', '2026-09-25', '2026-09-28'],
    ['清明連假', '2026-04-03', '2026-04-06'],
    ['228連假', '2027-02-27', '2027-03-01'],
    ['元旦連假', '2027-01-01', '2027-01-03'],
    ['母親節當週', '2026-05-04', '2026-05-10'],
  ])('%s', (words, start, end) => {
    for (const tail of TAILS)
      expect(span(`${words}${tail}`, '2026-03-10'), `${words}${tail}`).toEqual([start, end]);
  });

  it('takes this year’s New Year days while they are still ahead', () => {
    expect(span('初一到初五營收成長30%', '2026-01-20')).toEqual(['2026-02-17', '2026-02-21']);
    expect(span('春節期間營收成長30%', '2026-02-18')).toEqual(['2026-02-17', '2026-02-21']);
    expect(span('春節期間營收成長30%', '2026-02-22')).toEqual(['2027-02-06', '2027-02-10']);
  });

  it('does not read a lone 初五 (any month’s fifth day) as New Year', () => {
    expect(span('每月初五舉辦會員日,營收成長10%', '2026-03-10')).toBeNull();
  });
});

describe('「今年內」: from today to the end of the year', () => {
  it.each([
    ['2026-01-01', '2026-01-01', '2026-12-31'],
    ['2026-01-20', '2026-01-20', '2026-12-31'],
    ['2026-03-10', '2026-03-10', '2026-12-31'],
    ['2026-11-30', '2026-11-30', '2026-12-31'],
  ])('said on %s', (today, start, end) => {
    for (const words of ['今年內', '今年之內', '今年以內', '本年度內', '年內']) {
      for (const tail of TAILS)
        expect(span(`${words}${tail}`, today), `${words}${tail}`).toEqual([start, end]);
    }
  });

  it.each(['within this year', 'within the year', 'over the rest of the year', 'for the rest of this year'])(
    'in English: %s',
    (words) => {
      expect(span(`Increase revenue by 10% ${words}`, '2026-03-10')).toEqual(['2026-03-10', '2026-12-31']);
    },
  );

  it('ends with the fiscal year, and 今年 alone is still the whole year', () => {
    expect(span('今年內營收成長20%', '2026-06-15', 4)).toEqual(['2026-06-15', '2027-03-31']);
    expect(span('今年營收成長20%', '2026-06-15')).toEqual(['2026-01-01', '2026-12-31']);
  });
});

describe('scope phrases: whose metric it is', () => {
  it.each([
    ['Increase the repeat purchase rate of members to 40% by June', 'members'],
    ['Increase repeat purchase rate of our members to 40% by June', 'members'],
    ['Grow revenue from members by 15% this year', 'members'],
    ['Increase sales to members by 10% next quarter', 'members'],
    ['Increase conversion for trade-show leads to 25% in Q3', 'trade-show leads'],
    ['Raise the conversion rate of trade-show leads to 25% by Q3', 'trade-show leads'],
    ['Increase revenue from corporate clients by 20% in 2026', 'corporate clients'],
    ['會員營收成長20%', '會員'],
    ['提升會員的平均客單價到800元', '會員'],
    ['提高會員回購率至40%,在6月底前', '會員'],
    ['針對會員推出生日禮,回購率提升到35%', '會員'],
    ['VIP會員營收成長20%', 'VIP會員'],
    ['付費會員數達到3000人', '付費會員'],
    ['針對展會名單的成交率提升到20%', '展會名單'],
    ['Increase revenue among members by 10% in Q3', 'members'],
    ['Grow sales to existing members by 10% next quarter', 'existing members'],
  ])('%s', (text, segment) => {
    const g = goal(text);
    expect(g.scope.segments).toContain(segment);
    expect(g.scope.products).toEqual([]);
  });

  it.each([
    ['Increase members to 5000 by December', 'customers'],
    ['Get 500 new members by June', 'new_customers'],
    ['會員數達到5000人', 'customers'],
    ['新增會員500人', 'new_customers'],
  ])('a count of members is the metric, not a segment: %s', (text, metric) => {
    const g = goal(text);
    expect(g.metric).toBe(metric);
    expect(g.scope.segments).toEqual([]);
  });

  it('a member day is an occasion, not a product', () => {
    expect(goal('會員日營收成長20%').scope.products).toEqual([]);
  });

  it('keeps a product after "of" a product', () => {
    expect(goal('Increase sales of Product B by 20% in Q3').scope.products).toEqual(['Product B']);
  });
});
