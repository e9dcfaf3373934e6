/**
 * Customer id lists as the customer KPIs read them (customer-activity.ts, readRetention): each
 * period × key's customers come back from the database as one string_agg list ('12,7,40'), are
 * parsed here and matched in the app (distinct customers, those active again, first purchases).
 *
 * The ids of one reading live in one IdArena, an Int32Array that doubles as it fills: customer ids
 * are int4 (PostgreSQL's serial, SQLite's rowids counted up), off the V8 heap, so a scavenge never
 * copies them (with arrays of numbers, garbage collection was 44 of CLV by product by week's 118 ms of
 * CPU on PostgreSQL at 1M lines). A list (IdList) is a run of spans of the arena: a year of product
 * weeks makes thousands of lists, and an Int32Array of their own each (allocated, grown, collected)
 * cost more than parsing their ids (bench/RESULTS.md). A period that is both a bucket and the
 * previous period of the next is parsed once, its span in both lists.
 */

/** The ids of one reading, appended in order; lists hold spans of it. */
export class IdArena {
  ids = new Int32Array(4096);
  length = 0;

  /** Room for `more` ids after the last (the array doubled, or sized to fit). */
  reserve(more: number): Int32Array {
    if (this.length + more <= this.ids.length) return this.ids;
    const grown = new Int32Array(Math.max(this.ids.length * 2, this.length + more));
    grown.set(this.ids.subarray(0, this.length));
    this.ids = grown;
    return grown;
  }

  /** Appends the ids of a string_agg list of integer ids ('12,7,40'), read digit by digit. */
  appendText(text: string): void {
    if (text.length === 0) return;
    // At least one character a digit and one a comma: never more ids than that.
    const ids = this.reserve((text.length + 1) >> 1);
    let n = this.length;
    let id = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 44) {
        ids[n] = id;
        n += 1;
        id = 0;
      } else id = id * 10 + (ch - 48);
    }
    ids[n] = id;
    this.length = n + 1;
  }

  /** Appends `value` `count` times. */
  appendRepeated(value: number, count: number): void {
    if (count <= 0) return;
    this.reserve(count).fill(value, this.length, this.length + count);
    this.length += count;
  }
}

/**
 * One list's ids: spans [start, end) of its arena, in order. Read them with `spans` and
 * `arena.ids` once every list of the arena is written (the arena's array is replaced as it grows).
 */
export class IdList {
  /** [start, end) pairs into the arena's ids. */
  readonly spans: number[] = [];
  length = 0;

  constructor(readonly arena: IdArena) {}

  /** Adds the arena's ids [start, end) after what the list holds (joined to its last span when they touch). */
  addSpan(start: number, end: number): void {
    if (end <= start) return;
    const n = this.spans.length;
    if (n > 0 && this.spans[n - 1] === start) this.spans[n - 1] = end;
    else this.spans.push(start, end);
    this.length += end - start;
  }

  push(c: number): void {
    const a = this.arena;
    a.reserve(1)[a.length] = c;
    a.length += 1;
    this.addSpan(a.length - 1, a.length);
  }

  /** Appends the ids of a string_agg list ('12,7,40'); nothing for null or ''. */
  appendText(list: unknown): void {
    if (list === null || list === undefined) return;
    const start = this.arena.length;
    this.arena.appendText(String(list));
    this.addSpan(start, this.arena.length);
  }

  /** Appends `value` `count` times (a line count of one for each of `count` ids). */
  appendRepeated(value: number, count: number): void {
    const start = this.arena.length;
    this.arena.appendRepeated(value, count);
    this.addSpan(start, this.arena.length);
  }

  /** Appends ids held in an array. */
  appendAll(cs: readonly number[]): void {
    if (cs.length === 0) return;
    const a = this.arena;
    const ids = a.reserve(cs.length);
    for (let i = 0; i < cs.length; i++) ids[a.length + i] = cs[i] as number;
    a.length += cs.length;
    this.addSpan(a.length - cs.length, a.length);
  }

  /** The ids in order, as an array (tests; small lists). */
  toArray(): number[] {
    const out: number[] = [];
    const { ids } = this.arena;
    for (let s = 0; s < this.spans.length; s += 2)
      for (let i = this.spans[s] as number; i < (this.spans[s + 1] as number); i++)
        out.push(ids[i] as number);
    return out;
  }
}

/** Appends the ids of a string_agg list of integer ids ('12,7,40') to `into`, read digit by digit. */
export function pushIds(into: number[], list: unknown): void {
  if (list === null || list === undefined) return;
  const text = String(list);
  if (text.length === 0) return;
  let id = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 44) {
      into.push(id);
      id = 0;
    } else id = id * 10 + (ch - 48);
  }
  into.push(id);
}

/**
 * Appends the ids of a string_agg list of `id:amount` pairs ('12:3500,7:-200') to `ids` and adds
 * each pair's amount to `amounts` at the same place, read character by character.
 */
export function pushPairs(ids: number[], amounts: number[], list: unknown): void {
  if (list === null || list === undefined) return;
  const text = String(list);
  if (text.length === 0) return;
  let id = 0;
  let amount = 0;
  let sign = 1;
  let inAmount = false;
  for (let i = 0; i <= text.length; i++) {
    const ch = i === text.length ? 44 : text.charCodeAt(i);
    if (ch === 44) {
      ids.push(id);
      amounts.push(sign * amount);
      id = 0;
      amount = 0;
      sign = 1;
      inAmount = false;
    } else if (ch === 58) inAmount = true;
    else if (ch === 45) sign = -1;
    else if (inAmount) amount = amount * 10 + (ch - 48);
    else id = id * 10 + (ch - 48);
  }
}

/**
 * Marks of customer ids, one array indexed by id with a new stamp per list (so it is never cleared),
 * not Sets (three times the time, on the server's event loop).
 */
export class CustomerMarks {
  private marks = new Int32Array(1024);
  private stamp = 0;
  /** A new stamp: no customer carries it yet. */
  next(): number {
    this.stamp += 1;
    return this.stamp;
  }
  /** Marks `c` with `stamp`; says whether it carried another before. */
  mark(c: number, stamp: number): boolean {
    if (c >= this.marks.length) {
      const grown = new Int32Array(Math.max(c + 1, this.marks.length * 2));
      grown.set(this.marks);
      this.marks = grown;
    }
    if (this.marks[c] === stamp) return false;
    this.marks[c] = stamp;
    return true;
  }
  has(c: number, stamp: number): boolean {
    return c < this.marks.length && this.marks[c] === stamp;
  }
}

/** The distinct ids of `list`, marked with a new stamp (returned). */
export function markAll(marks: CustomerMarks, list: IdList): { stamp: number; distinct: number } {
  const stamp = marks.next();
  let distinct = 0;
  const { ids } = list.arena;
  const { spans } = list;
  for (let s = 0; s < spans.length; s += 2)
    for (let i = spans[s] as number; i < (spans[s + 1] as number); i++)
      if (marks.mark(ids[i] as number, stamp)) distinct += 1;
  return { stamp, distinct };
}
