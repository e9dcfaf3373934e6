import { sql } from 'kysely';
import type { PacerMigration } from './helpers.ts';

/**
 * A sales line's quantity in double precision on PostgreSQL, as on SQLite (whose REAL is 8 bytes) and
 * as in every roll-up. It was `real` (4 bytes, 24 bits of mantissa): 16,777,217 units read back as
 * 16,777,216, 1234.567891 kg as 1234.5679; exports of the lines, KPI reads from the lines (customer
 * segments on days outside whole months or weeks) and roll-ups recomputed after an undo or a merge
 * showed the rounded value, while the roll-ups written at import kept the exact one.
 *
 * Stored values go through their text form, the shortest decimal that reads back as the same 4-byte
 * value: 0.1 becomes 0.1, not 0.10000000149011612 (its 4-byte value widened). Digits a 4-byte value
 * already lost are not recovered. SQLite: nothing to do.
 */
export const lineQuantityDouble: PacerMigration = {
  async up(db, ctx) {
    if (ctx.dialect !== 'postgres') return;
    await sql`ALTER TABLE sales_lines ALTER COLUMN quantity TYPE double precision
      USING CAST(CAST(quantity AS text) AS double precision)`.execute(db);
    await sql`ANALYZE sales_lines`.execute(db);
  },
};
