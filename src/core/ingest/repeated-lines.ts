import type { MessageLocale } from '../errors/catalogue.ts';
import type { ImportKind } from './records.ts';

/**
 * Lines that repeat an earlier line of the same file, or an earlier import, as an import tells them
 * (for the CLI and the API; the web app has the same sentences under imports.result.repeatedLines,
 * repeatedKeys, repeatedResponses and responsesBefore in its i18n files). Sales lines:
 * - `lines`: every field equal to an earlier line of the same order (or, without order ids, an
 *   earlier line): each is imported as a sale of its own, since two scans of one item are two sales,
 *   but a file pasted twice doubles its orders this way;
 * - `keys`: the order id and line number of an earlier line: only the first is imported.
 * Satisfaction responses (a survey export), keyed by their response ID or, without one, by their
 * content (day, customer, channel, scores and comment):
 * - `responses`: the key of an earlier line of the file: only the first is imported, so a survey
 *   export pasted twice does not double the responses (two identical answers without IDs are one);
 * - `responsesBefore`: the key of a response an earlier import added: not added again (a count, no lines).
 * `{count}` is the number of lines, `{lines}` the first of their file line numbers. When the import
 * added no line (a re-import: the repeats were added by an earlier import), the advice of `lines` and
 * `responses` is REPEATED_LINES_EARLIER's: undoing this import would remove nothing.
 */
export type RepeatKind = 'lines' | 'keys' | 'responses' | 'responsesBefore';

/** What a satisfaction response's key is, said in each language. */
const RESPONSE_KEY = {
  'zh-TW': '回覆編號相同，或沒有編號時日期、客戶、通路、分數與意見都相同',
  en: 'the same response ID or, without one, the same date, customer, channel, scores and comment',
} as const;

export const REPEATED_LINE_MESSAGES: Readonly<
  Record<RepeatKind, Readonly<Record<MessageLocale, { one: string; other: string }>>>
> = {
  lines: {
    'zh-TW': {
      one: '有 1 筆明細與檔案中較早的一筆完全相同（訂單編號也相同；第 {lines} 行），已算作一筆銷售；若檔案誤將資料重複，請復原這次匯入並修正檔案。',
      other:
        '有 {count} 筆明細與檔案中較早的一筆完全相同（訂單編號也相同；第 {lines} 行），已各自算作一筆銷售；若檔案誤將資料重複，請復原這次匯入並修正檔案。',
    },
    en: {
      one: '1 line repeats an earlier line of the file exactly, order ID included (line {lines}); it counts as a sale of its own. If the file repeats rows by mistake, undo this import and fix the file.',
      other:
        '{count} lines repeat an earlier line of the file exactly, order ID included (lines {lines}); each counts as a sale of its own. If the file repeats rows by mistake, undo this import and fix the file.',
    },
  },
  keys: {
    'zh-TW': {
      one: '有 1 筆明細的訂單編號與項次和檔案中較早的一筆相同（第 {lines} 行），只匯入了較早的那筆；若它是另一筆銷售，請在檔案中改正項次後再匯入。',
      other:
        '有 {count} 筆明細的訂單編號與項次和檔案中較早的一筆相同（第 {lines} 行），只匯入了較早的那幾筆；若它們是其他的銷售，請在檔案中改正項次後再匯入。',
    },
    en: {
      one: '1 line has the order ID and line number of an earlier line of the file (line {lines}); only the earlier line was imported. If it is another sale, fix its line number in the file and import it again.',
      other:
        '{count} lines have the order ID and line number of an earlier line of the file (lines {lines}); only the earlier lines were imported. If they are other sales, fix their line numbers in the file and import it again.',
    },
  },
  responses: {
    'zh-TW': {
      one: `有 1 筆回覆與檔案中較早的一筆相同（${RESPONSE_KEY['zh-TW']}；第 {lines} 行），只匯入了較早的那筆，同一份問卷重複貼上不會讓回覆數加倍；若它是另一位顧客的回覆，需為每筆回覆加上回覆編號：請復原這次匯入並修正檔案。`,
      other: `有 {count} 筆回覆與檔案中較早的一筆相同（${RESPONSE_KEY['zh-TW']}；第 {lines} 行），只匯入了較早的那幾筆，同一份問卷重複貼上不會讓回覆數加倍；若它們是其他顧客的回覆，需為每筆回覆加上回覆編號：請復原這次匯入並修正檔案。`,
    },
    en: {
      one: `1 response repeats an earlier response of the file (${RESPONSE_KEY.en}; line {lines}); only the earlier one was imported, so a survey export pasted twice does not count twice. If it is another person’s answer, give each response an ID: undo this import and fix the file.`,
      other: `{count} responses repeat an earlier response of the file (${RESPONSE_KEY.en}; lines {lines}); only the earlier ones were imported, so a survey export pasted twice does not count twice. If they are other people’s answers, give each response an ID: undo this import and fix the file.`,
    },
  },
  responsesBefore: {
    'zh-TW': {
      one: `有 1 筆回覆先前已匯入（${RESPONSE_KEY['zh-TW']}），未再加入，回覆數不會重複計算。`,
      other: `有 {count} 筆回覆先前已匯入（${RESPONSE_KEY['zh-TW']}），未再加入，回覆數不會重複計算。`,
    },
    en: {
      one: `1 response was imported before (${RESPONSE_KEY.en}) and was not added again: no response counts twice.`,
      other: `{count} responses were imported before (${RESPONSE_KEY.en}) and were not added again: no response counts twice.`,
    },
  },
};

