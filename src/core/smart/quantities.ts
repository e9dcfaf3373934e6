/**
 * Finds the quantities of a statement: money (NT$2,000,000, 100萬元), percentages (3.5%, 三成),
 * percentage points (5個百分點), multiples (3倍, 翻倍), counts (100單, 50位) and plain numbers.
 */
import { parseNumberToken, roundNumber } from './numerals.ts';

export type QuantityUnit = 'money' | 'percent' | 'points' | 'multiple' | 'count' | 'plain';

export interface Quantity {
  value: number;
  unit: QuantityUnit;
  /** The count noun (單, 位, orders, customers), when there is one. */
  noun: string | null;
  index: number;
  length: number;
  text: string;
}

const CURRENCY = '(?:NT\\$|NTD|TWD|HK\\$|HKD|US\\$|USD|RMB|CNY|\\$|新台幣|台幣|港幣|港元|人民幣|美金)';
const ZH_DIGIT = '零〇一二兩三四五六七八九十壹貳參肆伍陸柒捌玖拾';
const ZH_ALL = `${ZH_DIGIT}百千萬億佰仟`;
// 「1千2百」: Arabic digits between the units of a Chinese numeral; 「1千2」, 「3萬5」: one digit after the
// last unit is the next lower place (1,200; 35,000).
const NUMBER = `(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?:\\s?[${ZH_ALL}]|(?<=[千百十仟佰拾萬億])\\d{1,3}(?=[千百十仟佰拾])|(?<=[千仟萬億])\\d(?![\\d.,%]|\\s*[個年月日號天週周季歲時成倍折百千萬億~-]))*|[${ZH_DIGIT}][${ZH_ALL}]*`;
const COUNT_NOUNS_ZH =
  '單|筆|件|位|名|人|家|杯|台|組|盒|瓶|份|張|套|包|顆|個|隻|本|箱|間|戶|則|支|雙|客|束|朵|條|片|罐|袋|桶|輛|堂|桌';
const COUNT_NOUNS_EN =
  'orders?|units?|customers?|clients?|leads?|members?|users?|accounts?|deals?|sales|cups?|boxes|items?|pieces?|subscribers?|signups?|sign-ups?|visitors?|bookings?|reviews?|stores?|products?';

const QUANTITY_RE = new RegExp(
  [
    `(${CURRENCY})?\\s*(${NUMBER})\\s*`,
    '(?:(k|mil|mio|m|mn|bn|million|billion|thousand)(?![A-Za-z])\\s*)?',
    '(',
    '%|percent(?:age points?)?|pp(?![A-Za-z])|percentage points?|points?(?![A-Za-z])',
    '|個?百分點|成(?![本交長員功果立績])',
    '|倍|x(?![A-Za-z])|times(?![A-Za-z])',
    '|元|塊錢?|圓|蚊|dollars?|NTD|TWD|HKD|USD|港元|美元|(?:新)?台幣|港幣|港紙|人民幣|美金',
    '|分(?![鐘店之公析享配別])',
    `|(?:個|位|名)?(?:${COUNT_NOUNS_ZH})`,
    `|(?:more |new |additional |extra )?(?:${COUNT_NOUNS_EN})(?![A-Za-z])`,
    ')?',
  ].join(''),
  'gi',
);

/** Words after a number that make it a date, a duration or an age, not a quantity. */
const NOT_A_QUANTITY_AFTER =
  /^(?:\s*(?:年|月|日|號|週|周|天|季|歲|小時|分鐘|秒|點鐘|個月|個星期|個禮拜|個季度|個工作天|期|代|樓|(?:years?|months?|weeks?|days?|quarters?|hours?)(?![A-Za-z]))|(?:st|nd|rd|th)(?![A-Za-z]))/i;

const PERCENT_WORDS_RE =
  /百分之\s*(\d+(?:\.\d+)?|[零〇一二兩三四五六七八九十百]+)|(?<![\d零〇一二兩三四五六七八九十])([一二兩三四五六七八九\d])成([一二三四五六七八九半])(?![本交長員功果立績])|(?<![\d零〇一二兩三四五六七八九十])(\d+|[一二兩三四五六七八九十]+)\s*分之\s*(\d+|[一二兩三四五六七八九十]+)/g;

const RATIO_RE = /(?<![\d:.])1\s*(?::|比)\s*(\d{1,2}(?:\.\d+)?)(?![\d:])/g;
const RETURN_WORD_RE = /ROI|ROAS|投報|報酬|回報|投資|return/i;

/** The words between the two numbers of a range (「80~100萬」, 「80至100萬」, "10-15%"). */
// "10 to 15 percent": an English "to" joins a range only before a percentage (from 120 to 150 is a
// baseline and a target).
const RANGE_SEP_RE = new RegExp(
  `^\\s*(?:-|~|至|到|to(?=\\s+\\d+(?:\\.\\d+)?\\s*(?:%|percent)))\\s*(?=${CURRENCY}?\\s*\\d)`,
  'i',
);

