/**
 * Reads the means of a goal: what follows 透過 / 通過 / 藉由 / through / via (channels or
 * strategies), and clauses that are actions (「每週舉辦一場線上研討會」, "launch a loyalty programme").
 */
import type { Located } from './extract-scope.ts';
import { findMetricMentions } from './metrics-lexicon.ts';
import {
  ACTION_VERB_ANYWHERE_RE,
  ACTION_VERB_RE,
  CHANNEL_LINE_RE,
  CHANNEL_RE,
  MEANS_MARKER_RE,
} from './scope-lexicon.ts';
import { clauseOf, cutWords, dedupeWords, MASK, splitClauses, type TextSpan } from './text-spans.ts';

export interface MeansReading {
  channels: Located[];
  strategies: Located[];
  /** Clauses that only describe actions: their numbers are not targets. */
  actionClauses: TextSpan[];
}

const CHANGE_VERB_RE =
  /提升|提高|增加|增長|成長|拉高|衝高|擴大|降低|減少|下降|達到|達成|突破|將|把|讓|使|帶動|(?<![A-Za-z])(?:increase|grow|boost|raise|reach|achieve|hit|improve|reduce|cut|lower|drive|double)(?![A-Za-z])/gi;
/** "Launch a referral program to acquire …": the action before "to" is the strategy. */
const EN_ACTION_TO_RE =
  /(?<![A-Za-z])(?:launch|run|host|hold|introduce|roll out|start|open|use|offer|create|build)\s+(.{3,60}?)\s+(?:to|in order to|so as to)\s+/gi;
const PROMOTION_RE =
  /買[一二三1-3]送[一二1-2]|第二(?:件|杯|個|份)(?:半價|[五六七八九]折|[1-9]元)|滿(?:額|[千百萬\d]+)(?:送|贈|折|減)[千百萬\d]*|加價購|打[五六七八九]折|限時(?:折扣|優惠|特價)|早鳥(?:優惠|價|方案)|集點(?:活動|卡)?|(?<![A-Za-z])(?:buy one get one(?: free)?|BOGO|2 for 1|two for one)(?![A-Za-z])/gi;
const ITEM_SPLIT_RE = /和|與|及|以及|跟|並且|並|還有|,|、|&|\s+and\s+|\s+or\s+|或/g;
const EN_STOP_RE =
  /\s+(?:in|by|to|for|from|within|before|during|over|at|this|next)\s|\s+(?:in|by|to)$|[,.;]|□/i;

function isChannelItem(item: string): boolean {
  const whole = (re: RegExp): boolean => {
    re.lastIndex = 0;
    const m = re.exec(item);
    return m !== null && m[0].length >= Math.ceil(item.replace(/\s+/g, '').length * 0.5);
  };
  if (ACTION_VERB_RE.test(item)) return false;
  return whole(CHANNEL_RE) || whole(CHANNEL_LINE_RE);
}

