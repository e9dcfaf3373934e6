import type { DemoAvailability, DemoChannelKind, DemoProduct, DemoTemperature } from './types.ts';

const ALWAYS: DemoAvailability = { kind: 'always' };
const DRINK: readonly DemoChannelKind[] = ['store', 'delivery'];
const FOOD: readonly DemoChannelKind[] = ['store', 'delivery'];
const PACKAGED: readonly DemoChannelKind[] = ['store', 'online', 'delivery'];
const GIFT: readonly DemoChannelKind[] = ['store', 'online'];

const range = (from: string, to: string): DemoAvailability => ({ kind: 'date-range', from, to });

function product(
  sku: string,
  name: string,
  category: string,
  priceNtd: number,
  temperature: DemoTemperature,
  popularity: number,
  channels: readonly DemoChannelKind[],
  availability: DemoAvailability = ALWAYS,
): DemoProduct {
  return {
    name,
    category,
    sku,
    listPriceMinor: priceNtd * 100,
    temperature,
    availability,
    channels,
    popularity,
  };
}

/** The coffee shop's menu: 36 products in five categories, NT$ list prices. */
export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  product('CF-001', '美式咖啡', '咖啡', 80, 'hot', 10, DRINK),
  product('CF-002', '冰美式咖啡', '咖啡', 80, 'iced', 10, DRINK),
  product('CF-003', '拿鐵', '咖啡', 120, 'hot', 12, DRINK),
  product('CF-004', '冰拿鐵', '咖啡', 120, 'iced', 11, DRINK),
  product('CF-005', '卡布奇諾', '咖啡', 120, 'hot', 5, DRINK),
  product('CF-006', '焦糖瑪奇朵', '咖啡', 140, 'hot', 4, DRINK),
  product('CF-007', '冰焦糖瑪奇朵', '咖啡', 140, 'iced', 4, DRINK),
  product('CF-008', '摩卡', '咖啡', 140, 'hot', 3, DRINK),
  product('CF-009', '燕麥拿鐵', '咖啡', 140, 'hot', 4, DRINK),
  product('CF-010', '冷萃咖啡', '咖啡', 130, 'iced', 5, DRINK),
  product('CF-011', '手沖單品咖啡', '咖啡', 180, 'hot', 3, ['store']),
  product('CF-012', '招牌綜合咖啡豆(半磅)', '咖啡', 450, 'none', 1.2, PACKAGED),
  product('CF-013', '耶加雪菲咖啡豆(半磅)', '咖啡', 520, 'none', 0.8, PACKAGED),
  product('CF-014', '精品濾掛咖啡(10入)', '咖啡', 350, 'none', 1.5, PACKAGED),
  product('TE-001', '伯爵紅茶', '茶飲', 90, 'hot', 3, DRINK),
  product('TE-002', '冰檸檬紅茶', '茶飲', 90, 'iced', 4, DRINK),
  product('TE-003', '抹茶拿鐵', '茶飲', 130, 'hot', 3, DRINK),
  product('TE-004', '冰抹茶拿鐵', '茶飲', 130, 'iced', 3, DRINK),
  product('TE-005', '蜜香紅茶拿鐵', '茶飲', 120, 'hot', 3, DRINK),
  product('TE-006', '冰桂花烏龍', '茶飲', 100, 'iced', 3, DRINK),
  product('BK-001', '奶油可頌', '烘焙點心', 65, 'none', 6, FOOD),
  product('BK-002', '巧克力布朗尼', '烘焙點心', 75, 'none', 3, FOOD),
  product('BK-003', '藍莓馬芬', '烘焙點心', 70, 'none', 3, FOOD),
  product('BK-004', '重乳酪蛋糕', '烘焙點心', 110, 'none', 3, FOOD),
  product('BK-005', '火腿起司三明治', '烘焙點心', 95, 'none', 4, FOOD),
  product('BK-006', '手工餅乾禮袋', '烘焙點心', 180, 'none', 1, PACKAGED),
  product('GB-001', '精品濾掛禮盒', '禮盒', 680, 'none', 3, GIFT),
  product('GB-002', '咖啡豆雙享禮盒', '禮盒', 1280, 'none', 2, GIFT),
  product('GB-003', '新春福氣咖啡禮盒', '禮盒', 980, 'none', 6, GIFT, {
    kind: 'festival',
    festival: 'lunar-new-year',
    daysBefore: 35,
    daysAfter: 7,
  }),
  product('GB-004', '中秋月光咖啡禮盒', '禮盒', 880, 'none', 6, GIFT, {
    kind: 'festival',
    festival: 'mid-autumn',
    daysBefore: 35,
    daysAfter: 0,
  }),
  product('GB-005', '耶誕咖啡禮盒', '禮盒', 780, 'none', 4, GIFT, range('11-25', '12-25')),
  product('SS-001', '草莓拿鐵', '季節限定', 160, 'none', 4, DRINK, range('12-01', '03-31')),
  product('SS-002', '芒果冰沙', '季節限定', 150, 'iced', 5, DRINK, range('05-01', '08-31')),
  product('SS-003', '荔枝氣泡美式', '季節限定', 140, 'iced', 4, DRINK, range('06-01', '07-31')),
  product('SS-004', '桂花烏龍拿鐵', '季節限定', 150, 'hot', 3, DRINK, range('09-01', '11-30')),
  product('SS-005', '南瓜肉桂拿鐵', '季節限定', 160, 'hot', 3, DRINK, range('10-01', '11-30')),
  product('SS-006', '薑餅拿鐵', '季節限定', 160, 'hot', 4, DRINK, range('12-01', '12-31')),
];
