/** Encodings the readers decode (iconv-lite names). */
export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'cp950';

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes of byte-order mark at the start (0 when none). */
  bomLength: number;
}

/**
 * Guesses the encoding of a text file from its first bytes: a BOM (UTF-8, UTF-16LE/BE); UTF-16
 * without BOM by its zero bytes at odd or even positions; UTF-8 when the sample's multi-byte
 * sequences are (nearly all) valid UTF-8 (a sequence cut at the end of the sample is allowed);
 * else Big5 (CP950, Windows' Traditional Chinese code page). A UTF-8 file with a few bad bytes stays
 * UTF-8 (its bad lines are named, each holding U+FFFD once decoded): Big5 text read as UTF-8 is
 * mostly invalid sequences, UTF-8 with a stray byte mostly valid ones.
 */
export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  const n = sample.length;
  if (n >= 3 && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { encoding: 'utf8', bomLength: 3 };
  if (n >= 2 && sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf16le', bomLength: 2 };
  if (n >= 2 && sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf16be', bomLength: 2 };
  const utf16 = guessUtf16(sample);
  if (utf16 !== null) return { encoding: utf16, bomLength: 0 };
  const { valid, invalid } = utf8Sequences(sample);
  if (invalid === 0 || valid >= UTF8_MIN_SHARE * (valid + invalid)) return { encoding: 'utf8', bomLength: 0 };
  return { encoding: 'cp950', bomLength: 0 };
}

function guessUtf16(s: Uint8Array): TextEncoding | null {
  const n = Math.min(s.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (s[i] === 0) evenZero++;
    if (s[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  // ASCII-heavy UTF-16 text has a zero in almost every pair on one side and almost none on the other.
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf16be';
  return null;
}

/** Share of valid multi-byte sequences above which a sample with some bad bytes is still UTF-8. */
const UTF8_MIN_SHARE = 0.9;

/**
 * Counts well-formed multi-byte UTF-8 sequences and bytes that start no well-formed sequence (a bad
 * byte is skipped alone, so one stray byte counts once). A sequence cut at the end is not counted.
 */
export function utf8Sequences(s: Uint8Array): { valid: number; invalid: number } {
  const n = s.length;
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < n) {
    const b = s[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = sequenceLength(s, i);
    if (len === 0) break;
    if (len < 0) {
      invalid++;
      i++;
    } else {
      valid++;
      i += len;
    }
  }
  return { valid, invalid };
}

/** Length of the well-formed sequence at `i`; -1 when it is not one; 0 when it is cut by the end. */
function sequenceLength(s: Uint8Array, i: number): number {
  const b = s[i]!;
  let need: number;
  let min: number;
  if (b >= 0xc2 && b <= 0xdf) {
    need = 1;
    min = 0x80;
  } else if (b >= 0xe0 && b <= 0xef) {
    need = 2;
    min = 0x800;
  } else if (b >= 0xf0 && b <= 0xf4) {
    need = 3;
    min = 0x10000;
  } else return -1;
  let cp = b & (0x3f >> need);
  for (let k = 1; k <= need; k++) {
    if (i + k >= s.length) return 0;
    const c = s[i + k]!;
    if ((c & 0xc0) !== 0x80) return -1;
    cp = (cp << 6) | (c & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return -1;
  return need + 1;
}

/** True when the bytes are well-formed UTF-8 (no overlongs or surrogates); a cut final sequence is fine. */
export function isValidUtf8(s: Uint8Array): boolean {
  const n = s.length;
  let i = 0;
  while (i < n) {
    const b = s[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return false;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return true;
      const c = s[i + k]!;
      if ((c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}
