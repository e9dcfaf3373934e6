import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrayLiteral } from '../../src/db/bulk-insert.ts';
import { arrayView } from '../../src/db/kpi/rollup-accumulator.ts';
import { type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { importCsv } from '../support/imports.ts';

/**
 * PostgreSQL imports send each column as one array literal (src/db/bulk-insert.ts): every value comes
 * back from the database as it was sent — text with quotes, backslashes, commas, braces, spaces,
 * the word NULL, empty strings, CJK; integers up to 2^53; floats; NULLs — and an import's awkward
 * order ids and campaign codes are stored as written, on both databases.
 */

// No NUL (PostgreSQL text cannot hold it; the import contract strips control characters).
const text = fc.string({ unit: 'binary', maxLength: 12 }).filter((s) => !s.includes('\u0000'));
const awkward = fc.constantFrom(
  '',
  ' ',
  'NULL',
  'null',
  '"',
  '\\',
  '\\"',
  '{',
  '}',
  '{a,b}',
  ',',
  'a b',
  '拿鐵 "特大"',
);

describe.each(dialects())('bulk inserts (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it.runIf(dialect === 'postgres')('an array literal reads back as the values it was made of', async () => {
    const db = h.runtime.database.db;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(fc.oneof(text, awkward), { nil: null }), { maxLength: 20 }),
        fc.array(fc.option(fc.maxSafeInteger(), { nil: null }), { maxLength: 20 }),
        fc.array(fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }), {
          maxLength: 20,
        }),
        async (texts, ints, floats) => {
          const t = await sql<{
            v: string | null;
          }>`SELECT unnest(CAST(${arrayLiteral(arrayView(texts), (v) => v, true)} AS text[])) AS v`.execute(
            db,
          );
          expect(t.rows.map((r) => r.v)).toEqual(texts);
          const n = await sql<{
            v: string | null;
          }>`SELECT CAST(unnest(CAST(${arrayLiteral(arrayView(ints), (v) => v, false)} AS bigint[])) AS text) AS v`.execute(
            db,
          );
          expect(n.rows.map((r) => r.v)).toEqual(ints.map((v) => (v === null ? null : String(v))));
          const f = await sql<{
            v: number | null;
          }>`SELECT unnest(CAST(${arrayLiteral(arrayView(floats), (v) => v, false)} AS double precision[])) AS v`.execute(
            db,
          );
          // -0 reads back as 0 (String(-0) is "0").
          expect(f.rows.map((r) => r.v)).toEqual(floats.map((v) => (v === null ? null : v === 0 ? 0 : v)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('an import stores awkward order ids and campaign codes as written', async () => {
    const { client, companyId } = await signUp(h.app);
    const ids = ['A"1', 'B\\2', 'C,3', '{D}', 'NULL', ' E ', '訂單"五"', 'F\\"6'];
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const rows = ids.map(
      (id, i) => `${quote(id)},1,2026-03-0${1 + i} 10:00,拿鐵,1,100,100,M${i},門市,${quote(`活動${id}`)}`,
    );
    const { job } = await importCsv(
      client,
      companyId,
      'pos.csv',
      ['訂單編號,項次,交易時間,品名,數量,單價,金額,會員編號,通路,活動代碼', ...rows].join('\n'),
    );
    expect(job.state, JSON.stringify(job)).toBe('done');
    expect(job.result.added).toBe(ids.length);
    const stored = await h.runtime.database.db
      .selectFrom('sales_lines')
      .innerJoin('tenants', 'tenants.id', 'sales_lines.tenant_id')
      .select(['order_id', 'campaign_code', 'amount_minor', 'quantity'])
      .where('tenants.company_id', '=', companyId)
      .orderBy('sale_date')
      .execute();
    expect(
      stored.map((r) => [r.order_id, r.campaign_code, Number(r.amount_minor), Number(r.quantity)]),
    ).toEqual(ids.map((id) => [id.trim() === id ? id : id.trim(), `活動${id}`.trim(), 10000, 1]));
  });
});
