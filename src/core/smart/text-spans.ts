/** Spans of a statement: clauses, masks, and cutting the original words out by index. */

export interface TextSpan {
  index: number;
  length: number;
}

export const MASK = '□';

/** Replaces each span with mask characters, keeping every index in place. */
export function maskSpans(text: string, spans: readonly TextSpan[]): string {
  const chars = text.split('');
  for (const s of spans) {
    for (let i = s.index; i < s.index + s.length && i < chars.length; i++) chars[i] = MASK;
  }
  return chars.join('');
}

export function overlaps(a: TextSpan, b: TextSpan): boolean {
  return a.index < b.index + b.length && b.index < a.index + a.length;
}

/** Clause boundaries: punctuation, but not the comma or point inside a number (2,000,000 / 3.5). */
export function splitClauses(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const prev = text.charAt(i - 1);
    const next = text.charAt(i + 1);
    let boundary = /[;。!?！？\n]/.test(ch);
    if (ch === ',') boundary = !(/\d/.test(prev) && /\d/.test(next));
    if (ch === '.') boundary = next === '' || /\s/.test(next);
    if (boundary) {
      if (i > start) spans.push({ index: start, length: i - start });
      start = i + 1;
    }
  }
  if (text.length > start) spans.push({ index: start, length: text.length - start });
  return spans;
}

export function clauseOf(clauses: readonly TextSpan[], index: number): TextSpan {
  return clauses.find((c) => index >= c.index && index < c.index + c.length) ?? { index, length: 0 };
}

/** The original words of a span, trimmed of spaces and joining particles. */
export function cutWords(original: string, span: TextSpan): string {
  return original
    .slice(span.index, span.index + span.length)
    .replace(/^[\s的之,、]+|[\s的之,、]+$/g, '')
    .trim();
}

/** Keeps the first of equal items and drops items contained in a longer one (「廣告」 in 「線上廣告」). */
export function dedupeWords(items: readonly string[]): string[] {
  const key = (s: string): string => s.toLowerCase().replace(/\s+/g, '');
  const out: string[] = [];
  for (const item of items) {
    const k = key(item);
    if (!k) continue;
    if (out.some((o) => key(o).includes(k))) continue;
    for (let i = out.length - 1; i >= 0; i--) if (k.includes(key(out[i] ?? ''))) out.splice(i, 1);
    out.push(item);
  }
  return out;
}
