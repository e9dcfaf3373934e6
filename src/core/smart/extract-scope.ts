/**
 * Reads the scope of a goal, as written: products (產品A, A款產品, 有機茶禮盒, 「拿鐵」, Product B),
 * channels (透過線上廣告, 門市, online store), customer segments (主要目標客戶為…, 會員, corporate
 * clients) and regions (北部, 台北, 在高雄地區, Hong Kong).
 */
import { findMetricMentions, type MetricMention } from './metrics-lexicon.ts';
import { normalizeText } from './normalize-text.ts';
import { findQuantities } from './quantities.ts';
import {
  AGE_SEGMENT_RE,
  CHANNEL_LINE_RE,
  CHANNEL_RE,
  REGION_RE,
  SEGMENT_MARKER_RE,
  SEGMENT_RE,
} from './scope-lexicon.ts';
import {
  clauseOf,
  cutWords,
  dedupeWords,
  MASK,
  maskSpans,
  splitClauses,
  type TextSpan,
} from './text-spans.ts';
import type { Scope } from './types.ts';

export interface Located {
  text: string;
  span: TextSpan;
}

function findAll(re: RegExp, text: string, original: string): Located[] {
  const out: Located[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const lead = m[0].length - m[0].trimStart().length;
    const span = { index: m.index + lead, length: m[0].trim().length };
    const words = cutWords(original, span);
    if (words && !words.includes(MASK)) out.push({ text: words, span });
  }
  return out;
}

/** Words that end the phrase after a segment marker (「針對上班族推出…」 → 上班族). */
const SEGMENT_STOP_ZH =
  /推出|提升|提高|增加|增長|成長|舉辦|進行|銷售|販售|購買|消費|下單|的(?:銷售|營收|業績|訂單|回購|轉換|轉化|成交|客單|滿意|平均)|達到|將|把|來|並|做|打造|,|□/;
const SEGMENT_HEAD_EN =
  /(?:guests|visitors|patients|diners|travell?ers|clients|customers|accounts|buyers|members|users|students|professionals|businesses|smes|families|parents|women|men|seniors|tourists|owners|shoppers|consumers|companies|restaurants|retailers|leads|prospects|subscribers|followers|attendees)$/i;

export function findSegments(text: string, original: string): Located[] {
  const found: Located[] = [];
  const clauses = splitClauses(text);
  SEGMENT_MARKER_RE.lastIndex = 0;
  for (let m = SEGMENT_MARKER_RE.exec(text); m !== null; m = SEGMENT_MARKER_RE.exec(text)) {
    const from = m.index + m[0].length;
    const clause = clauseOf(clauses, m.index);
    const rest = text.slice(from, clause.index + clause.length);
    const english = /^[A-Za-z]/.test(m[0]);
    let length: number;
    if (english) {
      const stop =
        /\s+(?:by|in|on|to|with|through|via|within|over|during|before|at|and|for|from|using|vs|versus)\b|\s*□|[,.;:]|$/i.exec(
          rest,
        );
      length = stop ? stop.index : rest.length;
      const words = rest.slice(0, length).trim();
      if (!SEGMENT_HEAD_EN.test(words) && !new RegExp(`^(?:${SEGMENT_RE.source})$`, 'i').test(words))
        continue;
    } else {
      const stop = SEGMENT_STOP_ZH.exec(rest);
      length = stop ? stop.index : rest.length;
    }
    if (length <= 0 || length > 40) continue;
    const span = { index: from, length };
    const words = cutWords(original, span).replace(/^(?:the|our)\s+/i, '');
    if (words && !words.includes(MASK)) found.push({ text: words, span });
  }
  for (const age of findAll(AGE_SEGMENT_RE, text, original)) {
    const stop = SEGMENT_STOP_ZH.exec(age.text.replace(/^[^歲]*歲/, (m) => ' '.repeat(m.length)));
    const length = stop ? stop.index : age.text.length;
    const words = age.text.slice(0, length).replace(/的$/, '');
    if (words) found.push({ text: words, span: { index: age.span.index, length: words.length } });
  }
  found.push(...findAll(SEGMENT_RE, text, original));
  return found;
}

