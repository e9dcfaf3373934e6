import { formatLocalDate, MONTH_NAMES_EN } from '../calendar/dates.ts';
import { type NonexistentDay, parseDate } from './parse-date.ts';
import { IMPORT_KINDS, type ImportKind } from './records.ts';

/** Codes of one line's problems (LineProblem.code). */
export const LINE_PROBLEM_CODES = [
  'REQUIRED_MISSING',
  'TEXT_TOO_LONG',
  'DATE_EMPTY',
  'DATE_INVALID',
  'DATE_NONEXISTENT',
  'DATE_OUT_OF_RANGE',
  'DATE_ORDER_UNKNOWN',
  'DATE_ORDER_CONTRADICTS',
  'DATE_WEEKDAY_MISMATCH',
  'TIME_INVALID',
  'TIME_ZONE_INVALID',
  'AMOUNT_EMPTY',
  'AMOUNT_INVALID',
  'AMOUNT_AMBIGUOUS',
  'AMOUNT_TOO_LARGE',
  'AMOUNT_MISSING',
  'QUANTITY_EMPTY',
  'QUANTITY_INVALID',
  'QUANTITY_AMBIGUOUS',
  'QUANTITY_TOO_LARGE',
  'NUMBER_EMPTY',
  'NUMBER_INVALID',
  'NUMBER_AMBIGUOUS',
  'NUMBER_TOO_LARGE',
  'NUMBER_NOT_INTEGER',
  'NUMBER_NEGATIVE',
  'DISCOUNT_INVALID',
  'CSAT_OUT_OF_RANGE',
  'NPS_OUT_OF_RANGE',
  'SCORE_MISSING',
  'FIELDS_TOO_MANY',
  'FIELDS_TOO_FEW',
  'FIELDS_SPLIT_AMOUNT',
  'SUMMARY_ROW',
  'HEADER_REPEATED',
  'TITLE_REPEATED',
  'ENCODING_INVALID',
  'CURRENCY_MIXED',
] as const;

/**
 * Codes of the lines that are a report's own rows, not data (a subtotal or total, the header or the
 * title printed again on a later page): left out and listed like problem lines, but no problem of the
 * data: a strict import ("import nothing if any line has a problem") is not refused for them.
 */
export const REPORT_ROW_CODES: ReadonlySet<string> = new Set([
  'SUMMARY_ROW',
  'HEADER_REPEATED',
  'TITLE_REPEATED',
]);

/** Codes of errors that stop reading a whole file (IngestError.code on the Node side). */
export const FILE_ERROR_CODES = [
  'FILE_EMPTY',
  'FILE_TOO_LARGE',
  'FILE_FORMAT_UNKNOWN',
  'XLS_NOT_SUPPORTED',
  'TOO_MANY_COLUMNS',
  'TOO_MANY_ROWS',
  'LINE_TOO_LONG',
  'CSV_QUOTE_NOT_CLOSED',
  'CSV_QUOTE_INVALID',
  'CSV_MALFORMED',
  'XLSX_INVALID',
  'XLSX_TOO_MANY_ENTRIES',
  'XLSX_TOO_LARGE',
  'XLSX_SHEET_NOT_FOUND',
] as const;

export type LineProblemCode = (typeof LINE_PROBLEM_CODES)[number];
export type FileErrorCode = (typeof FILE_ERROR_CODES)[number];
export type IngestProblemCode = LineProblemCode | FileErrorCode;
export type ProblemLocale = 'zh-TW' | 'en';

