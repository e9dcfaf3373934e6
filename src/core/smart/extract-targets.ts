/**
 * Turns the quantities of a statement into targets: which metric each measures, whether it is a
 * level to reach (達到, to), a change (提升20%, 增加50位, 5個百分點, by 25%), and its rate (每月, daily).
 */
import { findMetricMentions, METRIC_UNITS, type MetricMention } from './metrics-lexicon.ts';
import { normalizeText } from './normalize-text.ts';
import { findQuantities, MULTIPLE_WORDS, type Quantity } from './quantities.ts';
import { clauseOf, splitClauses, type TextSpan } from './text-spans.ts';
import type { MetricKey, RatePer, Target, TargetKind } from './types.ts';

const INCREASE_RE =
  /拉新|提升|提高|增加|增長|成長|上升|拉高|衝高|擴大|拉抬|多賣|新增|再賣|再售|再成交|(?<![最至不很許眾較])多|增|漲|(?<![A-Za-z])(?:increase[sd]?|grow(?:s|n)?|boost(?:ed)?|raise[sd]?|improve[sd]?|lift|up|expand|more|growth|double|add(?:s|ed)?)(?![A-Za-z])/i;
const DECREASE_RE =
  /負成長|衰退|降低|減少|下降|縮減|壓低|降到|降至|降|減|(?<![A-Za-z])(?:reduce[sd]?|cut|decrease[sd]?|lower(?:ed)?|drop|down|shrink|less|fewer)(?![A-Za-z])/i;
/** A bound right before the number: 「至少」, 「不超過」, "at least". */
const BOUND_END_RE =
  /(?:至少|最少|最多|至多|不少於|不低於|不超過|不多於|不高於|(?<![A-Za-z])(?:at least|at most|no more than|no less than|up to)(?![A-Za-z]))\s*$/i;
/** A level to reach: the words right before the number. */
const REACH_RE =
  /(?:到|至|達到|達成|達|為|突破|超過|超越|衝上|衝到|維持在|保持在|控制在|以上|不低於|不少於|至少|最少|最多|至多|不超過|不多於|不高於|(?<![A-Za-z])(?:to|reach(?:es)?|hit|achieve|at least|above|over|exceed|of|be|at|below|under|(?:not|no) (?:lower|less|fewer|higher|more|below|under|above|over)(?: than)?|minimum(?: of)?|maximum(?: of)?)(?![A-Za-z]))\s*(?:每(?:日|天|週|星期|月|季|年|位|個|名|筆|單|人|客|家|間|店|張)|日均|月均|平均|約|大約|整整|一共|總共|a total of|around|about|approximately|over|more than|the)?\s*$/i;
/**
 * A bound said after a change verb: 「新增至少50筆」, 「減少不超過5%」, "grow by at least 10%": the
 * change is at least (at most) that much, still a change, not a level to reach.
 */
const CHANGE_THEN_BOUND_RE =
  /(?:提升|提高|增加|增長|成長|新增|多|減少|降低|下降|縮減|(?<![A-Za-z])(?:increase|grow|add|cut|reduce|lower|by))\s*(?:了)?\s*(?:至少|最少|最多|不少於|不低於|不超過|不多於|不高於|超過|逾|達|(?<![A-Za-z])(?:at least|at most|no more than|no less than|more than|over|up to)(?![A-Za-z]))\s*$/i;
/** 「從50萬」, 「從每人650元」, 「從去年的4500萬」 (the time word masked): a baseline, not a target. */
const FROM_RE =
  /(?:從|由|自|(?<![A-Za-z])from)\s*(?:每(?:人|位|個|名|月|日|天|週|年|季|店|家|單|筆))?\s*(?:□+\s*)?(?:的|'s)?\s*$/i;
const CHANGE_AFTER_RE = /^\s*(?:的)?(?:成長|增長|增加|提升|年增|growth|increase|uplift|more|higher|up)/i;
const DECREASE_AFTER_RE = /^\s*(?:的)?(?:下降|減少|降低|decrease|reduction|drop|less|lower|down)/i;

const PER_ZH: Record<string, RatePer> = {
  日: 'day',
  天: 'day',
  週: 'week',
  星期: 'week',
  禮拜: 'week',
  月: 'month',
  季: 'quarter',
  季度: 'quarter',
  年: 'year',
};

/** The rate word nearest before the number: 「每位業務每月要成交15張」 is per month, not per rep. */
function lastZhRate(before: string): RegExpExecArray | null {
  const re =
    /(?:每一?個?|平均每|[日週月季年]均)(日|天|週|星期|禮拜|月|季度|季|年)(?:均|平均)?(?=[^,;□]{0,10}$)/g;
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(before); m !== null; m = re.exec(before)) last = m;
  return last;
}