const REGION_PHRASE_RE =
  /(?<=在|於|到|進軍|拓展|開拓|布局)\s*[\u4e00-\u9fff]{2,6}?(?:地區|區域|一帶|商圈)|(?<![A-Za-z])in the [A-Z][a-z]+ (?:region|area|district)/g;

export function findRegions(text: string, original: string): Located[] {
  return [...findAll(REGION_PHRASE_RE, text, original), ...findAll(REGION_RE, text, original)];
}

/**
 * "at our Xinyi store", "at the airport kiosk": a store named by what stands before its head noun is
 * one channel, as written (a known region before it, "at the Causeway Bay shop", is read as a region).
 */
const AT_STORE_RE =
  /(?<=(?<![A-Za-z])at\s+(?:our|the|its)\s+)(?:[A-Za-z][A-Za-z'-]*\s+){1,3}(?:stores?|shops?|branch(?:es)?|outlets?|kiosks?|counters?|booths?|boutiques?)(?![A-Za-z])/gi;

export function findChannels(text: string, original: string): Located[] {
  const named = findAll(AT_STORE_RE, text, original).filter((l) => {
    const name = l.text.replace(/\s+\S+$/, '');
    REGION_RE.lastIndex = 0;
    return (
      !REGION_RE.test(name) &&
      !CHANNEL_RE.test(name) &&
      !/^(?:flagship|retail|physical|main|new|pop-up|online)$/i.test(name)
    );
  });
  return [...named, ...findAll(CHANNEL_RE, text, original), ...findAll(CHANNEL_LINE_RE, text, original)];
}

const PRODUCT_PATTERNS: readonly RegExp[] = [
  /(?:產品|商品|品項|方案|型號)\s?[A-Z0-9][A-Za-z0-9-]{0,5}(?![A-Za-z])/g,
  /(?<![A-Za-z0-9])[A-Z0-9]{1,4}\s?(?:款|型|號|級)(?:產品|商品|方案|車款|機種)?/g,
  /[\u4e00-\u9fffA-Za-z0-9]{1,8}(?:系列|禮盒|套組|組合|新品)(?![\u4e00-\u9fff]{0,1}(?:率|額))/g,
  // 「本月新品抹茶捲目標500條」: the new product named after 新品.
  /(?<=新品|新推出的|新上市的|新口味)[\u4e00-\u9fffA-Za-z0-9]{2,8}?(?=目標|要|的?(?:銷量|營收|業績|訂單)|賣|達|衝|□|,|$)/g,
  /「[^」]{1,30}」|『[^』]{1,30}』|《[^》]{1,30}》|"[^"]{1,40}"/g,
  /(?<![A-Za-z])(?:Product|Item|SKU|Model|Plan) [A-Z0-9][A-Za-z0-9-]{0,5}(?![A-Za-z])/g,
  /(?<![A-Za-z])(?:the |our )?[A-Z][A-Za-z0-9]*(?: [A-Z][A-Za-z0-9]*)* (?:series|line|collection|bundle|package|range)(?![A-Za-z])/g,
];

/** Fillers before a metric that are not a product (「平均每日銷售額」, 「公司整體營收」). */
const FILLER_ZH =
  /^(?:我們|我們的|我|本公司|公司|累計|累積|合計|總計|本店|店內|全店|門店|旗下|整體|總|全部|所有|平均|日均|月均|週均|年均|季均|每日|每天|每月|每週|每年|每季|年度|全年|單月|當月|每位|每個|個人|團隊|部門|整個|全體|至少|超過|約|大約|的|之|同時|並|要|想|能|可以|再|更|其|各|本|該|這些|這個|平日|假日|週末|週間|新品|新推出的?|新上市的?|有效|全站|全網|每(?:間|家|個)?(?:店|門市|分店)[日週月季年]?|每(?:場|檔|次)|(?:每個|每位)?(?:業務|業代|店員))+/;
const NOT_A_PRODUCT_ZH =
  /^(?:地區|區域|市場|線上|線下|網路|實體|新品|新產品|產品|商品|品項|日|月|年|週|季|天|季度|年度|(?:自然|網站|網路)?流量|來客|客戶|顧客|會員|用戶|業務|團隊|公司|店|品牌|市場|廣告|活動|行銷|整體|目標|營運|全體|會員日|累計|累積|合計|總計|報價|報價單|詢價|成交|簽約|拜訪|個|館|店|多|同|份|些|點|月|日)$/;
const BOUNDARY_ZH =
  /.*(?:將|把|讓|使|令|完成|成交|降低|減少|下降|縮減|壓低|起|新增|獲得|爭取|吸引|招募|開發|舉辦|推出|提升|提高|增加|增長|成長|推動|帶動|促進|擴大|達到|達成|衝高|拉高|拉抬|帶來|在|於|對|是|為|和|與|及|跟|要|想|希望|透過|通過|藉由|利用|比|從|到|至少|最少|超過|至|,|□|\s)/;
const STOP_EN = new Set(
  'we i us you they want wants need needs goal goals aim plan is are be will should must would to in on at of to by for from with through via the a an our my your their its this that increase grow boost raise reach achieve hit improve double triple drive generate get reduce cut lower decrease sell win add acquire gain attract bring make keep maintain monthly weekly daily quarterly annual yearly total overall average more higher and or new additional lift while keeping less than no not'.split(
    ' ',
  ),
);

/** Cuts verbs and fillers off the front of a Chinese phrase (「讓有機茶禮盒」 → 「有機茶禮盒」). */
function trimLeadingWords(l: Located, normalized: string): Located | null {
  if (!/^[\u4e00-\u9fff]/.test(l.text) || /^[「『《]/.test(l.text)) return l;
  const shift = l.text.length - l.text.trimStart().length;
  let text = normalized.slice(l.span.index + shift, l.span.index + l.span.length);
  const cut = BOUNDARY_ZH.exec(text);
  if (cut) text = text.slice(cut[0].length);
  const filler = FILLER_ZH.exec(text);
  if (filler) text = text.slice(filler[0].length);
  if (!text) return null;
  const drop = l.span.length - text.length;
  const span = { index: l.span.index + drop, length: text.length };
  return { text: l.text.slice(l.text.length - text.length), span };
}

function nounBefore(
  text: string,
  original: string,
  clause: TextSpan,
  mention: MetricMention,
): Located | null {
  const before = text.slice(clause.index, mention.index);
  if (/[A-Za-z]\s*$/.test(before) || /^[A-Za-z]/.test(mention.text)) {
    const words = before.trimEnd().split(/\s+/);
    const kept: string[] = [];
    for (let i = words.length - 1; i >= 0 && kept.length < 4; i--) {
      const w = words[i] ?? '';
      if (
        !w ||
        STOP_EN.has(w.toLowerCase()) ||
        w.includes(MASK) ||
        /[^A-Za-z0-9'-]/.test(w) ||
        !/[A-Za-z]/.test(w)
      )
        break;
      kept.unshift(w);
    }
    if (kept.length === 0) return null;
    const phrase = kept.join(' ');
    const index = mention.index - (before.length - before.trimEnd().length) - phrase.length;
    return {
      text: cutWords(original, { index, length: phrase.length }),
      span: { index, length: phrase.length },
    };
  }
  let phrase = before
    .replace(
      /(?:[的之\s□]|總|整體|全部|平均|每[日天週月季年]|[日週月季年]均|單月|當月|(?<=的)[日週月季年]|(?<=[\u4e00-\u9fff]{2})[日週月季年](?=$)|在□+|一個?[天日週月季](?:要|就)?|(?:一定)?(?:要|想要|需要|必須|得|就要|目標|再))+$/,
      '',
    )
    .replace(/(?<=[A-Za-z0-9]) (?=[A-Za-z0-9])/g, '_');
  const cut = BOUNDARY_ZH.exec(phrase);
  if (cut) phrase = phrase.slice(cut[0].length);
  const end = clause.index + phrase.length + (cut ? cut[0].length : 0);
  const filler = FILLER_ZH.exec(phrase);
  if (filler) phrase = phrase.slice(filler[0].length);
  if (!phrase || phrase.length > 12 || /^[\d.%]+$/.test(phrase) || NOT_A_PRODUCT_ZH.test(phrase)) return null;
  const index = end - phrase.length;
  return {
    text: cutWords(original, { index, length: phrase.length }),
    span: { index, length: phrase.length },
  };
}

/**
 * Words after "for" / "of" that name no product: a span of time ("for the year", "for the whole
 * quarter"), each one of a group ("for each rep", "for every store"), or a word that is not a noun.
 */
const NOT_A_THING_EN =
  /(?:^|\s)(?:years?|months?|quarters?|weeks?|days?|periods?|seasons?|time|now|us|me|them|it|everyone|everybody|team|company|business|whole|total|rest|average|example|instance|sure|good|of|to|and|or|with|the|a|an)$|^(?:each|every|per|both|either|neither|any|all of|more|less|a total|at least|up to|over|under|about|around|growth|to|last|previous|the same|same|no less|no more|not less|not more|more than|less than)\b/i;

function namesAThing(words: string): boolean {
  const w = words.trim();
  return /^[A-Za-z]/.test(w) && !NOT_A_THING_EN.test(w) && !/^(?:the|our|a|an|its|their)$/i.test(w);
}

/**
 * "… in Q4 for corporate gifts", "Revenue target for pineapple cakes: 3M", "For premium coffee beans,
 * grow revenue …", "1,000 units of the X1 massager": in an English goal, what "for" (or "of" after an
 * amount) names (once time words, quantities, segments,
 * regions and channels are masked) is the product the goal is about.
 */
const FOR_THING_RE =
  /(?:(?<![A-Za-z])for|(?<=□\s?)of)\s+((?:the |our |all )?[A-Za-z0-9][A-Za-z0-9'&-]*(?: [A-Za-z0-9][A-Za-z0-9'&-]*){0,4}?)(?=\s+(?:by|in|on|to|through|via|within|over|during|before|from|at|among|with|and|for|this|next|each|per|every|vs|versus|compared|is|are|should|must|will)\b|\s*□|\s*[,.;:!?)]|$)/gi;

