/**
 * Full-width ASCII forms (Ｕ+FF01–FF5E, e.g. １２３, ，．) and the ideographic space become their
 * ASCII twins; a Unicode minus sign becomes '-'. Strings without any non-ASCII character are
 * returned untouched, so the common case costs one scan.
 */
export function toHalfWidth(raw: string): string {
  let i = 0;
  const n = raw.length;
  while (i < n && raw.charCodeAt(i) < 0x80) i++;
  if (i === n) return raw;
  let out = raw.slice(0, i);
  for (; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000 || c === 0x00a0 || c === 0x2002 || c === 0x2003 || c === 0x2009 || c === 0x202f)
      out += ' ';
    else if (c === 0x2212 || c === 0x2013) out += '-';
    else if (c === 0xfe63) out += '-';
    else if (c === 0xfe50) out += ',';
    else if (c === 0xfe52) out += '.';
    else out += raw[i];
  }
  return out;
}

/** True for ASCII whitespace, NBSP, the ideographic space and the BOM. */
export function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0xfeff;
}

/** Trims ASCII and CJK spaces (String.prototype.trim already covers U+3000 and NBSP). */
export function trimCell(raw: string): string {
  const n = raw.length;
  if (n === 0) return raw;
  if (!isSpaceCode(raw.charCodeAt(0)) && !isSpaceCode(raw.charCodeAt(n - 1))) return raw;
  return raw.trim();
}

/** How many cells of a row hold something (blank and space-only cells do not). */
export function filledCells(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) if (trimCell(c).length > 0) n++;
  return n;
}

/** The first cell of a row that holds something, trimmed, or null. */
export function firstFilledCell(cells: readonly string[]): string | null {
  for (const c of cells) {
    const v = trimCell(c);
    if (v.length > 0) return v;
  }
  return null;
}