export function readMeans(masked: string, original: string): MeansReading {
  const channels: Located[] = [];
  const strategies: Located[] = [];
  const clauses = splitClauses(masked);
  MEANS_MARKER_RE.lastIndex = 0;
  for (let m = MEANS_MARKER_RE.exec(masked); m !== null; m = MEANS_MARKER_RE.exec(masked)) {
    const from = m.index + m[0].length;
    const clause = clauseOf(clauses, m.index);
    let rest = masked.slice(from, Math.min(clause.index + clause.length, from + 80));
    const english = /^[A-Za-z]/.test(m[0]);
    if (english) {
      const stop = EN_STOP_RE.exec(rest);
      if (stop) rest = rest.slice(0, stop.index);
    } else {
      // Stop at the verb of the goal itself: a change verb followed by a metric or a number.
      CHANGE_VERB_RE.lastIndex = 0;
      for (let v = CHANGE_VERB_RE.exec(rest); v !== null; v = CHANGE_VERB_RE.exec(rest)) {
        const tail = rest.slice(v.index);
        if (findMetricMentions(tail).some((x) => x.strength === 2) || /\d/.test(tail) || v.index === 0) {
          rest = rest.slice(0, v.index);
          break;
        }
      }
      const mask = rest.indexOf(MASK);
      if (mask >= 0) rest = rest.slice(0, mask);
      rest = rest.replace(/(?:來|以|去|的方式|等方式|等管道|等)\s*$/, '');
    }
    if (rest.trim().length === 0 || rest.length > 60) continue;
    ITEM_SPLIT_RE.lastIndex = 0;
    let start = 0;
    const pieces: TextSpan[] = [];
    for (let s = ITEM_SPLIT_RE.exec(rest); s !== null; s = ITEM_SPLIT_RE.exec(rest)) {
      if (s[0].length === 0) {
        ITEM_SPLIT_RE.lastIndex++;
        continue;
      }
      pieces.push({ index: from + start, length: s.index - start });
      start = s.index + s[0].length;
    }
    pieces.push({ index: from + start, length: rest.length - start });
    for (const piece of pieces) {
      const text = cutWords(original, piece);
      if (!text) continue;
      const normalized = masked.slice(piece.index, piece.index + piece.length).trim();
      (isChannelItem(normalized) ? channels : strategies).push({ text, span: piece });
    }
  }
  const actionSpans: TextSpan[] = [];
  EN_ACTION_TO_RE.lastIndex = 0;
  for (let m = EN_ACTION_TO_RE.exec(masked); m !== null; m = EN_ACTION_TO_RE.exec(masked)) {
    const whole = m[1] ?? '';
    // "Host 4 workshops in Q2 to …": the action ends where the time words start.
    const object = whole.split(MASK)[0]?.trimEnd() ?? '';
    if (object.length < 3) continue;
    const span = { index: m.index, length: m[0].indexOf(whole) + object.length };
    strategies.push({ text: cutWords(original, span), span });
    // "Host 4 workshops to get 120 leads": the count of the action is not a target.
    actionSpans.push(span);
  }
  // 「冰飲買一送一」, 「第二杯半價」, 「滿千送百」: a promotion named in passing is the means.
  PROMOTION_RE.lastIndex = 0;
  for (let m = PROMOTION_RE.exec(masked); m !== null; m = PROMOTION_RE.exec(masked)) {
    const span = { index: m.index, length: m[0].length };
    if (!strategies.some((s) => s.span.index <= span.index && span.index < s.span.index + s.span.length))
      strategies.push({ text: cutWords(original, span), span });
  }
  const actionClauses: TextSpan[] = [...actionSpans];
  for (const clause of clauses) {
    const body = masked.slice(clause.index, clause.index + clause.length);
    if (findMetricMentions(body).some((x) => x.strength === 2)) continue;
    let trimmed = body.replace(/^[\s□在於]+/, '');
    if (!ACTION_VERB_RE.test(trimmed)) {
      MEANS_MARKER_RE.lastIndex = 0;
      if (MEANS_MARKER_RE.test(body)) continue;
      const verb = ACTION_VERB_ANYWHERE_RE.exec(trimmed);
      if (!verb) continue;
      trimmed = trimmed.slice(verb.index);
    }
    actionClauses.push(clause);
    const lead = body.length - trimmed.length;
    strategies.push({
      text: cutWords(original, { index: clause.index + lead, length: trimmed.length }),
      span: { index: clause.index + lead, length: trimmed.length },
    });
  }
  return { channels, strategies, actionClauses };
}

export function strategyTexts(items: readonly Located[]): string[] {
  return dedupeWords(
    items
      .map((i) => i.text.replace(/^(?:並且|並|同時|且|以及|還要|再|也|and\s+|also\s+)/i, '').trim())
      .filter((t) => t.length > 0 && t.length <= 80),
  );
}
