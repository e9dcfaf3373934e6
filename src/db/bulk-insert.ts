import { type RawBuilder, sql } from 'kysely';
import type { RowView } from './kpi/rollup-accumulator.ts';

/** The PostgreSQL element types a bulk insert sends. */
export type PgType = 'text' | 'integer' | 'bigint' | 'double precision';

/** A column of a bulk insert: its name, its PostgreSQL type, and where a row keeps its value. */
export type BulkColumn<R> = readonly [name: string, type: PgType, value: (r: R) => unknown];

/** A value every row of a bulk insert shares (the tenant, the import). */
export type BulkConstant = readonly [name: string, type: PgType, value: unknown];

/** A text element that must be escaped inside an array literal's double quotes. */
const SPECIAL = /["\\]/;
const SPECIALS = /["\\]/g;

/**
 * One column of rows as a PostgreSQL array literal ('{1,NULL,3}', '{"a","say \"hi\""}'), written here:
 * node-postgres would serialize a JS array element by element through its generic value preparation
 * (3.8 s of a million-line import's 19 s of JavaScript). Numbers are written as JavaScript prints them
 * (integers exactly, a float in its shortest round-trip form); null and undefined are NULL; text is
 * double-quoted, with `"` and `\` escaped by a backslash.
 */
export function arrayLiteral<R>(rows: RowView<R>, value: (r: R) => unknown, text: boolean): string {
  const parts = new Array<string>(rows.size);
  for (let i = 0; i < rows.size; i++) {
    const v = value(rows.row(i));
    if (v === null || v === undefined) parts[i] = 'NULL';
    else if (!text) parts[i] = String(v);
    else {
      const t = String(v);
      parts[i] = `"${SPECIAL.test(t) ? t.replace(SPECIALS, '\\$&') : t}"`;
    }
  }
  return `{${parts.join(',')}}`;
}

/**
 * `INSERT INTO table (…) SELECT … FROM unnest($1::integer[], $2::text[], …)` (PostgreSQL): one array
 * parameter per column, whatever the number of rows. Built as a multi-row VALUES list, a statement of
 * 1,000 sales lines has 17,000 parameters, which Kysely compiles and node-postgres sends one by one (an
 * import of a million lines spent most of its time there); the arrays also lift the 65,535-parameter
 * cap on the rows per statement. `tail` follows the SELECT (ON CONFLICT …, RETURNING …). Rows keep
 * their order (unnest of several arrays zips them); they are read through a view (a drain's shared
 * row object, or `arrayView` of an array), each value as its column's literal is written.
 */
export function unnestInsert<R, O = unknown>(
  table: string,
  constants: readonly BulkConstant[],
  columns: readonly BulkColumn<R>[],
  rows: RowView<R>,
  tail: RawBuilder<unknown> = sql``,
): RawBuilder<O> {
  const arrays = columns.map(([, type, value]) => arrayLiteral(rows, value, type === 'text'));
  const names = [...constants.map((c) => c[0]), ...columns.map((c) => c[0])];
  const selected = [
    ...constants.map(([, type, value]) => sql`CAST(${value} AS ${sql.raw(type)})`),
    ...columns.map((_, c) => sql.ref(`u.c${c}`)),
  ];
  const unnested = columns.map(([, type], c) => sql`CAST(${arrays[c]} AS ${sql.raw(type)}[])`);
  const aliases = columns.map((_, c) => sql.raw(`c${c}`));
  return sql<O>`INSERT INTO ${sql.table(table)} (${sql.join(names.map((n) => sql.ref(n)))})
    SELECT ${sql.join(selected)} FROM unnest(${sql.join(unnested)}) AS u(${sql.join(aliases)}) ${tail}`;
}

/**
 * The verb of the SQLite import's inserts of many rows in one statement (`VALUES (…), (…)` or `INSERT …
 * SELECT`). Under the default conflict algorithm (ABORT) such a statement may have to undo its own
 * rows (a NOT NULL failure halfway), so SQLite keeps a statement journal: a copy of every page the
 * statement changes, written to a temporary file. Measured with strace: 740 MB of page copies for a
 * 200,000-line XLSX, 790 MB for a million-line CSV. FAIL stops the statement without undoing the rows
 * it wrote, and needs no journal; an import's statements all run in its one transaction, which any
 * error rolls back whole (sqlite-import-client.ts), so a failed statement leaves nothing behind either
 * way. Not for a statement whose failure is caught and the transaction carried on.
 */
export const SQLITE_BULK_INSERT = 'INSERT OR FAIL INTO';