function ratePer(before: string, after: string): RatePer | null {
  // The nearest rate word that names a unit: 「每店月營收」 is per month (每店 alone names none).
  const candidates = [
    lastZhRate(before),
    // 「一天要賣300杯」, 「一個月做50萬」: one unit of time as the rate, without 每.
    /(?<![第十\d月])一個?(日|天|週|星期|禮拜|月|季)(?![內内前後])[^,;□]{0,8}$/.exec(before),
    /(?:每一?個?|平均每|[日週月季年]均)(日|天|週|星期|禮拜|月|季度|季|年)?(?:均|平均)?[^,;□]{0,10}$/.exec(
      before,
    ),
    /(?<![今明去後本])(日|週|月|季|年)(?=銷售額|營收|營業額|業績|訂單|銷量|銷售量|收入|成交)[^,;□]{0,14}$/.exec(
      before,
    ),
  ];
  for (const zh of candidates) {
    if (!zh) continue;
    const unit = zh[1] ?? /([日週月季年])均/.exec(zh[0])?.[1];
    if (unit && PER_ZH[unit]) return PER_ZH[unit] ?? null;
  }
  const en =
    /(?<![A-Za-z])(daily|weekly|monthly|quarterly|annual|yearly|annually)(?![A-Za-z])[^,;]{0,60}$/i.exec(
      before,
    );
  const after1 =
    /^\s*(?:[A-Za-z-]+\s+){0,4}?(?:per|a|each|every|\/)\s*(day|week|month|quarter|year)(?![A-Za-z])/i.exec(
      after,
    ) ??
    // "HK$50K daily sales", "300 weekly orders": the rate word right after the number.
    /^\s*(?:in\s+)?(daily|weekly|monthly|quarterly|yearly|annual)(?![A-Za-z])/i.exec(after);
  const after2 = /^\s*[\u4e00-\u9fff]{0,4}?\/\s*(日|天|週|月|季|年)/.exec(after);
  const word = (en?.[1] ?? after1?.[1] ?? '').toLowerCase();
  if (word.startsWith('annual')) return 'year';
  if (word) {
    if (word.startsWith('da')) return 'day';
    if (word.startsWith('week')) return 'week';
    if (word.startsWith('month')) return 'month';
    if (word.startsWith('quarter')) return 'quarter';
    return 'year';
  }
  if (after2?.[1]) return PER_ZH[after2[1]] ?? null;
  return null;
}

const COUNT_NOUN_METRIC: ReadonlyArray<readonly [RegExp, MetricKey]> = [
  [/^(?:單|筆|orders?|deals?|bookings?|sales)$/i, 'orders'],
  [
    /^(?:杯|件|台|組|盒|瓶|份|張|套|包|顆|隻|本|箱|雙|支|units?|cups?|boxes|items?|pieces?|products?)$/i,
    'units',
  ],
  [/^(?:leads?|signups?|sign-ups?)$/i, 'leads'],
  [/^(?:customers?|clients?|accounts?|members?|users?|subscribers?)$/i, 'customers'],
];

function compatible(metric: MetricKey, q: Quantity): boolean {
  const unit = METRIC_UNITS[metric];
  switch (q.unit) {
    case 'money':
      return unit === 'money';
    case 'count':
      return unit === 'count';
    case 'multiple':
    case 'percent':
    case 'points':
    case 'plain':
      return true;
  }
}

function metricFor(
  q: Quantity,
  clause: TextSpan,
  mentions: readonly MetricMention[],
  main: MetricKey | null,
): MetricKey | null {
  const inClause = mentions.filter((m) => m.index >= clause.index && m.index < clause.index + clause.length);
  // "1,000 signups", 「300位新會員」: the count noun is the metric's own word.
  const own = inClause.find(
    (m) => m.strength === 2 && m.index > q.index && m.index + m.length <= q.index + q.length,
  );
  if (own && compatible(own.metric, q)) return own.metric;
  const after = inClause.find((m) => m.index >= q.index + q.length && m.index - (q.index + q.length) <= 3);
  if (after && compatible(after.metric, q)) return after.metric;
  const preceding = [...inClause]
    .reverse()
    .filter((m) => m.index + m.length <= q.index && compatible(m.metric, q));
  const before = preceding.find((m) => m.strength === 2) ?? preceding[0];
  if (before) return before.metric;
  if (q.unit === 'count' && q.noun) {
    const byNoun = COUNT_NOUN_METRIC.find(([re]) => re.test(q.noun ?? ''));
    if (byNoun) {
      if (byNoun[1] === 'customers' && main && METRIC_UNITS[main] === 'count') return main;
      return byNoun[1];
    }
  }
  const anyAfter = inClause.find((m) => m.index >= q.index + q.length && compatible(m.metric, q));
  if (anyAfter) return anyAfter.metric;
  if (main && compatible(main, q)) return main;
  if (q.unit === 'money') return 'revenue';
  if (q.unit === 'count' && main) return main === 'revenue' ? 'units' : main;
  if (q.unit === 'count' && !main && q.noun && !/^(?:位|名|人|家|個|次|場)$/.test(q.noun)) return 'units';
  return main;
}

