import type { MessageLocale } from '../errors/catalogue.ts';

/**
 * Sales lines that repeat an earlier line of the same file, as an import tells them (for the CLI and
 * the API; the web app has the same sentences under imports.result.repeatedLines and
 * imports.result.repeatedKeys in its i18n files):
 * - `lines`: every field equal to an earlier line of the same order (or, without order ids, an
 *   earlier line): each is imported as a sale of its own, since two scans of one item are two sales,
 *   but a file pasted twice doubles its orders this way;
 * - `keys`: the order id and line number of an earlier line: only the first is imported.
 * `{count}` is the number of lines, `{lines}` the first of their file line numbers. When the import
 * added no line (a re-import: the repeats were added by an earlier import), the advice of `lines` is
 * REPEATED_LINES_EARLIER's: undoing this import would remove nothing.
 */
export const REPEATED_LINE_MESSAGES: Readonly<
  Record<'lines' | 'keys', Readonly<Record<MessageLocale, { one: string; other: string }>>>
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
};

/** The advice of `lines` for an import that added nothing: the earlier import holds the repeats. */
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
 * the repeats of `lines` came from an earlier import (a re-import of the file).
 */
export function repeatedLinesMessage(
  kind: 'lines' | 'keys',
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
  return kind === 'lines' && addedNone ? text.replace(earlier.from, earlier.to) : text;
}
