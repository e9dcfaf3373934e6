import { createHash } from 'node:crypto';
import type { LineRepeats } from '../../app/import/ports.ts';
import { fmix32 } from '../../core/hash.ts';
import type { SalesRecord, SatisfactionRecord } from '../../core/ingest/records.ts';

/** Lines listed with a count of repeats (the smallest file line numbers). */
export const REPEATS_LISTED = 20;

/**
 * Stable keys of sales lines, so that re-importing a file adds nothing and an overlapping file adds
 * only its new lines: the file's order id and line number; a line without an order id is keyed by a
 * hash of its content and how many identical lines came before it in the same file (two identical
 * sales in one export are two sales).
 *
 * It also tells the lines that repeat an earlier line of the file (a file pasted twice, an export
 * that repeats rows), which are otherwise silent:
 * - `repeatedLines`: a line without a line number whose content (time, product, customer, channel,
 *   rep, region, quantity, unit price, discount, amount, campaign) equals an earlier line of the same
 *   order, or, without an order id, an earlier identical line. It is keyed apart (the n-th line of
 *   its order, or the n-th occurrence) and imported as a sale of its own, as two scans of one item are.
 * - `repeatedKeys`: a line whose order id and line number an earlier line of the file already has
 *   (the file's line number, or the one given to a line of the same order without one). Only the
 *   first is imported; these are not "already imported" duplicates, and the sinks count them apart.
 * Content is compared by a 53-bit non-cryptographic fingerprint (a false match among a million lines:
 * about one chance in ten million), kept in one typed-array set (8 bytes a slot, at most half full).
 */
export class SalesLineKeyer {
  private readonly seenContent = new Map<string, number>();
  private readonly nextLineNo = new Map<string, number>();
  /** Fingerprints of (order, content) of lines without a line number, and of the file's (order, line number). */
  private readonly seen = new FingerprintSet();
  /** Whether a line with a line number has been keyed (only then can a numbered-by-us line collide). */
  private numbered = false;
  readonly repeatedLines = new RepeatTally();
  readonly repeatedKeys = new RepeatTally();

  key(r: SalesRecord): { orderId: string; lineNo: number } {
    if (r.orderId !== null) {
      if (r.lineNo !== null) {
        this.numbered = true;
        const fresh = this.seen.add(keyFingerprint(r.orderId, r.lineNo));
        // Taken before: by a line with this number, or by the lineNo-th line of the order without one.
        if (
          !fresh ||
          (this.nextLineNo.size > 0 && r.lineNo >= 1 && r.lineNo <= (this.nextLineNo.get(r.orderId) ?? 0))
        )
          this.repeatedKeys.add(r.line);
        return { orderId: r.orderId, lineNo: r.lineNo };
      }
      const n = (this.nextLineNo.get(r.orderId) ?? 0) + 1;
      this.nextLineNo.set(r.orderId, n);
      const sameContent = !this.seen.add(contentFingerprint(r, r.orderId));
      if (this.numbered && this.seen.has(keyFingerprint(r.orderId, n))) this.repeatedKeys.add(r.line);
      else if (sameContent) this.repeatedLines.add(r.line);
      return { orderId: r.orderId, lineNo: n };
    }
    const content = [
      r.soldAt,
      r.product,
      r.customer ?? '',
      r.channel ?? '',
      r.rep ?? '',
      r.region ?? '',
      r.quantity,
      r.unitPriceMinor ?? '',
      r.discountMinor,
      r.amountMinor,
      r.campaignCode ?? '',
    ].join('\u001f');
    const digest = createHash('sha256').update(content).digest('base64url').slice(0, 22);
    const occurrence = (this.seenContent.get(digest) ?? 0) + 1;
    this.seenContent.set(digest, occurrence);
    if (occurrence > 1) this.repeatedLines.add(r.line);
    return { orderId: `#${digest}`, lineNo: occurrence };
  }

  /** What the lines keyed so far repeated (copies: the tallies go on). */
  repeats(): { lines: LineRepeats; keys: LineRepeats } {
    return { lines: this.repeatedLines.view(), keys: this.repeatedKeys.view() };
  }
}

/**
 * Keys of satisfaction responses: the survey's response id, or, without one, a hash of the response's
 * content (day, customer, channel, CSAT, NPS, comment), so that re-importing a survey export adds
 * nothing (the store's ON CONFLICT DO NOTHING: duplicates, told as responses imported before). A
 * response whose key an earlier line of the same file has is not written at all (`key` answers null)
 * and is told apart (`repeats().keys`): a survey export pasted twice must not double the responses,
 * so two identical answers without ids are one (what tells two people apart is a response id).
 * Keys are compared by their 53-bit fingerprints, as the sales lines' are.
 */
export class ResponseKeyer {
  private readonly seen = new FingerprintSet();
  readonly repeatedKeys = new RepeatTally();

  key(r: SatisfactionRecord): string | null {
    const key = r.responseId ?? contentKey([r.respondedOn, r.customer, r.channel, r.csat, r.nps, r.comment]);
    if (this.seen.add(textFingerprint(key))) return key;
    this.repeatedKeys.add(r.line);
    return null;
  }

  /** What the responses keyed so far repeated (copies): `keys` only (none is written twice). */
  repeats(): { lines: LineRepeats; keys: LineRepeats } {
    return { lines: { count: 0, lines: [] }, keys: this.repeatedKeys.view() };
  }
}

