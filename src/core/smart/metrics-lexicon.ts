/**
 * The metrics lexicon: the words for each KPI in zh-TW (zh-CN is normalised to it) and English,
 * and the reader that finds them in a statement (longest match at each position).
 */
import type { MetricKey } from './types.ts';

/** How a metric's values are measured: money, a percentage, a count or a ratio (3倍). */
export type MetricUnit = 'money' | 'percent' | 'count' | 'ratio' | 'score';

export const METRIC_UNITS: Record<MetricKey, MetricUnit> = {
  revenue: 'money',
  units: 'count',
  orders: 'count',
  aov: 'money',
  conversion_rate: 'percent',
  cac: 'money',
  roas: 'ratio',
  leads: 'count',
  new_customers: 'count',
  customers: 'count',
  retention_rate: 'percent',
  churn_rate: 'percent',
  repeat_purchase_rate: 'percent',
  clv: 'money',
  csat: 'score',
  nps: 'score',
  market_share: 'percent',
  revenue_per_rep: 'money',
};

interface MetricTerm {
  re: RegExp;
  metric: MetricKey;
  /** 2: names the metric; 1: only hints at it (「賣出」 → units, 「銷售」 → revenue). */
  strength: 1 | 2;
}

const en = (words: string): string => `(?<![A-Za-z])(?:${words})(?![A-Za-z])`;

const term = (source: string, metric: MetricKey, strength: 1 | 2 = 2): MetricTerm => ({
  re: new RegExp(source, 'iy'),
  metric,
  strength,
});

const REP = '(?:業務(?:員|代表|人員)?|銷售(?:人員|員|代表|同仁)|業代|店員|sales ?reps?)';