/**
 * Which sentence an import's repeats say (ImportSummary repeatedLines, repeatedKeys): a satisfaction
 * import's repeated keys are responses.
 */
export function repeatKind(kind: ImportKind, field: 'lines' | 'keys'): RepeatKind {
  return kind === 'satisfaction' && field === 'keys' ? 'responses' : field;
}

/** The advice of `lines` and `responses` for an import that added nothing: the earlier import holds the repeats. */
export const REPEATED_LINES_EARLIER: Readonly<Record<MessageLocale, { from: string; to: string }>> = {
  'zh-TW': {
    from: '請復原這次匯入並修正檔案。',
    to: '請在匯入紀錄中復原先前加入它們的那次匯入，並修正檔案。',
  },
  en: {
    from: 'undo this import and fix the file.',
    to: 'undo the earlier import that added them (see the import history) and fix the file.',
  },
};

/** The first file line numbers, "57, 58, …" (「57、58…」 in Chinese), the ellipsis when more repeated. */
export function lineList(lines: readonly number[], count: number, locale: MessageLocale): string {
  const more = count > lines.length;
  const shown = lines.map((n) => String(n));
  return locale === 'en'
    ? `${shown.join(', ')}${more ? ', …' : ''}`
    : `${shown.join('、')}${more ? '…' : ''}`;
}

/**
 * The sentence for `count` repeated lines (empty for none); `addedNone`: the import added no line, so
 * the repeats of `lines` (the first responses of `responses`) came from an earlier import (a re-import
 * of the file).
 */
export function repeatedLinesMessage(
  kind: RepeatKind,
  repeats: { count: number; lines: readonly number[] },
  locale: MessageLocale,
  addedNone = false,
): string {
  if (repeats.count <= 0) return '';
  const m = REPEATED_LINE_MESSAGES[kind][locale];
  const text = (repeats.count === 1 ? m.one : m.other)
    .replace('{count}', repeats.count.toLocaleString('en'))
    .replace('{lines}', lineList(repeats.lines, repeats.count, locale));
  const earlier = REPEATED_LINES_EARLIER[locale];
  return (kind === 'lines' || kind === 'responses') && addedNone
    ? text.replace(earlier.from, earlier.to)
    : text;
}
