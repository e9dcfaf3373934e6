import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { importCsv } from '../support/imports.ts';

// A few lines a batch, so that repeats fall in other batches than the responses they repeat.
process.env.PACER_IMPORT_BATCH = '3';

/**
 * Survey responses (customer satisfaction) that repeat: a survey export pasted twice, or imported
 * again. Without a response ID a response is known by its day, customer, channel, scores and comment:
 * the repeats inside a file are imported once and told with their lines (a pasted export must not
 * double the responses), those an earlier import added are told as imported before.
 */
const HEADER = '回覆編號,日期,客戶,通路,CSAT,NPS,意見';
const ROWS = [
  ',2026-01-05,M001,門市,5,10,很好喝',
  ',2026-01-05,,門市,4,8,',
  ',2026-01-06,M002,門市,3,6,等太久',
  'R9,2026-01-07,,臉書廣告,4,9,',
  ',2026-01-08,,門市,5,9,',
];
const csv = (rows: readonly string[]) => [HEADER, ...rows].join('\r\n');
const none = { count: 0, lines: [] };

describe.each(dialects())('satisfaction responses that repeat (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect, { maxUploadBytes: 64 * 1024 });
  });
  afterAll(async () => h?.close());

  const responses = async (companyId: string) =>
    Number(
      (
        await h.runtime.database.db
          .selectFrom('satisfaction_responses')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('company_id', '=', companyId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const survey = async (
    client: Parameters<typeof importCsv>[0],
    companyId: string,
    rows: readonly string[],
  ) => {
    const { job } = await importCsv(client, companyId, 'survey.csv', csv(rows), { kind: 'satisfaction' });
    expect(job.state, JSON.stringify(job)).toBe('done');
    return job as { importId: string; result: Record<string, unknown> };
  };

  it('a survey export pasted twice: each response once, the repeats told with their lines', async () => {
    const { client, companyId } = await signUp(h.app);
    // The rows pasted a second time below the first (file lines 7–11).
    const first = await survey(client, companyId, [...ROWS, ...ROWS]);
    expect(first.result).toMatchObject({
      linesRead: 10,
      added: 5,
      duplicates: 0,
      rejected: 0,
      repeatedLines: none,
      repeatedKeys: { count: 5, lines: [7, 8, 9, 10, 11] },
    });
    expect(await responses(companyId)).toBe(5);
    const record = (await client.get(`/api/companies/${companyId}/imports`))
      .json()
      .find((r: { id: string }) => r.id === first.importId);
    expect(record).toMatchObject({ added: 5, duplicates: 0 });
    expect(record.account.repeatedKeys).toEqual({ count: 5, lines: [7, 8, 9, 10, 11] });

    // Again: nothing added; the file's repeats are told again, the rest were imported before.
    const again = await survey(client, companyId, [...ROWS, ...ROWS]);
    expect(again.result).toMatchObject({
      added: 0,
      duplicates: 5,
      repeatedKeys: { count: 5, lines: [7, 8, 9, 10, 11] },
    });
    expect(await responses(companyId)).toBe(5);
  });

  it('responses imported before: duplicates, not repeats of the file; a new one is added', async () => {
    const { client, companyId } = await signUp(h.app);
    expect((await survey(client, companyId, ROWS)).result).toMatchObject({
      added: 5,
      duplicates: 0,
      repeatedKeys: none,
    });
    const more = await survey(client, companyId, [...ROWS, ',2026-01-09,M003,門市,2,3,太甜']);
    expect(more.result).toMatchObject({ added: 1, duplicates: 5, repeatedKeys: none, repeatedLines: none });
    expect(await responses(companyId)).toBe(6);
    // The same response ID twice in one file is one response too (only the first is imported).
    const ids = await survey(client, companyId, ['R20,2026-01-10,,門市,5,10,', 'R20,2026-01-10,,門市,1,0,']);
    expect(ids.result).toMatchObject({ added: 1, duplicates: 0, repeatedKeys: { count: 1, lines: [3] } });
    expect(await responses(companyId)).toBe(7);
  });
});