export const METRIC_TERMS: readonly MetricTerm[] = [
  term(
    // 「每個月營收」 is monthly revenue, not a salesperson's: 每個 before a unit of time names no one.
    `(?:每(?:一)?(?:位|個|名)(?![日週月季年天])|平均每(?:位|名|個)|人均)\\s*${REP}?\\s*(?:的|平均|每[日週月季年]|[日週月季年]均|[日週月季年])*\\s*(?:銷售額|業績|營收|銷售金額)`,
    'revenue_per_rep',
  ),
  term(`${REP}\\s*(?:的)?\\s*(?:人均|平均)\\s*(?:銷售額|業績|營收)`, 'revenue_per_rep'),
  term(
    en(
      '(?:revenue|sales) (?:per|for each|for every|from each|from every) (?:sales ?)?(?:rep|representative|salesperson|head)|revenue per rep',
    ),
    'revenue_per_rep',
  ),
  term('客單價|平均客單|平均訂單(?:價值|金額)|平均消費(?:金)?額|平均交易金額', 'aov'),
  term(
    en(
      'average order value|aov|average basket(?: size)?|basket size|average ticket(?: size)?|average transaction value',
    ),
    'aov',
  ),
  term('轉換率|轉化率|成交率|購買轉換率|成單率|付費率|購買率', 'conversion_rate'),
  term(en('conversion rates?|conversion|cvr|close rate|win rate'), 'conversion_rate'),
  term('(?:客戶|顧客|會員|用戶)?(?:獲取|獲得|取得)成本|獲客成本|每位?客戶成本', 'cac'),
  term(
    en('customer acquisition costs?|cac|cost per acquisition|cpa|acquisition cost|cost per customer'),
    'cac',
  ),
  term('廣告(?:投資)?(?:報酬|回報|投報)率|投資(?:報酬|回報)率|投報率|廣告效益', 'roas'),
  term(en('roas|roi|return on ad spend|return on investment|return on advertising spend'), 'roas'),
  term('新(?:客戶|顧客|會員|用戶|買家|客人|客)(?:數|人數|數量)?|首購(?:客|客戶|顧客)', 'new_customers'),
  term(
    '(?:新增|招募|吸引|獲得|開發|爭取|拉進|招攬|增加|簽下|簽約|拿下)[^,;。□]{0,10}?(?:位|名|個|家|間)(?:(?!潛)[\\u4e00-\\u9fffA-Za-z0-9]){0,4}?(?:會員|客戶|顧客|用戶|客人|買家|訂閱者|店家|商家|經銷商|代理商|加盟主)',
    'new_customers',
  ),
  // 「拉新5萬人」, 「新增經銷商30家」, 「新開發企業客戶50家」: the verb of winning new accounts before the noun.
  term(
    '拉新|(?:新增|新開發|招募|簽下|簽約|拓展|爭取)(?:[A-Za-z\\u4e00-\\u9fff]{0,4}?)(?:經銷商|代理商|加盟主|店家|商家|買家|(?<!潛在)客戶)',
    'new_customers',
  ),
  term(
    en('new (?:[A-Za-z0-9-]+ )?(?:customers?|clients?|members?|users?|accounts?|buyers?|subscribers?)'),
    'new_customers',
  ),
  term(
    '(?:新增|新)(?:付費|註冊|注冊|活躍|VIP)?(?:用戶|會員|客戶|顧客|粉絲|訂閱者?)(?:數|人數)?|註冊(?:用戶|會員)?(?:數|人數)|註冊用戶|註冊會員',
    'new_customers',
  ),
  term(en('sign-?ups|registrations|new registrations'), 'new_customers'),
  // 「會員新增100人」: the noun before the verb of winning them.
  term(
    '(?:會員|客戶|顧客|用戶|粉絲)(?:數|人數)?[\\s□]*新增(?=\\s*[\\d一二兩三四五六七八九十百千])',
    'new_customers',
  ),
  term('潛在客戶(?:名單)?|潛客|銷售線索|線索|名單|詢價單?|詢問數?|商機|洽詢', 'leads'),
  term(en('leads?|sales leads|qualified leads|inquiries|enquiries|prospects|mqls?|sqls?'), 'leads'),
  term('(?:客戶|顧客|用戶)?(?:留存率|留存)|留客率|續約率|續訂率|續費率|保留率', 'retention_rate'),
  term(en('(?:customer )?retention(?: rate)?|renewal rate'), 'retention_rate'),
  term('(?:客戶|顧客|用戶)?流失率|退訂率|解約率', 'churn_rate'),
  term(en('(?:customer )?churn(?: rate)?|attrition(?: rate)?'), 'churn_rate'),
  term('回購率|復購率|複購率|重複購買率|回頭率|再購率|回流率|回購', 'repeat_purchase_rate'),
  term(
    en('repeat[- ]purchase(?: rate)?s?|repurchase rate|repeat (?:customer |order )?rate'),
    'repeat_purchase_rate',
  ),
  term('(?:客戶|顧客)?終身價值|(?:客戶)?生命週期價值', 'clv'),
  term(en('(?:customer )?lifetime value|clv|cltv|ltv'), 'clv'),
  term('淨推薦值|淨推薦分數|推薦分數', 'nps'),
  term(en('nps|net promoter score'), 'nps'),
  term('(?:客戶|顧客|消費者|用戶)?滿意(?:度|率)|好評率|五星評價|評分', 'csat'),
  term(en('(?:customer )?satisfaction(?: score| rate)?|csat'), 'csat'),
  term('市場占有率|市占率|市場份額|市場占比|市占|占有率', 'market_share'),
  term(en('market share'), 'market_share'),
  term(
    '(?:付費|訂閱|活躍|有效|年費|月費)(?:會員|用戶|訂戶)(?:數|人數|數量)?|訂閱(?:戶|者)(?:數|人數)?|(?:客戶|顧客|會員|用戶|來客|付費用戶|活躍用戶|訂閱戶)(?:數|人數|數量|量)|來客數|客流量|報名(?:人數|數)|學員(?:數|人數)|(?:來店|進店|到店|來客)(?:客數|人數|人次|數)|客數',
    'customers',
  ),
  term(
    en(
      '(?:number of |active |paying )?(?:[a-z]+ )?(?:customers|accounts|clients)|customer count|(?:number of )?(?:members|subscribers|users)',
    ),
    'customers',
    1,
  ),
  term('(?:預購|網購|團購|線上|網路)?訂單(?:數|量|數量)?|成交(?:筆數|數|量)|下單(?:數|量)?', 'orders'),
  // 「外賣單」, 「外送單數」: the orders of a channel written without 訂.
  term('(?:外賣|外送|外帶|自取|預購|網購|團購)單(?:數|量)?', 'orders'),
  term('(?:預購|訂購)(?:量|數量|數|單數)?', 'orders'),
  term(en('orders?|transactions|deals closed|purchases|bookings|reservations'), 'orders'),
  term('銷量|銷售量|銷售數量|出貨量|銷售件數|賣出量|件數|杯數|台數|銷售杯數|出貨數', 'units'),
  term(en('units?(?: sold)?|unit sales|sales volume|volume|cups sold|items sold'), 'units'),
  term(en('foot traffic|store traffic|walk-ins|store visits'), 'customers'),
  term('賣出|賣掉|售出|多賣|賣更多', 'units', 1),
  // 「可頌要賣到1200個」, 「一天賣30套」, 「再賣200杯」: to sell, right before the number.
  term('賣(?:到|個|了)?(?=\\s*[\\d一二兩三四五六七八九十百千□])', 'units', 1),
  term(en('sell|sold'), 'units', 1),
  term(
    '銷售額|銷售金額|進貨金額|出貨金額|銷貨金額|生意額|營業金額|訂單金額|訂單總額|採購金額|營業額|營收|業績|銷售收入|營業收入|總收入|收入|銷售業績|成交金額|成交額|GMV|營業總額|銷貨收入|銷售總額|銷售成績',
    'revenue',
  ),
  term(en('(?:monthly |annual )?recurring revenue|mrr|arr|revenues?|turnover|gmv|income|takings'), 'revenue'),
  // 「每個sales每月做30萬」: a salesperson, not sales.
  term(
    `(?<!每一?(?:個|位|名)\\s*)${en('sales(?! (?:reps?|team|staff|people|force|person|representatives?|funnel|cycle))')}`,
    'revenue',
  ),
  term('銷售|生意|賺', 'revenue', 1),
  // 「今個月要做到70萬」, 「上個月做咗60萬」: doing business for an amount of money (HK).
  term(
    '做(?:到|咗|了|多)?(?=\\s*(?:HK\\$|NT\\$|\\$)?\\s*[\\d一二兩三四五六七八九十百千.,]+\\s*萬(?!人|個|件|杯|張|單|位|名|筆|份|次|家|間))',
    'revenue',
    1,
  ),
  // 「會員達5000人」, 「客戶衝到350家」: members counted to a level, without 數.
  term(
    '(?:會員|客戶|顧客|用戶)(?=\\s*(?:要|要有|目標)?\\s*(?:達到?|衝到|突破|破|到|超過)\\s*[\\d一二兩三四五六七八九十百千])',
    'customers',
    1,
  ),
];