function nounsAfterFor(text: string, original: string): Located[] {
  if (!findMetricMentions(text).length && !text.includes(MASK)) return [];
  const out: Located[] = [];
  FOR_THING_RE.lastIndex = 0;
  for (let m = FOR_THING_RE.exec(text); m !== null; m = FOR_THING_RE.exec(text)) {
    const g = m[1] ?? '';
    if (!namesAThing(g) || g.split(' ').some((w) => STOP_VERB_EN.test(w))) continue;
    const index = m.index + m[0].length - g.length;
    const words = cutWords(original, { index, length: g.length }).replace(/^(?:the|our|all)\s+/i, '');
    if (words) out.push({ text: words, span: { index, length: g.length } });
  }
  return out;
}

/** Verbs and other words that end a noun phrase: "for students to buy", "for those who …". */
const STOP_VERB_EN =
  /^(?:who|which|that|to|increase|grow|boost|raise|reach|achieve|hit|improve|double|sell|get|make|keep|drive|generate|launch|run|be|been|being|we|i|you|they|it)$/i;

function nounAfterOf(text: string, original: string, mention: MetricMention): Located | null {
  const after = text.slice(mention.index + mention.length);
  const m =
    /^\s+(?:of|for|from)\s+((?:the |our )?[A-Za-z0-9][A-Za-z0-9' -]{0,40}?)(?=\s+(?:by|in|on|to|through|via|within|over|during|before|from|at|among|with|and|for|this|next|each|per|every|vs|versus|compared)\b|\s*□|[,.;:]|$)/i.exec(
      after,
    );
  if (!m?.[1] || m[1].includes(MASK) || !namesAThing(m[1])) return null;
  const index = mention.index + mention.length + m[0].length - m[1].length;
  const words = cutWords(original, { index, length: m[1].length }).replace(/^(?:the|our)\s+/i, '');
  return words ? { text: words, span: { index, length: m[1].length } } : null;
}

const SELL_RE =
  /(?:賣出|售出|賣掉|多賣|賣更多|賣多|賣)(?:更多|多一點|出更多|的)?\s*([\u4e00-\u9fffA-Za-z0-9]{1,10})|(?<![A-Za-z])sell(?:ing)? (?:[\d,.□]+[km]?\s+)?(?:more )?(?:(?:units|bottles|cups|boxes|packs|pieces|bags|cans|jars|pairs|items|cases|sets) of |of )?(?:our |the )?(?!(?:on|in|at|for|to|via|through|from|by|among)\b)([a-z][a-z -]{1,30}?)(?=\s+(?:by|in|to|through|via|at|each|every|per|this|next|before|during|from|for|within)\b|\s*□|[,.;]|$)/gi;

/** Products in `masked`, the normalised text with time words, scope words and quantities masked. */
export function findProducts(original: string, masked: string): Located[] {
  const found: Located[] = [];
  for (const re of PRODUCT_PATTERNS) {
    for (const l of findAll(re, masked, original)) {
      const trimmed = trimLeadingWords(l, masked);
      if (!trimmed) continue;
      found.push({
        ...trimmed,
        text: trimmed.text.replace(/^[「『《"]|[」』》"]$/g, '').replace(/^(?:the|our)\s+/i, ''),
      });
    }
  }
  const clauses = splitClauses(masked);
  for (const mention of findMetricMentions(masked)) {
    if (mention.strength !== 2 && mention.metric !== 'units') continue;
    const clause = clauseOf(clauses, mention.index);
    let before = nounBefore(masked, original, clause, mention);
    // 「拿鐵跟美式一天要賣300杯」, 「吐司、可頌和貝果」: each noun of a list before the metric.
    for (let n = 0; before && n < 5; n++) {
      found.push(before);
      const conj = /(?:和|與|及|跟|、|以及|&)\s*$/.exec(masked.slice(clause.index, before.span.index));
      if (!conj || !/^[\u4e00-\u9fff]/.test(before.text)) break;
      const at = clause.index + conj.index;
      before = nounBefore(masked, original, clause, { ...mention, index: at, length: 0, text: conj[0] });
    }
    const after = nounAfterOf(masked, original, mention);
    if (after) found.push(after);
  }
  found.push(...nounsAfterFor(masked, original));
  SELL_RE.lastIndex = 0;
  for (let m = SELL_RE.exec(masked); m !== null; m = SELL_RE.exec(masked)) {
    const g = m[1] ?? m[2];
    if (!g || g.includes(MASK)) continue;
    let words = g.replace(/(?:的)?(?:數量|銷量|杯數|件數).*$/, '');
    const stop = /給|到|在|於|和|並|,|達|超過|以上/.exec(words);
    if (stop) words = words.slice(0, stop.index);
    if (!words) continue;
    const index = m.index + m[0].length - g.length;
    found.push({
      text: cutWords(original, { index, length: words.length }),
      span: { index, length: words.length },
    });
  }
  return found;
}

function texts(items: readonly Located[]): string[] {
  return dedupeWords(
    items
      .map((i) => i.text.replace(/^[「『《"]|[」』》"]$/g, '').trim())
      .filter((t) => t.length > 0 && t.length <= 40),
  );
}

/** A number followed by 年 is a year or a count of years (「99年」, 「民國115年度」, 「3年」), not a product. */
const YEARS_RE = /^(?:民國)?\s*[\d〇零一二兩三四五六七八九十百]+\s*(?:個)?\s*年度?$/;

/** Words before a noun that make it the group a metric is about: "rate of members", "sales to members". */
const OF_WHOM_EN = /(?<![A-Za-z])(?:of|for|from|to|among|by)\s+(?:(?:our|the|all|existing|active)\s+)?$/i;

export interface ScopeReading {
  scope: Scope;
  spans: TextSpan[];
}

/**
 * Reads the scope from the normalised text with the time words masked (`masked`), cutting the words
 * from the original statement. `meansChannels` are the channels named after 透過 / through.
 */
export function readScope(masked: string, original: string, meansChannels: readonly Located[]): ScopeReading {
  // 「會員數」, "new members": a bare head noun inside the metric's own words is not a segment; but
  // "the repeat purchase rate of members", "revenue from members" name whose metric it is.
  const mentionSpans = findMetricMentions(masked)
    .filter((m) => m.strength === 2 || !OF_WHOM_EN.test(masked.slice(0, m.index)))
    .map((m) => ({ index: m.index, length: m.length }));
  const insideMetric = (l: Located): boolean =>
    /^(?:members?|customers?|clients?|users?|subscribers?|會員|客戶|顧客|用戶)$/i.test(l.text) &&
    mentionSpans.some((t) => l.span.index >= t.index && l.span.index + l.span.length <= t.index + t.length);
  const segments = findSegments(masked, original).filter((l) => !insideMetric(l));
  const regions = findRegions(masked, original);
  const channels = [...meansChannels, ...findChannels(masked, original)];
  const taken = [...segments, ...regions, ...channels].map((l) => l.span);
  const metricSpans = findMetricMentions(masked).map((m) => ({ index: m.index, length: m.length }));
  const quantities = findQuantities(masked).map((q) => ({ index: q.index, length: q.length }));
  const productText = maskSpans(masked, [...taken, ...quantities]);
  const found = findProducts(original, productText).filter(
    (p) =>
      !taken.some((t) => p.span.index >= t.index && p.span.index + p.span.length <= t.index + t.length) &&
      !metricSpans.some((t) => p.span.index >= t.index && p.span.index + p.span.length <= t.index + t.length),
  );
  // "the conversion rate of trade-show leads": a group of people, not a product.
  const isPeople = (p: Located): boolean => /^[A-Za-z]/.test(p.text) && SEGMENT_HEAD_EN.test(p.text);
  const people = found.filter(isPeople);
  const products = found.filter(
    (p) =>
      !isPeople(p) &&
      !people.some(
        (g) => p.span.index >= g.span.index && p.span.index + p.span.length <= g.span.index + g.span.length,
      ),
  );
  segments.push(...people);
  return {
    scope: {
      products: texts(
        products.filter(
          (p) =>
            !NOT_A_PRODUCT_ZH.test(normalizeText(p.text)) &&
            !YEARS_RE.test(p.text) &&
            // 「前10大客戶」, "top 20": a rank, not a product.
            !/^(?:前|top\s*)\d+/i.test(p.text) &&
            // 「兩間舖」: a count of stores names no product.
            !/^[\d一二兩三四五六七八九十百]+\s*(?:間|家|個|位|名)$/.test(p.text) &&
            // 「今年度(115年)營收」: a bracket or a stop alone names nothing.
            /[A-Za-z0-9\u3400-\u9fff]/.test(p.text),
        ),
      ),
      channels: texts(channels),
      segments: texts(segments),
      regions: texts(regions),
    },
    spans: [...taken, ...products.map((p) => p.span)],
  };
}