const MESSAGES: Readonly<Record<IngestProblemCode, { 'zh-TW': string; en: string }>> = {
  REQUIRED_MISSING: { 'zh-TW': '必填欄位是空的', en: 'A required value is empty' },
  TEXT_TOO_LONG: { 'zh-TW': '文字太長（上限 200 字）', en: 'The text is too long (at most 200 characters)' },
  DATE_EMPTY: { 'zh-TW': '日期是空的', en: 'The date is empty' },
  DATE_INVALID: { 'zh-TW': '日期格式無法辨識', en: 'The date is not in a recognized format' },
  DATE_NONEXISTENT: {
    'zh-TW': '日期不存在（那個月沒有這一天，例如 2 月 30 日）',
    en: 'The date does not exist (its month has no such day, such as February 30)',
  },
  DATE_WEEKDAY_MISMATCH: {
    'zh-TW': '日期旁寫的星期與這一天不符（日期或星期有誤）',
    en: 'The weekday written with the date is not that day’s (the date or the weekday is wrong)',
  },
  DATE_OUT_OF_RANGE: { 'zh-TW': '日期的年份超出範圍', en: 'The year of the date is out of range' },
  DATE_ORDER_UNKNOWN: {
    'zh-TW': '無法判斷日期是「日/月」還是「月/日」（例如 03/04/2024）',
    en: 'The date can be read day-first or month-first (such as 03/04/2024)',
  },
  DATE_ORDER_CONTRADICTS: {
    'zh-TW': '這個日期只能以另一種日月順序解讀，與選定的順序矛盾',
    en: 'This date only reads in the other day/month order than the one chosen',
  },
  TIME_INVALID: { 'zh-TW': '時間格式無法辨識', en: 'The time is not in a recognized format' },
  TIME_ZONE_INVALID: { 'zh-TW': '公司時區設定無效', en: "The company's time zone is not valid" },
  AMOUNT_EMPTY: { 'zh-TW': '金額是空的', en: 'The amount is empty' },
  AMOUNT_INVALID: { 'zh-TW': '金額格式無法辨識', en: 'The amount is not a number' },
  AMOUNT_AMBIGUOUS: {
    'zh-TW': '金額的千分位或小數點不明確（例如 1,23 或 1.234,5）',
    en: 'The amount has unclear separators (such as 1,23 or 1.234,5)',
  },
  AMOUNT_TOO_LARGE: { 'zh-TW': '金額太大', en: 'The amount is too large' },
  AMOUNT_MISSING: {
    'zh-TW': '沒有金額，也沒有可計算金額的數量與單價',
    en: 'There is no amount, nor a quantity and unit price to compute it',
  },
  QUANTITY_EMPTY: { 'zh-TW': '數量是空的', en: 'The quantity is empty' },
  QUANTITY_INVALID: { 'zh-TW': '數量格式無法辨識', en: 'The quantity is not a number' },
  QUANTITY_AMBIGUOUS: { 'zh-TW': '數量的千分位或小數點不明確', en: 'The quantity has unclear separators' },
  QUANTITY_TOO_LARGE: { 'zh-TW': '數量太大', en: 'The quantity is too large' },
  NUMBER_EMPTY: { 'zh-TW': '數字是空的', en: 'The number is empty' },
  NUMBER_INVALID: { 'zh-TW': '不是有效的數字', en: 'Not a valid number' },
  NUMBER_AMBIGUOUS: { 'zh-TW': '數字的千分位或小數點不明確', en: 'The number has unclear separators' },
  NUMBER_TOO_LARGE: { 'zh-TW': '數字太大', en: 'The number is too large' },
  NUMBER_NOT_INTEGER: { 'zh-TW': '應為整數', en: 'A whole number is expected' },
  NUMBER_NEGATIVE: { 'zh-TW': '不可為負數', en: 'The number cannot be negative' },
  DISCOUNT_INVALID: {
    'zh-TW': '折扣無法辨識（百分比折扣需有單價）',
    en: 'The discount is not valid (a percentage needs a unit price)',
  },
  CSAT_OUT_OF_RANGE: { 'zh-TW': '滿意度應為 1 到 5 的整數', en: 'CSAT must be a whole number from 1 to 5' },
  NPS_OUT_OF_RANGE: { 'zh-TW': '推薦分數應為 0 到 10 的整數', en: 'NPS must be a whole number from 0 to 10' },
  SCORE_MISSING: { 'zh-TW': '沒有滿意度或推薦分數', en: 'There is neither a CSAT nor an NPS score' },
  FIELDS_TOO_MANY: {
    'zh-TW': '這一行的欄位比標題列多（可能有未加引號的逗號），整行未匯入',
    en: 'The line has more fields than the header (an unquoted comma?): the line was not imported',
  },
  FIELDS_TOO_FEW: {
    'zh-TW': '這一行的欄位比標題列少，整行未匯入',
    en: 'The line has fewer fields than the header: the line was not imported',
  },
  SUMMARY_ROW: {
    'zh-TW': '這一行是報表的小計或合計列，不是一筆交易，未匯入',
    en: 'The line is a report’s subtotal or total row, not a sale: not imported',
  },
  HEADER_REPEATED: {
    'zh-TW': '這一行是再次出現的欄名列（報表每頁重印的標題），不是一筆資料，未匯入',
    en: 'The line is the header again (a report prints it on every page), not data: not imported',
  },
  TITLE_REPEATED: {
    'zh-TW': '這一行是報表的標題或頁碼（每頁重印），不是一筆資料，未匯入',
    en: 'The line is the report’s title or a page number (printed on every page), not data: not imported',
  },
  FIELDS_SPLIT_AMOUNT: {
    'zh-TW':
      '金額的千分位逗號沒有加引號，被拆成兩個欄位（例如 NT$1,200），整行未匯入：請在檔案中為金額加上引號',
    en: 'An amount’s thousands separator is not quoted and split it into two fields (such as NT$1,200): the line was not imported; quote the amount in the file',
  },
  ENCODING_INVALID: {
    'zh-TW': '這一行有無法解讀的位元組（檔案編碼有誤），整行未匯入',
    en: 'The line holds bytes that are not valid text in the file’s encoding: the line was not imported',
  },
  CURRENCY_MIXED: {
    'zh-TW': '這一行的幣別與檔案其他行不同，整行未匯入',
    en: 'The line is in another currency than the rest of the file: the line was not imported',
  },
  FILE_EMPTY: { 'zh-TW': '檔案是空的', en: 'The file is empty' },
  FILE_TOO_LARGE: { 'zh-TW': '檔案超過大小上限', en: 'The file is larger than the limit' },
  FILE_FORMAT_UNKNOWN: {
    'zh-TW': '無法辨識檔案格式（請用 CSV、TSV 或 XLSX）',
    en: 'The file format is not recognized (use CSV, TSV or XLSX)',
  },
  XLS_NOT_SUPPORTED: {
    'zh-TW': '不支援舊版 Excel（.xls），請另存為 .xlsx 或 CSV',
    en: 'Old Excel files (.xls) are not supported: save as .xlsx or CSV',
  },
  TOO_MANY_COLUMNS: { 'zh-TW': '欄位數超過上限', en: 'The line has more columns than the limit' },
  TOO_MANY_ROWS: { 'zh-TW': '資料列數超過上限', en: 'The file has more lines than the limit' },
  LINE_TOO_LONG: { 'zh-TW': '單一資料列太長', en: 'A line is longer than the limit' },
  CSV_QUOTE_NOT_CLOSED: {
    'zh-TW': '引號沒有結束（從這一列開始的引號一直到檔案結尾都沒有關閉）',
    en: 'A quote opened on this line is never closed',
  },
  CSV_QUOTE_INVALID: {
    'zh-TW': '引號使用錯誤（引號欄位後面還有其他字元）',
    en: 'Misplaced quote (characters follow a quoted field)',
  },
  CSV_MALFORMED: { 'zh-TW': 'CSV 格式錯誤', en: 'The CSV is malformed' },
  XLSX_INVALID: { 'zh-TW': 'XLSX 檔案損毀或格式不正確', en: 'The XLSX file is damaged or not valid' },
  XLSX_TOO_MANY_ENTRIES: {
    'zh-TW': 'XLSX 內含的檔案數超過上限',
    en: 'The XLSX file holds more parts than the limit',
  },
  XLSX_TOO_LARGE: {
    'zh-TW': 'XLSX 解壓縮後超過大小上限（可能是壓縮炸彈）',
    en: 'The XLSX file is larger than the limit once decompressed (a zip bomb?)',
  },
  XLSX_SHEET_NOT_FOUND: { 'zh-TW': '找不到指定的工作表', en: 'The chosen sheet does not exist' },
};

