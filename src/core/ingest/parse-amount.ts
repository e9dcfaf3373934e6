import { isSpaceCode, toHalfWidth } from './half-width.ts';

export type AmountProblemCode = 'AMOUNT_EMPTY' | 'AMOUNT_INVALID' | 'AMOUNT_AMBIGUOUS' | 'AMOUNT_TOO_LARGE';
export type QuantityProblemCode =
  | 'QUANTITY_EMPTY'
  | 'QUANTITY_INVALID'
  | 'QUANTITY_AMBIGUOUS'
  | 'QUANTITY_TOO_LARGE';
export type IntegerProblemCode =
  | 'NUMBER_EMPTY'
  | 'NUMBER_INVALID'
  | 'NUMBER_AMBIGUOUS'
  | 'NUMBER_TOO_LARGE'
  | 'NUMBER_NOT_INTEGER';

export type ParseAmountResult = { ok: true; minor: number } | { ok: false; code: AmountProblemCode };
export type ParseQuantityResult = { ok: true; value: number } | { ok: false; code: QuantityProblemCode };
export type ParseIntegerResult = { ok: true; value: number } | { ok: false; code: IntegerProblemCode };

type ScanFailure = 'EMPTY' | 'INVALID' | 'AMBIGUOUS' | 'TOO_LARGE';

/** Currency words accepted before or after an amount (compared in lower case, after full-width folding). */
const CURRENCY_TOKENS = [
  'nt$',
  'ntd',
  'twd',
  'nt',
  'hk$',
  'hkd',
  'us$',
  'usd',
  'mop$',
  'mop',
  'rmb',
  'cny',
  'sgd',
  's$',
  'jpy',
  'eur',
  'gbp',
  'bdt',
  '£',
  '৳',
  '新台幣',
  '新臺幣',
  '台幣',
  '臺幣',
  '港幣',
  '港币',
  '人民幣',
  '人民币',
  '$',
  '¥',
  '￥',
  '€',
  '元',
  '圓',
  '圆',
  '塊',
  '块',
].sort((a, b) => b.length - a.length);

const MAX_DIGITS = 15;

/** A scanned decimal number: sign, integer digits, fraction digits (ASCII). */
interface Scanned {
  negative: boolean;
  int: string;
  frac: string;
}

let scanFailure: ScanFailure = 'INVALID';