/** How many lines repeated, and the smallest REPEATS_LISTED of their file line numbers, in order. */
export class RepeatTally {
  count = 0;
  private readonly first: number[] = [];

  add(line: number): void {
    this.count += 1;
    const l = this.first;
    if (l.length === REPEATS_LISTED && line >= (l[REPEATS_LISTED - 1] as number)) return;
    let i = l.length;
    while (i > 0 && (l[i - 1] as number) > line) i--;
    l.splice(i, 0, line);
    if (l.length > REPEATS_LISTED) l.pop();
  }

  view(): LineRepeats {
    return { count: this.count, lines: this.first.slice() };
  }
}

// A two-lane multiplicative hash over UTF-16 code units and the words of numbers: fast (two
// multiplications a character, no string built), each lane finished with murmur3's avalanche (core/hash.ts fmix32). The
// lanes live in an Int32Array between fields (a module variable holding a 32-bit value would be
// boxed at every store) and in locals within one.
const lanes = new Int32Array(2);
const scratch = new Float64Array(1);
const words = new Int32Array(scratch.buffer);

function mixWord(w: number): void {
  let a = lanes[0] as number;
  let b = lanes[1] as number;
  a = Math.imul(a ^ w, 0x9e3779b1);
  a ^= a >>> 15;
  b = Math.imul(b ^ w, 0x85ebca77);
  b ^= b >>> 13;
  lanes[0] = a;
  lanes[1] = b;
}

/** A string field, its length closing it (so that "ab","c" and "a","bc" differ); null differs from "". */
function mixText(s: string | null): void {
  if (s === null) {
    mixWord(0x7fffffff);
    return;
  }
  let a = lanes[0] as number;
  let b = lanes[1] as number;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x9e3779b1);
    a ^= a >>> 15;
    b = Math.imul(b ^ c, 0x85ebca77);
    b ^= b >>> 13;
  }
  lanes[0] = a;
  lanes[1] = b;
  mixWord(s.length);
}

function mixNumber(n: number | null): void {
  if (n === null) {
    mixWord(0x7ffffffe);
    mixWord(0);
    return;
  }
  scratch[0] = n;
  mixWord(words[0] as number);
  mixWord(words[1] as number);
}

/** 53 bits: lane A's 32 and lane B's top 21; never 0 (an empty slot). */
function fingerprint(): number {
  const fp = fmix32(lanes[0] as number) * 0x200000 + (fmix32(lanes[1] as number) >>> 11);
  return fp === 0 ? 1 : fp;
}

function keyFingerprint(orderId: string, lineNo: number): number {
  lanes[0] = 0x2545f491;
  lanes[1] = 0x6c8e9cf5;
  mixText(orderId);
  mixNumber(lineNo);
  return fingerprint();
}

function textFingerprint(text: string): number {
  lanes[0] = 0x3c6ef372;
  lanes[1] = 0x7f4a7c15;
  mixText(text);
  return fingerprint();
}

function contentFingerprint(r: SalesRecord, orderId: string): number {
  lanes[0] = 0x1b873593;
  lanes[1] = 0x27d4eb2f;
  mixText(orderId);
  mixText(r.soldAt);
  mixText(r.product);
  mixText(r.customer);
  mixText(r.channel);
  mixText(r.rep);
  mixText(r.region);
  mixNumber(r.quantity);
  mixNumber(r.unitPriceMinor);
  mixNumber(r.discountMinor);
  mixNumber(r.amountMinor);
  mixText(r.campaignCode);
  return fingerprint();
}

/** A set of fingerprints: open addressing over a Float64Array, linear probing, at most half full. */
class FingerprintSet {
  private slots = new Float64Array(1 << 16);
  private mask = (1 << 16) - 1;
  private size = 0;

  /** The slot holding `fp`, or the empty slot where it would go. */
  private find(fp: number): number {
    // Lane A (the fingerprint's top 32 bits) picks the first slot.
    let i = Math.floor(fp / 0x200000) & this.mask;
    for (;;) {
      const v = this.slots[i] as number;
      if (v === fp || v === 0) return i;
      i = (i + 1) & this.mask;
    }
  }

  has(fp: number): boolean {
    return this.slots[this.find(fp)] === fp;
  }

  /** Adds `fp`; false when it was there already. */
  add(fp: number): boolean {
    const i = this.find(fp);
    if (this.slots[i] === fp) return false;
    this.slots[i] = fp;
    this.size += 1;
    if (this.size * 2 > this.slots.length) this.grow();
    return true;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    this.mask = this.slots.length - 1;
    for (let j = 0; j < old.length; j++) {
      const fp = old[j] as number;
      if (fp !== 0) this.slots[this.find(fp)] = fp;
    }
  }
}

/** The line's unit price: the file's, else its amount plus discount over its quantity (0 for none). */
export function unitPriceMinor(r: SalesRecord): number {
  return (
    r.unitPriceMinor ?? (r.quantity !== 0 ? Math.round((r.amountMinor + r.discountMinor) / r.quantity) : 0)
  );
}

export function contentKey(parts: readonly (string | number | null)[]): string {
  return `#${createHash('sha256')
    .update(parts.map((p) => (p === null ? '' : String(p))).join('\u001f'))
    .digest('base64url')
    .slice(0, 22)}`;
}
