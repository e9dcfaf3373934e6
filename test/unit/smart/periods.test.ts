import { describe, expect, it } from 'vitest';
import { parseGoalStatement } from '../../../src/core/smart/index.ts';

const periodOf = (text: string, today = '2026-01-15', fiscalYearStartMonth?: number) =>
  parseGoalStatement(text, { today, fiscalYearStartMonth }).period;

describe('periods resolved against today', () => {
  it.each([
    ['在未來三個月內提升銷售額', '2026-01-15', '2026-04-14'],
    ['在接下來的3個月內提升銷售額', '2026-01-15', '2026-04-14'],
    ['未來半年內提升營收', '2026-01-15', '2026-07-14'],
    ['一年內提升營收', '2026-01-15', '2027-01-14'],
    ['在未來12週內帶來60筆名單', '2026-01-15', '2026-04-08'],
    ['30天內網站訂單增加20%', '2026-01-15', '2026-02-13'],
    ['接下來兩季營收提升10%', '2026-01-15', '2026-07-14'],
    ['2024年第一季度銷售額提升', '2024-01-01', '2024-03-31'],
    ['第三季營收達到300萬', '2026-07-01', '2026-09-30'],
    ['本季客單價提高到650元', '2026-01-01', '2026-03-31'],
    ['下季度把廣告投資報酬率提升到3倍', '2026-04-01', '2026-06-30'],
    ['下半年銷量成長兩成', '2026-07-01', '2026-12-31'],
    ['明年上半年訂單達到每月2000單', '2027-01-01', '2027-06-30'],
    ['本月底前新增100位會員', '2026-01-15', '2026-01-31'],
    ['下個月新客戶增加50位', '2026-02-01', '2026-02-28'],
    ['下週來客數增加200人', '2026-01-19', '2026-01-25'],
    ['今年營收成長30%', '2026-01-01', '2026-12-31'],
    ['明年營收成長30%', '2027-01-01', '2027-12-31'],
    ['年底前將客單價提高至650元', '2026-01-15', '2026-12-31'],
    ['在今年6月底前完成', '2026-01-15', '2026-06-30'],
    ['2026年3月門市銷售額達到50萬', '2026-03-01', '2026-03-31'],
    ['2026年12月31日前,會員回購率提升至40%', '2026-01-15', '2026-12-31'],
    ['Reach NT$2,000,000 in online store sales in Q3 2026', '2026-07-01', '2026-09-30'],
    ['Increase revenue by 25% in the next 6 months', '2026-01-15', '2026-07-14'],
    ['Grow orders to 300 by the end of 2026', '2026-01-15', '2026-12-31'],
    ['Increase revenue by 10% by September', '2026-01-15', '2026-09-30'],
    ['Increase revenue by 10% next quarter', '2026-04-01', '2026-06-30'],
    ['Increase revenue by 10% next week', '2026-01-19', '2026-01-25'],
    ['Increase revenue by 10% in H2 2026', '2026-07-01', '2026-12-31'],
    ['我们计划在未来三个月内把销售额提升30%', '2026-01-15', '2026-04-14'],
  ])('%s', (text, start, end) => {
    expect(periodOf(text)).toEqual({ start, end });
  });

  it('reads the weeks before Taiwanese holidays', () => {
    expect(periodOf('春節前兩週禮盒銷售額達到100萬')).toEqual({ start: '2026-02-03', end: '2026-02-16' });
    expect(periodOf('農曆新年前營收成長10%')).toEqual({ start: '2026-01-15', end: '2026-02-16' });
    expect(periodOf('中秋節前月餅銷量達到5000盒')).toEqual({ start: '2026-01-15', end: '2026-09-24' });
    expect(periodOf('端午節前一個月粽子銷量達到3000組')).toEqual({ start: '2026-05-19', end: '2026-06-18' });
    expect(periodOf('母親節前兩週蛋糕銷售額成長25%')).toEqual({ start: '2026-04-26', end: '2026-05-09' });
    expect(periodOf('父親節前推出禮盒')).toEqual({ start: '2026-01-15', end: '2026-08-07' });
    expect(periodOf('雙11當天營收達到300萬')).toEqual({ start: '2026-11-11', end: '2026-11-11' });
    expect(periodOf('雙12期間營收達到300萬')).toEqual({ start: '2026-12-12', end: '2026-12-12' });
    expect(periodOf('週年慶期間銷售額衝上500萬')).toEqual({ start: '2026-10-01', end: '2026-11-30' });
    expect(periodOf('Sell 10,000 units before Chinese New Year')).toEqual({
      start: '2026-01-15',
      end: '2026-02-16',
    });
  });

  it('takes next year’s holiday once this year’s has passed', () => {
    expect(periodOf('春節前兩週營收成長10%', '2026-03-01')).toEqual({
      start: '2027-01-23',
      end: '2027-02-05',
    });
  });

  it('reads the company’s fiscal year', () => {
    expect(periodOf('今年營收成長30%', '2026-05-10', 4)).toEqual({ start: '2026-04-01', end: '2027-03-31' });
    expect(periodOf('本季營收成長5%', '2026-05-10', 4)).toEqual({ start: '2026-04-01', end: '2026-06-30' });
  });

  it('does not take past references or rates for the period', () => {
    expect(periodOf('營業額要比去年成長30%')).toBeNull();
    expect(periodOf('每天賣出更多咖啡')).toBeNull();
    expect(periodOf('提升銷售額')).toBeNull();
  });
});