interface RangeStart {
  index: number;
  text: string;
  numberText: string;
  scale: string | undefined;
  currency: string | undefined;
  /** Where the second number of the range starts. */
  next: number;
}

export function findQuantities(input: string): Quantity[] {
  const out: Quantity[] = [];
  const pending: RangeStart[] = [];
  let text = input;
  // 「百分之二十」 = 20 %, 「二成五」 = 25 %: read first, then hidden from the general pattern.
  PERCENT_WORDS_RE.lastIndex = 0;
  for (let m = PERCENT_WORDS_RE.exec(input); m !== null; m = PERCENT_WORDS_RE.exec(input)) {
    let value: number | null;
    if (m[1] !== undefined) value = parseNumberToken(m[1]);
    else if (m[4] !== undefined) {
      // 「三分之一」 = 33.3 %: a fraction of the whole.
      const whole = parseNumberToken(m[4]);
      const part = parseNumberToken(m[5] ?? '');
      value = whole !== null && part !== null && whole > 0 && part <= whole ? (part * 100) / whole : null;
    } else if (m[3] === '半') {
      // 「一成半」 = 15 %.
      const tens = parseNumberToken(m[2] ?? '');
      value = tens !== null ? tens * 10 + 5 : null;
    } else {
      const tens = parseNumberToken(m[2] ?? '');
      const ones = parseNumberToken(m[3] ?? '');
      value = tens !== null && ones !== null ? tens * 10 + ones : null;
    }
    if (value === null) continue;
    out.push({
      value: roundNumber(value),
      unit: 'percent',
      noun: null,
      index: m.index,
      length: m[0].length,
      text: m[0],
    });
    text = text.slice(0, m.index) + '□'.repeat(m[0].length) + text.slice(m.index + m[0].length);
  }
  // 「ROI 1:4」, 「投報率1比5」: a return written as a ratio to one is a multiple.
  RATIO_RE.lastIndex = 0;
  for (let m = RATIO_RE.exec(text); m !== null; m = RATIO_RE.exec(text)) {
    if (!RETURN_WORD_RE.test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
    out.push({
      value: Number(m[1]),
      unit: 'multiple',
      noun: null,
      index: m.index,
      length: m[0].length,
      text: m[0],
    });
    text = text.slice(0, m.index) + '□'.repeat(m[0].length) + text.slice(m.index + m[0].length);
  }
  QUANTITY_RE.lastIndex = 0;
  for (let m = QUANTITY_RE.exec(text); m !== null; m = QUANTITY_RE.exec(text)) {
    if (m[0].length === 0) {
      QUANTITY_RE.lastIndex++;
      continue;
    }
    const currency = m[1];
    const numberText = m[2] ?? '';
    const index = m.index + (m[0].length - m[0].trimStart().length);
    const scale = m[3];
    const unitText = (m[4] ?? '').trim();
    const rawText = m[0].trim();
    const end = m.index + m[0].length;
    const isChinese = /^[\u4e00-\u9fff]/.test(numberText);
    // A number inside a word (「A5」, 「iPhone15」) is a name, not a quantity.
    if (!currency && /[A-Za-z]$/.test(text.slice(0, index))) continue;
    if (!unitText && NOT_A_QUANTITY_AFTER.test(text.slice(end))) continue;
    // 「4.6 out of 5」, 「滿分5分」: the scale, not a target.
    if (/(?:out of|滿分|總分)\s*$/i.test(text.slice(0, index))) continue;
    // 「80~100萬」, "10-15%", "800k-1M": the first number of a range takes the unit of the second.
    const rangeSep = RANGE_SEP_RE.exec(text.slice(end));
    if (!unitText && rangeSep && !/\d\s*[-~]\s*$/.test(text.slice(0, index))) {
      pending.push({ index, text: rawText, numberText, scale, currency, next: end + rangeSep[0].length });
      continue;
    }
    // 「iPhone 15保護殼」, 「7-11」, 「25-45」: a number inside a name or a range, not a target.
    if (
      !currency &&
      !unitText &&
      !scale &&
      /^\d+$/.test(numberText) &&
      /^[\u4e00-\u9fff]/.test(text.slice(end)) &&
      !/^(?:以上|以下|左右|多|餘)/.test(text.slice(end)) &&
      // 「不超過1200也不低於900」: a number after a bound is an amount, whatever follows it.
      !/(?:不超過|不低於|不少於|不多於|不高於|至少|最少|最多|至多|達到|衝到|低於|高於|超過|突破)\s*$/.test(
        text.slice(0, index),
      )
    )
      continue;
    if (
      !unitText &&
      !scale &&
      !currency &&
      (/\d\s*-\s*$/.test(text.slice(0, index)) || /^\s*-\s*\d/.test(text.slice(end)))
    )
      continue;
    // "7-Eleven", "3-in-1": a number joined by a hyphen to a word is part of a name.
    if (!unitText && !scale && !currency && /^-[A-Za-z]/.test(text.slice(end))) continue;
    // 24/7, 3/4: a ratio or a date written with a slash, not a quantity.
    if (/^\/\d/.test(text.slice(end)) || /\d\/$/.test(text.slice(0, index))) continue;
    if (/^(?:年|月|日|週|天|季)/.test(text.slice(end)) && /[個]$/.test(unitText)) continue;
    if (/^第/.test(text.slice(Math.max(0, m.index - 1), m.index))) continue;
    // "our top 20 accounts", 「前20大客戶」: a rank, not a count.
    if (
      !currency &&
      /(?:(?<![A-Za-z])top|前)\s*$/i.test(text.slice(0, index)) &&
      !/^\s*[%成倍]/.test(unitText)
    )
      continue;
    // 「兩間舖」, 「3家門市」: the stores a goal is about are its scope, not a count sold.
    if (
      /^(?:個|位|名)?(?:間|家)$/.test(unitText) &&
      /^\s*(?:店|舖|門市|分店|分舖|店舖|店面|門店)/.test(text.slice(end))
    )
      continue;
    const value = parseNumberToken(numberText, scale);
    if (value === null || !Number.isFinite(value)) continue;
    let unit: QuantityUnit = 'plain';
    let v = value;
    let noun: string | null = null;
    const u = unitText.toLowerCase();
    if (/^(%|percent$|個?百分點|pp|percentage points?|points?)/.test(u) || u === 'percent') {
      unit = /百分點|pp|points?/.test(u) ? 'points' : 'percent';
    } else if (u === '成') {
      unit = 'percent';
      v = value * 10;
    } else if (u === '倍' || u === 'x' || u === 'times') {
      unit = 'multiple';
    } else if (
      currency ||
      /^(元|塊|圓|蚊|dollar|ntd|twd|hkd|usd|港元|美元|新?台幣|港幣|港紙|人民幣|美金)/.test(u)
    ) {
      unit = 'money';
    } else if (u === '分') {
      // 「十分重要」: very, not ten points.
      if (isChinese) continue;
      // 「4.6分」, 「提高10分」: a score on its scale.
      unit = 'plain';
    } else if (u && scale && /^sales$/i.test(unitText)) {
      // "3 mil sales", "1.2M sales": an amount of sales, not a count of deals.
      unit = 'plain';
    } else if (u) {
      unit = 'count';
      noun = unitText.replace(/^(?:more |new |additional |extra )/i, '');
    } else if (/[萬億]/.test(numberText) || scale) {
      unit = 'plain';
    }
    if (isChinese && unit === 'plain' && !/[十百千萬億拾佰仟]/.test(numberText)) continue;
    if (isChinese && unit === 'count' && /^[個名人家]$/.test(noun ?? '') && value === 1) continue;
    // A bare year (2026) or a small ordinal is not a target.
    if (unit === 'plain' && !scale && /^\d{4}$/.test(numberText) && value >= 1990 && value <= 2100) continue;
    if (unit === 'count' && /^(?:stores?|products?)$/i.test(noun ?? '') && value < 1) continue;
    out.push({ value: roundNumber(v), unit, noun, index, length: rawText.length, text: rawText });
  }
  for (const p of pending) {
    const second = out.find((q) => q.index === p.next);
    const own = parseNumberToken(p.numberText, p.scale);
    const lead = second ? /\d+(?:\.\d+)?/.exec(second.text.replace(/,/g, '')) : null;
    if (!second || own === null || !lead) continue;
    const ownScale = Boolean(p.scale) || /[萬億千百]/.test(p.numberText);
    const factor = second.unit === 'percent' && /成/.test(second.text) ? 10 : second.value / Number(lead[0]);
    if (!ownScale && second.unit === 'plain' && factor === 1) continue;
    if (!Number.isFinite(factor) || factor <= 0) continue;
    const unit: QuantityUnit = p.currency ? 'money' : second.unit;
    const value = ownScale ? own : own * factor;
    out.push({
      value: roundNumber(value),
      unit,
      noun: second.noun,
      index: p.index,
      length: p.text.length,
      text: p.text,
    });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** 翻倍 / 一倍 / double / triple: a multiple written without digits. */
export const MULTIPLE_WORDS: ReadonlyArray<readonly [RegExp, number]> = [
  [
    /翻倍|翻一倍|加倍|成長一倍|增長一倍|增加一倍|提升一倍|提高一倍|(?<![A-Za-z])double(?:d|s)?(?![A-Za-z])(?!\s*[- ]?digits?)/gi,
    100,
  ],
  [/翻兩倍|(?<![A-Za-z])triple(?:d|s)?(?![A-Za-z])/gi, 200],
  [/(?<![A-Za-z])quadruple(?:d|s)?(?![A-Za-z])/gi, 300],
  [/減半|(?<![A-Za-z])halve(?:d|s)?(?![A-Za-z])|cut (?:\w+ )?in half/gi, -50],
];