export interface MetricMention {
  metric: MetricKey;
  index: number;
  length: number;
  strength: 1 | 2;
  text: string;
}

/** Every metric named in the text, left to right, longest match first at each position. */
export function findMetricMentions(text: string): MetricMention[] {
  const mentions: MetricMention[] = [];
  let i = 0;
  while (i < text.length) {
    let best: MetricMention | null = null;
    for (const t of METRIC_TERMS) {
      t.re.lastIndex = i;
      const m = t.re.exec(text);
      if (m && m[0].length > 0 && (!best || m[0].length > best.length)) {
        best = { metric: t.metric, index: i, length: m[0].length, strength: t.strength, text: m[0] };
      }
    }
    if (best) {
      mentions.push(best);
      i += best.length;
    } else i++;
  }
  return mentions;
}

/** Metrics that are a rate or a per-head amount of some group: 「新客轉換率」 is a conversion rate. */
const RATE_OF_GROUP: ReadonlySet<MetricKey> = new Set<MetricKey>([
  'aov',
  'conversion_rate',
  'cac',
  'roas',
  'retention_rate',
  'churn_rate',
  'repeat_purchase_rate',
  'clv',
  'csat',
  'nps',
]);

/**
 * A metric word that only says whose rate the next one is (「新會員首購轉換率」, 「新客客單價」,
 * 「訂單轉換率」): a rate of a group written right after it (at most two characters between).
 */
function qualifiesNext(m: MetricMention, next: MetricMention | undefined): boolean {
  return (
    next !== undefined &&
    next.strength === 2 &&
    !RATE_OF_GROUP.has(m.metric) &&
    RATE_OF_GROUP.has(next.metric) &&
    next.index - (m.index + m.length) <= 2
  );
}

/** The main metric: the first that is named outright, else the first hinted at. */
export function pickMainMetric(mentions: readonly MetricMention[]): MetricKey | null {
  const strong = mentions.find((m, i) => m.strength === 2 && !qualifiesNext(m, mentions[i + 1]));
  return (strong ?? mentions[0])?.metric ?? null;
}