function fail(code: ScanFailure): null {
  scanFailure = code;
  return null;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Fast path: plain ASCII `123`, `-123`, `123.45` (the shape most exports use). */
function scanPlain(s: string): Scanned | null {
  const n = s.length;
  if (n === 0 || n > MAX_DIGITS + 2) return null;
  let i = 0;
  let negative = false;
  if (s.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  const intStart = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  const intEnd = i;
  if (intEnd === intStart) return null;
  if (i === n) return { negative, int: s.slice(intStart, intEnd), frac: '' };
  if (s.charCodeAt(i) !== 46) return null;
  i++;
  const fracStart = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  if (i !== n || i === fracStart) return null;
  return { negative, int: s.slice(intStart, intEnd), frac: s.slice(fracStart) };
}

/**
 * Strips currency words and signs either side (「新台幣 $1,234」, 「NT$1,234元」), at most two each
 * side; the same one twice on one side (「65元元」, 「$$65」) is a typo, left in so the value is
 * refused rather than read as 65.
 */
function stripCurrency(s: string, allowCurrency: boolean): string {
  if (!allowCurrency) return s;
  let t = s;
  let before = '';
  let after = '';
  for (let pass = 0; pass < 2; pass++) {
    const lower = t.toLowerCase();
    let changed = false;
    for (const tok of CURRENCY_TOKENS) {
      if (lower.startsWith(tok)) {
        if (tok === before) return t;
        before = tok;
        t = t.slice(tok.length).trim();
        changed = true;
        break;
      }
    }
    const lower2 = t.toLowerCase();
    for (const tok of CURRENCY_TOKENS) {
      if (lower2.endsWith(tok)) {
        if (tok === after) return t;
        after = tok;
        t = t.slice(0, t.length - tok.length).trim();
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  return t;
}

/**
 * Scans `NT$1,234.50`, `(1,234)`, `1234-`, `+12`, `１２３４`, `1,234元`... into sign and digits.
 * One sign marker only; thousands separators must group by three; a comma after a period, or a
 * single comma followed by other than three digits, is ambiguous (a decimal comma?) and refused.
 */
function scanNumber(raw: string, allowCurrency: boolean): Scanned | null {
  if (raw.length > 100) return fail('INVALID');
  const plain = scanPlain(raw);
  if (plain !== null) return plain;
  let s = toHalfWidth(raw).trim();
  if (s.length === 0) return fail('EMPTY');
  let negative = false;
  let signs = 0;
  if (s.charCodeAt(0) === 40 && s.charCodeAt(s.length - 1) === 41) {
    negative = true;
    signs++;
    s = s.slice(1, -1).trim();
  }
  s = stripCurrency(s, allowCurrency);
  const first = s.charCodeAt(0);
  if (first === 45 || first === 43) {
    if (first === 45) negative = true;
    signs++;
    s = s.slice(1).trim();
    s = stripCurrency(s, allowCurrency);
  }
  const last = s.charCodeAt(s.length - 1);
  if (last === 45) {
    negative = true;
    signs++;
    s = s.slice(0, -1).trim();
    s = stripCurrency(s, allowCurrency);
  }
  if (s.charCodeAt(0) === 40 && s.charCodeAt(s.length - 1) === 41 && signs === 0) {
    negative = true;
    signs++;
    s = s.slice(1, -1).trim();
  }
  if (signs > 1) return fail('INVALID');
  const n = s.length;
  if (n === 0) return fail('INVALID');
  let int = '';
  let frac = '';
  let i = 0;
  let groupLen = 0;
  let sawComma = false;
  let firstGroup = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      int += s[i];
      groupLen++;
    } else if (c === 44) {
      if (groupLen === 0) return fail('INVALID');
      if (!sawComma) {
        firstGroup = groupLen;
        if (firstGroup > 3) return fail('AMBIGUOUS');
      } else if (groupLen !== 3) return fail('AMBIGUOUS');
      sawComma = true;
      groupLen = 0;
    } else if (c === 46) break;
    else if (isSpaceCode(c)) return fail('INVALID');
    else return fail('INVALID');
  }
  if (sawComma && groupLen !== 3) return fail('AMBIGUOUS');
  if (int.length === 0) {
    if (i < n && s.charCodeAt(i) === 46) int = '0';
    else return fail('INVALID');
  }
  if (i < n) {
    i++;
    const fracStart = i;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (isDigit(c)) continue;
      if (c === 44 || c === 46) return fail('AMBIGUOUS');
      return fail('INVALID');
    }
    frac = s.slice(fracStart);
    if (frac.length === 0 && int.length === 0) return fail('INVALID');
  }
  return { negative, int, frac };
}

function stripLeadingZeros(int: string): string {
  let k = 0;
  while (k < int.length - 1 && int.charCodeAt(k) === 48) k++;
  return k === 0 ? int : int.slice(k);
}

/** Digits to an integer count of 10^-exponent, rounding half away from zero; null when too large. */
function toScaled(x: Scanned, exponent: number): number | null {
  const int = stripLeadingZeros(x.int);
  let frac = x.frac;
  let roundUp = false;
  if (frac.length > exponent) {
    roundUp = frac.charCodeAt(exponent) >= 53;
    frac = frac.slice(0, exponent);
  } else if (frac.length < exponent) frac = frac.padEnd(exponent, '0');
  const digits = int === '0' ? frac : int + frac;
  if (digits.length > MAX_DIGITS + 1) return null;
  let v = digits.length === 0 ? 0 : Number(digits);
  if (roundUp) v += 1;
  if (!Number.isSafeInteger(v)) return null;
  return x.negative && v !== 0 ? -v : v;
}

/**
 * Fast path without allocation for plain ASCII `123`, `-123`, `123.456`: the value scaled by
 * 10^exponent (rounded half away from zero), or NaN when the text has another shape or is too large.
 */
function plainScaled(s: string, exponent: number): number {
  const n = s.length;
  if (n === 0 || n > 16) return Number.NaN;
  let i = 0;
  let negative = false;
  if (s.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  let v = 0;
  const intStart = i;
  for (; i < n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    v = v * 10 + c;
  }
  if (i === intStart) return Number.NaN;
  let taken = 0;
  let roundUp = false;
  if (i < n) {
    if (s.charCodeAt(i) !== 46) return Number.NaN;
    i++;
    if (i === n) return Number.NaN;
    for (let k = 0; i < n; i++, k++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return Number.NaN;
      if (k < exponent) {
        v = v * 10 + c;
        taken++;
      } else if (k === exponent) roundUp = c >= 5;
    }
  }
  for (; taken < exponent; taken++) v *= 10;
  if (roundUp) v += 1;
  if (!Number.isSafeInteger(v)) return Number.NaN;
  return negative && v !== 0 ? -v : v;
}

const E_NOTATION = /^-?\d{1,17}(?:\.\d{1,17})?[eE][+-]?\d{1,3}$/;

/** `1.5E+3`, `-2.5e-2` (how spreadsheets write some numbers): the value scaled, or NaN. */
function scientificScaled(raw: string, exponent: number): number {
  const s = raw.trim();
  if (!E_NOTATION.test(s)) return Number.NaN;
  const v = Number(s);
  if (!Number.isFinite(v)) return Number.NaN;
  const scaled = Math.sign(v) * Math.round(Math.abs(v) * 10 ** exponent);
  return Number.isSafeInteger(scaled) ? scaled + 0 : Number.NaN;
}

/** Parses an amount into integer minor units (`exponent` = the currency's minor-unit digits). */
export function parseAmount(raw: string, opts: { exponent: number }): ParseAmountResult {
  const fast = plainScaled(raw, opts.exponent);
  if (!Number.isNaN(fast)) return { ok: true, minor: fast };
  const x = scanNumber(raw, true);
  if (x === null) {
    const sci = scientificScaled(raw, opts.exponent);
    if (!Number.isNaN(sci)) return { ok: true, minor: sci };
    return { ok: false, code: `AMOUNT_${scanFailure}` };
  }
  const v = toScaled(x, opts.exponent);
  if (v === null) return { ok: false, code: 'AMOUNT_TOO_LARGE' };
  return { ok: true, minor: v };
}

const QUANTITY_DECIMALS = 6;

/** A quantity worked out from others (a line less its returned units), at the decimals parseQuantity keeps. */
export function roundQuantity(q: number): number {
  return Math.round(q * 10 ** QUANTITY_DECIMALS) / 10 ** QUANTITY_DECIMALS;
}

/** Parses a quantity: decimals allowed (kept to 6 places), signs and thousands separators as amounts. */
export function parseQuantity(raw: string): ParseQuantityResult {
  const fast = plainScaled(raw, QUANTITY_DECIMALS);
  if (!Number.isNaN(fast) && Math.abs(fast) <= 1e15)
    return { ok: true, value: fast / 10 ** QUANTITY_DECIMALS };
  const x = scanNumber(raw, false);
  if (x === null) {
    const sci = scientificScaled(raw, QUANTITY_DECIMALS);
    if (!Number.isNaN(sci) && Math.abs(sci) <= 1e15)
      return { ok: true, value: sci / 10 ** QUANTITY_DECIMALS };
    return { ok: false, code: `QUANTITY_${scanFailure}` };
  }
  const v = toScaled(x, QUANTITY_DECIMALS);
  if (v === null || Math.abs(v) > 1e15) return { ok: false, code: 'QUANTITY_TOO_LARGE' };
  return { ok: true, value: v / 10 ** QUANTITY_DECIMALS };
}

/** Parses a whole number (counts, scores); `12.0` is fine, `12.5` is NUMBER_NOT_INTEGER. */
export function parseInteger(raw: string): ParseIntegerResult {
  if (raw.indexOf('.') === -1) {
    const fast = plainScaled(raw, 0);
    if (!Number.isNaN(fast)) return { ok: true, value: fast };
  }
  const x = scanNumber(raw, false);
  if (x === null) return { ok: false, code: `NUMBER_${scanFailure}` };
  for (let i = 0; i < x.frac.length; i++)
    if (x.frac.charCodeAt(i) !== 48) return { ok: false, code: 'NUMBER_NOT_INTEGER' };
  const v = toScaled({ negative: x.negative, int: x.int, frac: '' }, 0);
  if (v === null) return { ok: false, code: 'NUMBER_TOO_LARGE' };
  return { ok: true, value: v };
}

/** Currency words and signs that name one currency (a lone `$` or `¥` names none). */
const CURRENCY_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['nt$', 'TWD'],
  ['ntd', 'TWD'],
  ['twd', 'TWD'],
  ['新台幣', 'TWD'],
  ['新臺幣', 'TWD'],
  ['台幣', 'TWD'],
  ['臺幣', 'TWD'],
  ['hk$', 'HKD'],
  ['hkd', 'HKD'],
  ['港幣', 'HKD'],
  ['港币', 'HKD'],
  ['us$', 'USD'],
  ['usd', 'USD'],
  ['mop$', 'MOP'],
  ['mop', 'MOP'],
  ['rmb', 'CNY'],
  ['cny', 'CNY'],
  ['人民幣', 'CNY'],
  ['人民币', 'CNY'],
  ['s$', 'SGD'],
  ['sgd', 'SGD'],
  ['jpy', 'JPY'],
  ['eur', 'EUR'],
  ['€', 'EUR'],
  ['gbp', 'GBP'],
  ['£', 'GBP'],
  ['bdt', 'BDT'],
  ['৳', 'BDT'],
];

/**
 * The ISO code an amount's prefix or suffix names (`£12.50` GBP, `HK$1,200` HKD, `1,200 TWD`), or
 * null (plain numbers, `$`). Used on a sample of lines to find a file's currency, not on every line.
 */
export function currencyOfAmount(raw: string): string | null {
  const s = toHalfWidth(raw)
    .trim()
    .toLowerCase()
    .replace(/^[(+-]+/, '');
  if (s.length === 0 || (s.charCodeAt(0) >= 48 && s.charCodeAt(0) <= 57 && /\d$/.test(s))) return null;
  for (const [word, code] of CURRENCY_WORDS) if (s.startsWith(word) || s.endsWith(word)) return code;
  return null;
}

/** A Currency column's value as an ISO code (`gbp`, `£`, `港幣` → GBP, HKD), or the text upper-cased. */
export function currencyCode(raw: string): string | null {
  const s = toHalfWidth(raw).trim();
  if (s.length === 0) return null;
  const lower = s.toLowerCase();
  for (const [word, code] of CURRENCY_WORDS) if (lower === word) return code;
  return s.toUpperCase();
}
