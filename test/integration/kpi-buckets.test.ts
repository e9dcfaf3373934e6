import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/calendar/dates.ts';
import { openDatabase, type PacerDatabase } from '../../src/db/connect.ts';
import { bucketCase, type Piece, weekStartCase } from '../../src/db/kpi/kpi-sql.ts';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.ts';

/**
 * The CASE that maps a date to its bucket is evaluated by the database: for many disjoint pieces it
 * searches by halves. Whatever its shape, each date gets the first piece (in the caller's order) that
 * holds it, or −1.
 */

const FIRST = '2024-12-20';
const day = (n: number) => addDays(FIRST, n);

/** What the flat CASE gives: the first piece, in the given order, holding the date. */
const expected = (date: string, pieces: readonly Piece[]) =>
  pieces.find((p) => p.start <= date && date <= p.end)?.bucket ?? -1;

/** Disjoint pieces, with gaps, in a shuffled order, bucket numbers in that order. */
const disjointPieces = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 40 })), {
    minLength: 0,
    maxLength: 400,
  })
  .chain((spans) => {
    let at = 0;
    const ranges = spans.map(([gap, length]) => {
      const start = at + gap;
      at = start + length + 1;
      return { start: day(start), end: day(start + length) };
    });
    return fc.shuffledSubarray(ranges, { minLength: ranges.length, maxLength: ranges.length });
  })
  .map((ranges) => ranges.map((r, bucket) => ({ ...r, bucket })));

/** Any pieces, overlaps allowed. */
const anyPieces = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 60 })), { maxLength: 40 })
  .map((xs) => xs.map(([s, l], bucket) => ({ start: day(s), end: day(s + l), bucket })));

describe.each(dialects())('bucket CASE (%s)', (dialect) => {
  let tdb: TestDatabase;
  let d: PacerDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    d = openDatabase(tdb.config);
  });
  afterAll(async () => {
    await d?.close();
    await tdb?.drop();
  });

  /** Evaluates the CASE for every day of the test range, in one statement. */
  async function evaluate(pieces: readonly Piece[], days: number): Promise<number[]> {
    const dates = Array.from({ length: days }, (_, i) => day(i - 3));
    const rows = sql.join(dates.map((x, i) => sql`(${sql.lit(i)}, ${x})`));
    const column = dialect === 'postgres' ? sql`CAST(v.d AS text)` : sql`v.d`;
    const r = await sql<{ i: number; b: number }>`
      WITH v(i, d) AS (VALUES ${rows})
      SELECT v.i AS i, ${bucketCase(column, pieces)} AS b FROM v ORDER BY v.i`.execute(d.db);
    expect(r.rows.map((x) => Number(x.i))).toEqual(dates.map((_, i) => i));
    return r.rows.map((x) => Number(x.b));
  }

  const check = async (pieces: readonly Piece[]) => {
    const days = 420;
    const got = await evaluate(pieces, days);
    const want = Array.from({ length: days }, (_, i) => expected(day(i - 3), pieces));
    expect(got).toEqual(want);
  };

  it('a year by day (365 pieces) maps every date, and the days around it to −1', async () => {
    await check(Array.from({ length: 365 }, (_, i) => ({ start: day(i), end: day(i), bucket: i })));
  });

  it('disjoint pieces with gaps, in any order', async () => {
    await fc.assert(fc.asyncProperty(disjointPieces, check), { numRuns: 40 });
  });

  it('overlapping pieces: the first that holds the date wins', async () => {
    await fc.assert(fc.asyncProperty(anyPieces, check), { numRuns: 40 });
  });

  it("the week CASE gives each day's Monday in the weeks its span touches, NULL outside", async () => {
    // The span starts on a Wednesday (2024-12-25) and ends on a Saturday, across a year's end.
    const span = { start: day(5), end: day(400) };
    const dates = Array.from({ length: 420 }, (_, i) => day(i - 3));
    const rows = sql.join(dates.map((x, i) => sql`(${sql.lit(i)}, ${x})`));
    const column = dialect === 'postgres' ? sql`CAST(v.d AS text)` : sql`v.d`;
    const r = await sql<{ w: string | null }>`
      WITH v(i, d) AS (VALUES ${rows})
      SELECT ${weekStartCase(column, span)} AS w FROM v ORDER BY v.i`.execute(d.db);
    // Day 0 (2024-12-20) is a Friday: a date's Monday is (its day number − 3) rounded down to 7.
    const monday = (n: number) => day(Math.floor((n - 3) / 7) * 7 + 3);
    // The span's weeks: 2024-12-23 (the Monday before day 5) to 2026-01-25 (the Sunday after day 400).
    expect(r.rows.map((x) => x.w)).toEqual(
      dates.map((x, i) => (x >= '2024-12-23' && x <= '2026-01-25' ? monday(i - 3) : null)),
    );
    expect(monday(0)).toBe('2024-12-16');
    expect([day(5), day(400)]).toEqual(['2024-12-25', '2026-01-24']);
  });
});
