import { describe, expect, it } from 'vitest';
import { parseGoalStatement } from '../../../src/core/smart/index.ts';

const read = (text: string) => parseGoalStatement(text, { today: '2026-01-15' });

describe('scope and strategies', () => {
  it('reads products written in several ways', () => {
    expect(read('將產品A的銷售額提升15%').scope.products).toEqual(['產品A']);
    expect(read('將我們公司旗下的A款產品銷售額提升至100萬元').scope.products).toEqual(['A款產品']);
    expect(read('明年第一季將拿鐵的銷量提升三成').scope.products).toEqual(['拿鐵']);
    expect(read('在Q4讓「黑糖珍珠鮮奶」銷量翻倍').scope.products).toEqual(['黑糖珍珠鮮奶']);
    expect(read('讓保養品系列營收成長15%').scope.products).toEqual(['保養品系列']);
    expect(read('Increase revenue of Product B by 25%').scope.products).toEqual(['Product B']);
    expect(read('Boost latte sales by 15%').scope.products).toEqual(['latte']);
    expect(read('每天賣出更多咖啡').scope.products).toEqual(['咖啡']);
  });

  it('reads channels after 透過 and from the lexicon', () => {
    expect(read('透過Facebook和Instagram廣告,讓銷量成長兩成').scope.channels).toEqual([
      'Facebook',
      'Instagram廣告',
    ]);
    expect(read('2026年3月門市銷售額達到50萬').scope.channels).toEqual(['門市']);
    expect(read('接下來兩季透過蝦皮和momo將電商營收提升到1.2億').scope.channels).toEqual([
      '蝦皮',
      'momo',
      '電商',
    ]);
    expect(read('Reach NT$2,000,000 in online store sales').scope.channels).toEqual(['online store']);
  });

  it('reads segments and regions', () => {
    const goal = read('在2024年第一季度,將A款產品銷售額提升至100萬元,主要目標客戶為25-45歲的都市白領。');
    expect(goal.scope.segments).toEqual(['25-45歲的都市白領']);
    expect(read('針對企業客戶,將訂單金額提升至800萬元').scope.segments).toEqual(['企業客戶']);
    expect(read('Grow monthly orders from corporate clients to 300').scope.segments).toEqual([
      'corporate clients',
    ]);
    expect(read('在台北地區,透過百貨專櫃讓營收成長15%').scope.regions).toEqual(['台北地區']);
    expect(read('讓高雄地區的經銷商營業額成長二成').scope.regions).toEqual(['高雄地區']);
    expect(read('今年第四季度在上海地区的门店销量增长两成').scope.regions).toEqual(['上海地区']);
  });

  it('reads strategies', () => {
    expect(
      read('在接下來的3個月內,通過推出季節限定飲品和提升顧客忠誠度計劃,將平均每日銷售額提升15%').strategies,
    ).toEqual(['推出季節限定飲品', '提升顧客忠誠度計劃']);
    expect(read('在未來12週內,每週舉辦一場線上研討會,帶來至少60筆潛在客戶名單').strategies).toEqual([
      '每週舉辦一場線上研討會',
    ]);
  });

  it('reads simplified Chinese', () => {
    const goal = read('我们计划在未来三个月内通过抖音直播把护肤品销售额提升30%');
    expect(goal.metric).toBe('revenue');
    expect(goal.scope.products).toEqual(['护肤品']);
    expect(goal.scope.channels).toEqual(['抖音直播']);
  });
});

describe('scope in more phrasings', () => {
  it('reads a product before a channel and a metric', () => {
    const goal = read('今年底前將B款保溫瓶的經銷商通路營收提升25%');
    expect(goal.scope.products).toEqual(['B款保溫瓶']);
    expect(goal.scope.channels).toEqual(['經銷商', '通路']);
  });

  it('reads 以 … 帶動 as a means', () => {
    const goal = read('以會員集點活動帶動本季來店客數成長15%');
    expect(goal.metric).toBe('customers');
    expect(goal.strategies).toEqual(['會員集點活動']);
  });

  it('reads an English action as a strategy', () => {
    const goal = read('Launch a referral program to acquire 200 new B2B clients in the next quarter');
    expect(goal.metric).toBe('new_customers');
    expect(goal.strategies).toEqual(['Launch a referral program']);
    expect(goal.scope.segments).toEqual(['B2B clients']);
  });

  it('takes the metric from the target when the statement only hints at it', () => {
    const goal = read('在未來兩個月,藉由KOL業配,讓新品「玫瑰花茶」銷售突破3000盒');
    expect(goal.metric).toBe('units');
    expect(goal.scope.products).toEqual(['玫瑰花茶']);
  });
});

describe('simplified Chinese and English products', () => {
  it('reads a product before 的月銷售額 and the monthly rate', () => {
    const goal = read('在接下来的6个月里,通过抖音和快手直播带货,把零食礼包的月销售额提升到50万元');
    expect(goal.scope.products).toEqual(['零食礼包']);
    expect(goal.period).toEqual({ start: '2026-01-15', end: '2026-07-14' });
    expect(goal.targets[0]).toMatchObject({
      metric: 'revenue',
      kind: 'absolute',
      value: 500_000,
      per: 'month',
    });
  });

  it('reads what is sold', () => {
    expect(read('Sell 2,000 mooncake gift boxes before Mid-Autumn Festival').scope.products).toEqual([
      'mooncake gift boxes',
    ]);
  });

  it('reads 新增付費用戶 as new customers', () => {
    expect(read('本季度新增付费用户1万人').targets[0]).toMatchObject({
      metric: 'new_customers',
      value: 10_000,
    });
  });
});

describe('more scope phrasings', () => {
  it('keeps 至少 out of products and reads guests as a segment', () => {
    expect(read('在未來8週內,每兩週舉辦一場品酒會,帶來至少40位新客戶').scope.products).toEqual([]);
    const goal = read('Grow weekly bookings from hotel guests to 150 by the end of September');
    expect(goal.metric).toBe('orders');
    expect(goal.scope.segments).toEqual(['hotel guests']);
  });
});

describe('segments that are the metric itself', () => {
  it('does not read the head noun of the metric as a segment', () => {
    expect(read('Get 500 new members in Q2').scope.segments).toEqual([]);
    expect(read('會員數成長20%').scope.segments).toEqual([]);
    expect(read('半年內讓會員留存率提高3個百分點').scope.segments).toEqual(['會員']);
  });
});

describe('names with numbers and retail chains', () => {
  it('keeps numbers inside names out of the targets', () => {
    const goal = read('第三季讓冷萃咖啡在7-11的銷量成長三成');
    expect(goal.scope.products).toEqual(['冷萃咖啡']);
    expect(goal.scope.channels).toEqual(['7-11']);
    expect(goal.targets).toHaveLength(1);
    const phone = read('年底前將iPhone 15保護殼的月銷量提升到5000個');
    expect(phone.scope.products).toEqual(['iPhone 15保護殼']);
    expect(phone.targets).toEqual([
      { metric: 'units', kind: 'absolute', value: 5000, per: 'month', text: '5000個' },
    ]);
  });

  it('reads retail chains as channels', () => {
    expect(read('明年透過全聯和家樂福通路,讓洗衣精銷售額提升至3000萬').scope.channels).toEqual([
      '全聯',
      '家樂福通路',
    ]);
  });
});