/** A minus sign (ASCII, U+2212 or full-width) just before a number, not after a digit (a range). */
const MINUS_BEFORE_RE = /(?:(?:^|[^\d.\-−－])[-−－]|負)\s*$/;

const GROWTH_RATE_RE =
  /(?:成長|增長|年增|月增|季增)(?:率|幅度?)|增幅|漲幅|(?<![A-Za-z])growth(?: rate)?(?![A-Za-z])[^\d]{0,12}$/i;
const EN_CHANGE_BEFORE_RE =
  /(?<![A-Za-z])(?:increase|grow|add|gain|boost|raise|acquire more|reduce|cut|decrease|lower)\s*$/i;

/** The dash of a range after a number with its unit (「10%-15%」, "800k-1M"), not a minus sign. */
const RANGE_BEFORE_RE = /\d\s*(?:k|m|mn|mil|million|萬|億|千|百|%|元)?\s*[-−－~]\s*$/i;

function kindFor(
  q: Quantity,
  metric: MetricKey,
  before: string,
  after: string,
): { kind: TargetKind; sign: number } {
  // 「不低於」, "not lower than": a bound on a level, not a fall.
  const near = (/[A-Za-z]{3}/.test(before) ? before.slice(-48) : before.slice(-14)).replace(
    /(?<![A-Za-z])(?:not|no)\s+(?:lower|less|fewer|below|under)(?:\s+than)?(?![A-Za-z])/gi,
    (w) => ' '.repeat(w.length),
  );
  const decrease = DECREASE_RE.test(near) || DECREASE_AFTER_RE.test(after);
  const sign = decrease ? -1 : 1;
  // 「成長到今年的6000萬」: the masked time word between the verb and the number.
  const beforeReach = before.replace(/(?:\s*□+\s*的?|的)\s*$/, '');
  const reach = REACH_RE.test(beforeReach) && !CHANGE_THEN_BOUND_RE.test(beforeReach);
  const changeVerb =
    INCREASE_RE.test(near) || decrease || CHANGE_AFTER_RE.test(after) || DECREASE_AFTER_RE.test(after);
  const byEnglish = /(?<![A-Za-z])by\s*$/i.test(before);
  if (q.unit === 'points') return { kind: reach && !changeVerb ? 'absolute' : 'absolute_change', sign };
  if (q.unit === 'percent') {
    const isRate = METRIC_UNITS[metric] === 'percent' || METRIC_UNITS[metric] === 'score';
    // 「營收成長率達到20%」, "growth rate of 15%": the rate of growth is a change, whatever the verb.
    if (GROWTH_RATE_RE.test(before.slice(-16))) return { kind: 'percent_change', sign };
    if (byEnglish || CHANGE_AFTER_RE.test(after) || DECREASE_AFTER_RE.test(after))
      return { kind: 'percent_change', sign };
    // 「降低CAC至少20%」, 「營收成長10%到15%」: a money or count metric with a change verb has no level
    // in percent; the percentage after a bound or a "to" is still a change.
    const amount = METRIC_UNITS[metric] === 'money' || METRIC_UNITS[metric] === 'count';
    if (
      reach &&
      changeVerb &&
      amount &&
      (BOUND_END_RE.test(beforeReach) || /\d\s*%\s*(?:到|至|to)\s*$/i.test(beforeReach))
    )
      return { kind: 'percent_change', sign };
    if (reach) return { kind: 'absolute', sign: 1 };
    if (changeVerb) return { kind: 'percent_change', sign };
    return { kind: isRate ? 'absolute' : 'percent_change', sign };
  }
  if (q.unit === 'multiple') {
    return { kind: METRIC_UNITS[metric] === 'ratio' ? 'absolute' : 'percent_change', sign: 1 };
  }
  if (reach) return { kind: 'absolute', sign: 1 };
  if (byEnglish && changeVerb) return { kind: 'absolute_change', sign };
  // "+500", 「+2,000」: a signed number is a change; "Increase 5,000 new members": the verb right before.
  if (/\+\s*$/.test(before) || EN_CHANGE_BEFORE_RE.test(before)) return { kind: 'absolute_change', sign };
  if (
    INCREASE_RE.test(before.slice(-8)) ||
    /^\s*(?:more|additional|extra)\b/i.test(q.text.replace(/^[^A-Za-z]*/, ''))
  ) {
    return { kind: 'absolute_change', sign };
  }
  if (DECREASE_RE.test(before.slice(-4))) return { kind: 'absolute_change', sign: -1 };
  return { kind: 'absolute', sign: 1 };
}

