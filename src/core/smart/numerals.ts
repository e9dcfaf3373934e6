/**
 * Numbers as people write them in goals: Arabic with thousands separators (2,000,000), Chinese
 * numerals (一千兩百萬, 十二萬五千, formal 壹貳參), mixed (1.2億, 50萬, 3千), English scales (2.5M, 300k).
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  貳: 2,
  兩: 2,
  三: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};

const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 萬: 1e4, 億: 1e8 };

/** Characters that may appear in a Chinese numeral. */
export const CHINESE_NUMERAL_CHARS = '零〇一壹二貳兩三參四肆五伍六陸七柒八捌九玖十拾百佰千仟萬億';

/**
 * Parses a Chinese numeral, optionally led by an Arabic number (「1.2億」, 「50萬」, 「3千5百」).
 * Returns null when the text is not a numeral.
 */
export function parseChineseNumeral(text: string): number | null {
  const s = text.replace(/[,\s]/g, '');
  if (s.length === 0) return null;
  let total = 0; // completed 億/萬 sections
  let section = 0; // the current section below 萬
  let digit: number | null = null;
  let sawAny = false;
  let i = 0;
  while (i < s.length) {
    const ch = s.charAt(i);
    const arabic = /^\d+(?:\.\d+)?/.exec(s.slice(i));
    if (arabic) {
      if (digit !== null) return null;
      digit = Number(arabic[0]);
      i += arabic[0].length;
      sawAny = true;
      continue;
    }
    if (ch in DIGITS) {
      // 「一千零五」: a 零 only separates; consecutive digits (「二〇二六」) read positionally.
      const d = DIGITS[ch] ?? 0;
      digit = digit !== null && ch !== '零' ? digit * 10 + d : d;
      sawAny = true;
      i++;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      section += (digit ?? 1) * small;
      digit = null;
      sawAny = true;
      i++;
      continue;
    }
    const big = BIG_UNITS[ch];
    if (big !== undefined) {
      const value = section + (digit ?? 0) || (sawAny ? 0 : 1);
      if (big === 1e8) total = (total + value) * big;
      else total += value * big;
      section = 0;
      digit = null;
      sawAny = true;
      i++;
      continue;
    }
    return null;
  }
  if (!sawAny) return null;
  // 「十二萬五」 = 125,000: a trailing digit after a unit takes the next lower place.
  let tail = digit ?? 0;
  if (digit !== null && Number.isInteger(digit) && digit < 10 && s.length >= 2) {
    const prev = s.charAt(s.length - 2);
    const placeBelow: Record<string, number> = { 萬: 1000, 千: 100, 仟: 100, 百: 10, 佰: 10, 億: 1e7 };
    const scale = placeBelow[prev];
    if (scale !== undefined && (s.charAt(s.length - 1) in DIGITS || /\d/.test(s.charAt(s.length - 1))))
      tail = digit * scale;
  }
  const result = total + section + tail;
  return Number.isFinite(result) ? result : null;
}

const ENGLISH_SCALES: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  mil: 1e6,
  mio: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

/** Parses a number token: Arabic (with separators), Chinese or mixed, with an optional English scale. */
export function parseNumberToken(text: string, scale?: string): number | null {
  const s = text.replace(/[,\s]/g, '');
  let value: number | null;
  if (/^\d+(?:\.\d+)?$/.test(s)) value = Number(s);
  else value = parseChineseNumeral(s);
  if (value === null) return null;
  if (scale) {
    const factor = ENGLISH_SCALES[scale.toLowerCase()];
    if (factor !== undefined) value *= factor;
  }
  return value;
}

/** Rounds away floating-point noise (1.2 × 1e8 = 120000000.00000001). */
export function roundNumber(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