export function isIngestProblemCode(code: string): code is IngestProblemCode {
  return Object.hasOwn(MESSAGES, code);
}

/** The message for a line problem or file error code, in zh-TW or English (unknown codes: generic). */
export function describeProblem(code: string, locale: ProblemLocale): string {
  if (isIngestProblemCode(code)) return MESSAGES[code][locale];
  return locale === 'zh-TW' ? `資料有誤（${code}）` : `Invalid data (${code})`;
}

/** 「2026-02-30 不存在：2 月只有 28 天」 / "2026-02-30 does not exist: February has 28 days". */
export function describeNonexistentDay(
  n: Pick<NonexistentDay, 'day' | 'monthDays'>,
  locale: ProblemLocale,
): string {
  const date = formatLocalDate(n.day);
  return locale === 'zh-TW'
    ? `${date} 不存在：${n.day.month} 月只有 ${n.monthDays} 天`
    : `${date} does not exist: ${MONTH_NAMES_EN[n.day.month - 1]} has ${n.monthDays} days`;
}

/**
 * The message for one line's problem: a date that does not exist names the day and its month's
 * length (read again from the value, as the import read it); any other problem, its code's message.
 */
export function describeLineProblem(
  p: { code: string; value: string | null },
  locale: ProblemLocale,
): string {
  if (p.code === 'DATE_NONEXISTENT' && p.value !== null) {
    // Only a day above 28 can be missing, so the day/month order of a year-last value is never in doubt.
    const r = parseDate(p.value, { dayFirst: null });
    if (!r.ok && r.code === 'DATE_NONEXISTENT') return describeNonexistentDay(r, locale);
  }
  return describeProblem(p.code, locale);
}

/** The kinds of import as messages name them (IMPORT_KIND_MISMATCH), in each language. */
const IMPORT_KIND_NAMES: Record<ImportKind, Record<ProblemLocale, string>> = {
  sales: { 'zh-TW': '「銷售明細」', en: 'sales lines' },
  marketing: { 'zh-TW': '「行銷成效」', en: 'marketing results' },
  satisfaction: { 'zh-TW': '「客戶滿意度」', en: 'customer satisfaction' },
};

/** An import kind's name in `locale`; any other text as it is. */
export function importKindName(kind: string, locale: ProblemLocale): string {
  return (IMPORT_KINDS as readonly string[]).includes(kind)
    ? IMPORT_KIND_NAMES[kind as ImportKind][locale]
    : kind;
}
