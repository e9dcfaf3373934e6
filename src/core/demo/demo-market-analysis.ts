/** A market analysis as plain data (the shape of the market-analysis contract's input; amounts in currency units). */
export interface DemoMarketAnalysis {
  readonly positioning: string;
  readonly marketSizes: readonly {
    readonly kind: 'TAM' | 'SAM' | 'SOM';
    readonly year: number;
    readonly amount: number;
    readonly currency: 'TWD';
    readonly source: string;
  }[];
  readonly competitors: readonly {
    readonly name: string;
    readonly priceLevel: 'low' | 'mid' | 'high' | null;
    readonly strengths: string;
    readonly weaknesses: string;
    readonly notes: string;
  }[];
  readonly swot: readonly {
    readonly kind: 'strength' | 'weakness' | 'opportunity' | 'threat';
    readonly text: string;
  }[];
  readonly objectives: readonly { readonly title: string; readonly description: string }[];
}

const SAMPLE_NOTE = '示範資料:虛構的範例數字,僅供體驗 Pacer 使用,非實際市場統計';

/** The demo coffee shop's market analysis; every figure is a labelled, fictional sample. */
export function buildDemoMarketAnalysis(year: number): DemoMarketAnalysis {
  return {
    positioning:
      '為通勤上班族與社區居民提供平價精品咖啡:比連鎖品牌更講究的自家烘焙豆與季節限定飲品,比獨立精品店更快、更親切,並以會員制度經營熟客。',
    marketSizes: [
      {
        kind: 'TAM',
        year,
        amount: 80_000_000_000,
        currency: 'TWD',
        source: `${SAMPLE_NOTE}。全台咖啡飲品與咖啡豆零售市場年產值的估計。`,
      },
      {
        kind: 'SAM',
        year,
        amount: 6_500_000_000,
        currency: 'TWD',
        source: `${SAMPLE_NOTE}。雙北地區門市咖啡與外送咖啡市場的估計。`,
      },
      {
        kind: 'SOM',
        year,
        amount: 25_000_000,
        currency: 'TWD',
        source: `${SAMPLE_NOTE}。本店商圈(步行 10 分鐘與外送 3 公里內)可爭取的年營收。`,
      },
    ],
    competitors: [
      {
        name: '連鎖精品咖啡品牌(如星巴克)',
        priceLevel: 'high',
        strengths: '品牌知名度高、門市多、會員 App 與行動支付完整',
        weaknesses: '價格較高、尖峰時段排隊久、飲品較少在地特色',
        notes: '示範資料:商圈內有 1 家門市',
      },
      {
        name: '平價連鎖咖啡(如路易莎咖啡)',
        priceLevel: 'mid',
        strengths: '價格親民、展店快、餐點選擇多',
        weaknesses: '座位與氛圍較一般、品質穩定度因店而異',
        notes: '示範資料:商圈內有 2 家門市',
      },
      {
        name: '便利商店咖啡(如 7-ELEVEN CITY CAFE)',
        priceLevel: 'low',
        strengths: '據點密集、24 小時、價格最低、第二杯優惠頻繁',
        weaknesses: '沒有座位與體驗、選擇有限',
        notes: '示範資料:早晨外帶市場的主要對手',
      },
    ],
    swot: [
      { kind: 'strength', text: '自家烘焙咖啡豆,手沖與單品咖啡品質穩定' },
      { kind: 'strength', text: '會員熟客多,金卡與銀卡會員回購頻繁' },
      { kind: 'weakness', text: '只有一家門市,尖峰時段座位與人力不足' },
      { kind: 'weakness', text: '店員流動率偏高,新人訓練成本高' },
      { kind: 'opportunity', text: '外送平台與線上商店持續成長,咖啡豆與濾掛可全台出貨' },
      { kind: 'opportunity', text: '企業節慶禮盒(春節、中秋)訂購需求逐年增加' },
      { kind: 'threat', text: '連鎖品牌與便利商店咖啡的價格競爭' },
      { kind: 'threat', text: '咖啡生豆與鮮奶成本上漲,颱風與天候影響來客數' },
    ],
    objectives: [
      {
        title: '提升平均每日銷售額',
        description: '以季節限定飲品與會員忠誠度計劃,提升來客數與客單價。',
      },
      {
        title: '擴大線上與外送通路',
        description: '讓線上商店與外送平台的營收占比逐年提高,降低對門市來客的依賴。',
      },
      {
        title: '經營企業禮盒客群',
        description: '建立企業訂購名單,在春節與中秋前主動提案,穩定節慶營收。',
      },
    ],
  };
}
