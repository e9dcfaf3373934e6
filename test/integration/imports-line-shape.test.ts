import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { importCsv, salesTotals } from '../support/imports.ts';

// An unquoted thousands separator: four fields under three headers on line 3.
const SPLIT = [
  '交易日期,品名,金額',
  '113/01/03,美式咖啡,80',
  '113/01/04,拿鐵,NT$1,200',
  '113/01/05,拿鐵,120',
].join('\n');

describe.each(dialects())('import line shape and strict mode (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  const totals = (companyId: string) => salesTotals(h.runtime.database.db, companyId);

  it('rejects a line whose amount was split by an unquoted comma, naming it, and keeps the others', async () => {
    const { client, companyId } = await signUp(h.app);
    const up = await client.upload(`/api/companies/${companyId}/imports/uploads`, 'split.csv', SPLIT);
    const preview = (
      await client.post(`/api/companies/${companyId}/imports/preview`, {
        uploadId: up.json().uploadId,
        kind: 'sales',
      })
    ).json();
    expect(preview.rows[1].problems[0]).toMatchObject({
      line: 3,
      column: '金額',
      code: 'FIELDS_SPLIT_AMOUNT',
      value: 'NT$1,200',
    });
    const { job } = await importCsv(client, companyId, 'split.csv', SPLIT);
    expect(job.state).toBe('done');
    expect(job.result).toMatchObject({ linesRead: 3, added: 2, rejected: 1 });
    expect(await totals(companyId)).toEqual({ lines: 2, amount: 20_000 });
    client.locale = 'en';
    const report = await client.get(`/api/companies/${companyId}/imports/${job.importId}/errors?format=csv`);
    expect(report.body).toMatch(/3,金額,.*thousands separator.*,"?NT\$1,200/);
  });

  it('imports nothing when asked to be strict and a line has a problem, naming the lines', async () => {
    const { client, companyId } = await signUp(h.app);
    client.locale = 'en';
    const { job } = await importCsv(client, companyId, 'split.csv', SPLIT, { strict: true });
    expect(job.state).toBe('failed');
    expect(job.error).toMatchObject({ code: 'IMPORT_STRICT_REJECTED', line: 3 });
    expect(job.error.message).toContain('Nothing was imported: 1 lines have a problem (lines 3)');
    expect(await totals(companyId)).toEqual({ lines: 0, amount: 0 });
    const history = (await client.get(`/api/companies/${companyId}/imports`)).json();
    expect(history).toHaveLength(0);
    const fine = await importCsv(
      client,
      companyId,
      'ok.csv',
      SPLIT.split('\n')
        .filter((_, i) => i !== 2)
        .join('\n'),
      {
        strict: true,
      },
    );
    expect(fine.job.result).toMatchObject({ added: 2, rejected: 0 });
  });

  it('a strict import that fails after lines were staged (dates out of order) leaves nothing; the next one commits', async () => {
    const { client, companyId } = await signUp(h.app);
    // 2,400 lines, 300 days newest first eight times over (the dates go back to the start: staged
    // after the first 300), then a bad amount: strict fails at the end, after batches were written.
    const lines = ['日期,品名,金額'];
    for (let i = 0; i < 2400; i++) {
      const d = new Date(Date.UTC(2024, 11, 31) - (i % 300) * 86_400_000).toISOString().slice(0, 10);
      lines.push(`${d},拿鐵${i % 7},${100 + (i % 13)}`);
    }
    const good = lines.join('\n');
    const { job } = await importCsv(client, companyId, 'reverse.csv', `${good}\n2024-01-02,拿鐵,oops`, {
      strict: true,
    });
    expect(job.state).toBe('failed');
    expect(job.error).toMatchObject({ code: 'IMPORT_STRICT_REJECTED' });
    expect(await totals(companyId)).toEqual({ lines: 0, amount: 0 });
    const fine = await importCsv(client, companyId, 'reverse.csv', good, { strict: true });
    expect(fine.job.result).toMatchObject({ added: 2400, rejected: 0 });
    const expected = lines.slice(1).reduce((sum, l) => sum + Number(l.split(',')[2]) * 100, 0);
    expect(await totals(companyId)).toEqual({ lines: 2400, amount: expected });
    // The roll-ups hold the same revenue as the lines.
    const kpi = await client.get(
      `/api/companies/${companyId}/kpi?metric=revenue&from=2024-01-01&to=2024-12-31&grain=year`,
    );
    expect(kpi.statusCode, kpi.body).toBe(200);
    expect(kpi.json().total[0].value).toBe(expected / 100);
  });

  it('reads a UTF-8 file with a few bad bytes as UTF-8 and names the bad lines', async () => {
    const { client, companyId } = await signUp(h.app);
    const lines = ['日期,品名,金額'];
    for (let d = 1; d <= 28; d++) lines.push(`2024-02-${String(d).padStart(2, '0')},拿鐵咖啡,120`);
    const text = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
    // One stray byte inside the product name of line 6 (2024-02-05).
    const at = text.indexOf(Buffer.from('2024-02-05,拿鐵', 'utf8')) + 11;
    const bad = Buffer.concat([text.subarray(0, at), Buffer.from([0xff]), text.subarray(at)]);
    const { upload, job } = await importCsv(client, companyId, 'utf8-bad.csv', bad);
    expect(upload.encoding).toBe('utf8');
    expect(job.state, JSON.stringify(job.error)).toBe('done');
    expect(job.result).toMatchObject({ added: 27, rejected: 1 });
    const problems = await client.get(
      `/api/companies/${companyId}/imports/${job.importId}/errors?format=csv`,
    );
    expect(problems.body).toMatch(/\n6,品名,/);
  });
});