/** A budget or spend right before the number (「廣告費」, 「行銷預算」, "ad spend"). */
const BUDGET_BEFORE_RE =
  /(?:廣告(?:費用?|預算|花費|支出)|行銷(?:費用?|預算|支出)|預算|(?<![A-Za-z])(?:ad spend|ad budget|advertising (?:spend|budget)|marketing (?:spend|budget)|budget)(?![A-Za-z]))[^\d,;□]{0,8}$/i;

/** A clause that opens on a past time (「上個月…」, 「去年…」, "Last year …"). */
const PAST_LEAD_RE =
  /^[\s,;]*(?:(?:去年|舊年|前年)(?:同期|全年|度)?|上個?月|上一?季度?|上週|(?<![A-Za-z])(?:last|previous) (?:year|month|quarter|week)(?![A-Za-z]))(?![\u4e00-\u9fff]{0,2}(?:的?(?:\d|兩|[一二三四五六七八九十]+)倍|的?\d+%))/i;

/** The words between the two numbers of a range (「10%到15%」, "10 to 15 percent"). */
const RANGE_JOIN_RE = /^\s*(?:[-−－~–]|至|到|to|and)\s*$/i;

/** A salesperson as the unit of a target: 「每位業務」, 「人均」, "each sales rep". */
const PER_REP_RE =
  /(?:每一?(?:位|個|名)|平均每(?:位|名|個)|人均|每人)\s*(?:業務(?:員|代表|人員)?|銷售(?:人員|員|代表|同仁)|業代|店員|門市人員|sales(?:\s*reps?)?(?![A-Za-z]))|(?<![A-Za-z])(?:each|every|per|avg\.? per) (?:sales ?)?(?:rep|representative|salesperson|sales person|salesman|account manager)s?(?![A-Za-z])/i;
/** 「去年同期的120%」, 「上季的」: a percentage of a past level. */
const OF_PAST_BEFORE_RE = /(?:去年|上年|前年|上一?季度?|上個?月)(?:同期|全年|度|同月)?(?:的|之)\s*$/;
const OF_PAST_AFTER_RE =
  /^\s*of\s+(?:the\s+)?(?:last|previous|prior)\s+(?:year|quarter|month|period)|^\s*of\s+(?:the\s+)?same period last year|^\s*of\s+LY(?![A-Za-z])/i;
/**
 * A rate or margin that is none of the metrics (毛利率, 完成率, 退貨率, "refund rate", "gross margin")
 * right before the number: the number is that rate's, not the main metric's.
 */
const OTHER_RATE_RE =
  /(?:[\u4e00-\u9fff]{1,3}率|(?<![A-Za-z])(?:[A-Za-z-]+\s+)?(?:rate|margin))[^\d,;□]{0,10}$/i;

function ofAnotherRate(before: string, clause: TextSpan, mentions: readonly MetricMention[]): boolean {
  const m = OTHER_RATE_RE.exec(before);
  if (!m) return false;
  if (GROWTH_RATE_RE.test(m[0])) return false;
  const at = clause.index + m.index;
  const wordEnd = at + (/率|rate|margin/i.exec(m[0])?.index ?? 0) + 1;
  // The rate word is a metric's own (轉換率, "conversion rate"): not another rate.
  return !mentions.some((x) => x.index < wordEnd && x.index + x.length >= wordEnd);
}

export interface TargetReading {
  targets: Target[];
  baseline: number | null;
}

/**
 * Reads the targets from the normalised text in which time words, ages and action clauses are
 * masked; `original` gives the words as written.
 */