describe('more calendar expressions', () => {
  it.each([
    ['3月到6月門市營收提升10%', '2026-03-01', '2026-06-30'],
    ['Increase sales from March to June by 10%', '2026-03-01', '2026-06-30'],
    ['within the next year, grow revenue by 15%', '2026-01-15', '2027-01-14'],
    ['除夕前年菜訂單達到500份', '2026-01-15', '2026-02-15'],
    ['新春期間禮盒銷售額達到200萬', '2026-02-17', '2026-02-21'],
    ['618大促期間營收成長50%', '2026-06-01', '2026-06-18'],
    ['上半年營收達到500萬', '2026-01-01', '2026-06-30'],
    ['本週五前完成20張訂單', '2026-01-15', '2026-01-16'],
    ['這個季度的轉換率要拉高到2%', '2026-01-01', '2026-03-31'],
    ['Achieve 15% market share in Taiwan by 2027', '2026-01-15', '2027-12-31'],
    ['Increase B2B revenue by 40% in fiscal 2027', '2027-01-01', '2027-12-31'],
    ['Hit 200 orders per week by end of Q3', '2026-01-15', '2026-09-30'],
    ['年前把尾牙訂單衝到200筆', '2026-01-15', '2026-02-16'],
  ])('%s', (text, start, end) => {
    expect(periodOf(text)).toEqual({ start, end });
  });
});

describe('dates written with slashes and month ends', () => {
  it.each([
    ['6/30前營收達到100萬', '2026-01-15', '2026-06-30'],
    ['Reach 500 orders by 6/30', '2026-01-15', '2026-06-30'],
    ['Hit NT$1M in sales by the end of next month', '2026-01-15', '2026-02-28'],
    ['下個月底前營收達到100萬', '2026-01-15', '2026-02-28'],
    ['Grow revenue 10% in the coming year', '2026-01-15', '2027-01-14'],
    ['Increase leads by 50% by EOY', '2026-01-15', '2026-12-31'],
  ])('%s', (text, start, end) => {
    expect(periodOf(text)).toEqual({ start, end });
  });

  it('reads a quarter already over as next year’s', () => {
    expect(periodOf('第一季營收成長10%', '2026-11-20')).toEqual({ start: '2027-01-01', end: '2027-03-31' });
    expect(periodOf('2026年第一季營收成長10%', '2026-11-20')).toEqual({
      start: '2026-01-01',
      end: '2026-03-31',
    });
  });
});

describe('year ends', () => {
  it('reads 2026年底前', () => {
    expect(periodOf('2026年底前,VIP會員回購率提升至55%')).toEqual({ start: '2026-01-15', end: '2026-12-31' });
  });
});

describe('more of the Taiwanese calendar', () => {
  it.each([
    ['鬼月期間營收維持在每月80萬', '2026-08-13', '2026-09-10'],
    ['尾牙前團購訂單達到100筆', '2026-01-15', '2026-02-01'],
    ['跨年夜前禮盒銷量達到500盒', '2026-01-15', '2026-12-30'],
    ['兒童節前玩具銷售額成長30%', '2026-01-15', '2026-04-03'],
    ['光棍節當天營收達到100萬', '2026-11-11', '2026-11-11'],
    ['中元節前供品禮盒銷量達到800盒', '2026-01-15', '2026-08-26'],
  ])('%s', (text, start, end) => {
    expect(periodOf(text)).toEqual({ start, end });
  });
});