export function readTargets(masked: string, original: string, main: MetricKey | null): TargetReading {
  const clauses = splitClauses(masked);
  const mentions = findMetricMentions(masked);
  const normalized = normalizeText(original);
  const targets: Target[] = [];
  let baseline: number | null = null;
  let text = masked;
  for (const [re, percent] of MULTIPLE_WORDS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const clause = clauseOf(clauses, m.index);
      const inClause = mentions.filter(
        (x) => x.index >= clause.index && x.index < clause.index + clause.length,
      );
      const metric = inClause[0]?.metric ?? main;
      if (metric) {
        targets.push({
          metric,
          kind: 'percent_change',
          value: percent,
          per: null,
          text: original.slice(m.index, m.index + m[0].length),
        });
      }
      text = text.slice(0, m.index) + '□'.repeat(m[0].length) + text.slice(m.index + m[0].length);
    }
  }
  // The target read from the quantity just before, for the second number of a range.
  type Read = { end: number; kind: TargetKind; sign: number; bare: boolean };
  let previous: Read | null = null;
  const quantities = findQuantities(text);
  for (const q of quantities) {
    const clause = clauseOf(clauses, q.index);
    const before = text.slice(clause.index, q.index);
    const after = text.slice(q.index + q.length, clause.index + clause.length);
    const last: Read | null = previous;
    const prior: Read | null =
      last?.bare && last.end >= clause.index && RANGE_JOIN_RE.test(text.slice(last.end, q.index))
        ? last
        : null;
    previous = null;
    if (FROM_RE.test(before)) {
      baseline ??= q.value;
      continue;
    }
    // 「上個月做咗60萬,今個月要做到70萬」, 「去年營收1000萬,今年成長20%」: a clause about the past
    // states where the business stands when another clause says where it should go.
    if (
      PAST_LEAD_RE.test(normalized.slice(clause.index, q.index)) &&
      quantities.some((o) => o !== q && clauseOf(clauses, o.index) !== clause)
    ) {
      baseline ??= q.value;
      continue;
    }
    if (ofAnotherRate(before, clause, mentions)) continue;
    // 「廣告費每月不超過20萬」, "cut ad spend 15%": a budget is the means' cost, not a target.
    if (BUDGET_BEFORE_RE.test(before)) continue;
    let metric = metricFor(q, clause, mentions, main);
    if (!metric) continue;
    // 「每位業務每月要做到50萬」, "each sales rep … NT$500k": money per salesperson.
    if (metric === 'revenue' && q.unit === 'money' && PER_REP_RE.test(before)) metric = 'revenue_per_rep';
    // 「成長10%到15%」, "by 10 to 15 percent": the second number of a range is what the first is.
    const found: { kind: TargetKind; sign: number } =
      prior && prior.kind !== 'absolute' ? prior : kindFor(q, metric, before, after);
    let { kind } = found;
    const { sign } = found;
    // Only a number written bare (its unit the second's: 「10到15%」) opens a range; 「提升50元到550元」 is
    // a change and then the level it reaches.
    previous = { end: q.index + q.length, kind, sign, bare: /^[\d.,\s]+$/.test(q.text) };
    let base = q.value;
    // 「去年同期的120%」, "120% of last year": a level relative to the past is a change of 20 %.
    const origBefore = normalized.slice(clause.index, q.index);
    const origAfter = normalized.slice(q.index + q.length, clause.index + clause.length);
    if (q.unit === 'percent' && (OF_PAST_BEFORE_RE.test(origBefore) || OF_PAST_AFTER_RE.test(origAfter))) {
      kind = 'percent_change';
      base = q.value - 100;
    }
    let value = base;
    if (q.unit === 'multiple' && kind === 'percent_change') {
      value = /到|至|為|成|to/i.test(before.slice(-3)) || value > 1 ? (value - 1) * 100 : value * 100;
      if (/增加|提升|提高|成長|增長/.test(before.slice(-3)) && !/到|至/.test(before.slice(-2)))
        value = q.value * 100;
      if (value === 0) value = 100;
    }
    if (kind !== 'absolute') value *= sign;
    // A minus sign written before the number (「成長-10%」, "grow by −10%"): a fall, unless a word
    // already said so (「下降-10%」 is a fall of 10 %, not a rise); never the dash of a range (25-45).
    if (sign === 1 && MINUS_BEFORE_RE.test(before) && !RANGE_BEFORE_RE.test(before)) value = -value;
    const per = kind === 'percent_change' ? null : ratePer(before, after);
    targets.push({ metric, kind, value, per, text: original.slice(q.index, q.index + q.length) });
  }
  const seen = new Set<string>();
  const unique = targets.filter((t) => {
    const key = `${t.metric}|${t.kind}|${t.value}|${t.per}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { targets: unique, baseline };
}
