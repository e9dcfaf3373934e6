import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exporter } from '../../src/ingest/exporter.ts';
import { type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { cliCompany, runPacer } from '../support/cli.ts';
import { dialects } from '../support/databases.ts';
import { importCsv } from '../support/imports.ts';

/**
 * A date that reads as a date but whose month lacks the day (2026-02-30, 113/02/30, 2027-02-29) is
 * rejected as a day that does not exist, named with its month's length, in the wizard's preview, the
 * error report, a strict import's failure and the CLI; a date that is really unreadable keeps its
 * reason, and an Excel serial is never such a day.
 */

const CSV = [
  '日期,產品,數量,單價,通路',
  '2026-11-02,拿鐵,2,150,門市',
  '2026-02-30,奶油可頌,3,85,門市',
  '113/02/30,拿鐵,1,150,門市',
  '2026/2/30,拿鐵,1,150,門市',
  '2027-02-29,拿鐵,1,150,門市',
  '2028-02-29,拿鐵,1,150,門市',
  '2026-04-31,拿鐵,1,150,門市',
  '2026-13-01,拿鐵,1,150,門市',
].join('\n');

const REASONS_ZH: [number, string, string][] = [
  [3, '2026-02-30', '2026-02-30 不存在：2 月只有 28 天'],
  [4, '113/02/30', '2024-02-30 不存在：2 月只有 29 天'],
  [5, '2026/2/30', '2026-02-30 不存在：2 月只有 28 天'],
  [6, '2027-02-29', '2027-02-29 不存在：2 月只有 28 天'],
  [8, '2026-04-31', '2026-04-31 不存在：4 月只有 30 天'],
];

describe.each(dialects())('dates that do not exist in imports (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it('says which day does not exist in the preview and the error report, and keeps the unreadable reason', async () => {
    const { client, companyId } = await signUp(h.app);
    client.locale = 'zh-TW';
    const up = await client.upload(`/api/companies/${companyId}/imports/uploads`, 'sales.csv', CSV);
    const preview = await client.post(`/api/companies/${companyId}/imports/preview`, {
      uploadId: up.json().uploadId,
      kind: 'sales',
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const byLine = new Map<number, { code: string; message: string }[]>(
      preview
        .json()
        .rows.map((r: { line: number; problems: { code: string; message: string }[] }) => [
          r.line,
          r.problems,
        ]),
    );
    for (const [line, , message] of REASONS_ZH)
      expect(byLine.get(line), String(line)).toEqual([
        expect.objectContaining({ code: 'DATE_NONEXISTENT', message }),
      ]);
    expect(byLine.get(2)).toEqual([]);
    expect(byLine.get(7)).toEqual([]);
    expect(byLine.get(9)).toEqual([
      expect.objectContaining({ code: 'DATE_INVALID', message: '日期格式無法辨識' }),
    ]);

    const { job } = await importCsv(client, companyId, 'sales.csv', CSV);
    expect(job.state, JSON.stringify(job)).toBe('done');
    expect(job.result).toMatchObject({ linesRead: 8, added: 2, rejected: 6 });

    const zh = await client.get(`/api/companies/${companyId}/imports/${job.importId}/errors?format=csv`);
    expect(zh.statusCode).toBe(200);
    const zhLines = zh.body.split(/\r?\n/);
    for (const [line, value, message] of REASONS_ZH)
      expect(zhLines).toContain(`${line},日期,${message},${value},DATE_NONEXISTENT`);
    expect(zhLines).toContain('9,日期,日期格式無法辨識,2026-13-01,DATE_INVALID');

    client.locale = 'en';
    const en = await client.get(`/api/companies/${companyId}/imports/${job.importId}/errors?format=csv`);
    const enLines = en.body.split(/\r?\n/);
    expect(enLines).toContain(
      '3,日期,2026-02-30 does not exist: February has 28 days,2026-02-30,DATE_NONEXISTENT',
    );
    expect(enLines).toContain(
      '4,日期,2024-02-30 does not exist: February has 29 days,113/02/30,DATE_NONEXISTENT',
    );
    expect(enLines).toContain(
      '8,日期,2026-04-31 does not exist: April has 30 days,2026-04-31,DATE_NONEXISTENT',
    );
    expect(enLines).toContain('9,日期,The date is not in a recognized format,2026-13-01,DATE_INVALID');

    // The import's record counts the lines by reason.
    const history = (await client.get(`/api/companies/${companyId}/imports`)).json();
    expect(history[0].account.rejectedReasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'DATE_NONEXISTENT', lines: 5 }),
        expect.objectContaining({ code: 'DATE_INVALID', lines: 1 }),
      ]),
    );
  });

  it('names the day in a strict import’s failure', async () => {
    const { client, companyId } = await signUp(h.app);
    client.locale = 'en';
    const { job } = await importCsv(client, companyId, 'sales.csv', CSV, { strict: true });
    expect(job.state).toBe('failed');
    expect(job.error).toMatchObject({ code: 'IMPORT_STRICT_REJECTED', line: 3 });
    expect(job.error.message).toContain('The first, line 3: 2026-02-30 does not exist: February has 28 days');
  });

  it('reads an XLSX’s text cells the same way, and its date serials are never a missing day', async () => {
    const { client, companyId } = await signUp(h.app);
    client.locale = 'zh-TW';
    const xlsx = await exporter.xlsx(
      [
        ['日期', '產品', '數量', '單價'],
        ['2026-02-30', '拿鐵', 1, 150],
        ['113/02/30', '拿鐵', 1, 150],
        // Excel serials of 2026-02-28 and 2026-03-01: there is no serial between them
        [46081, '拿鐵', 1, 150],
        [46082, '拿鐵', 1, 150],
      ],
      '銷售',
    );
    const { job } = await importCsv(client, companyId, 'sales.xlsx', xlsx);
    expect(job.state, JSON.stringify(job)).toBe('done');
    expect(job.result).toMatchObject({
      added: 2,
      rejected: 2,
      firstDate: '2026-02-28',
      lastDate: '2026-03-01',
    });
    const report = await client.get(`/api/companies/${companyId}/imports/${job.importId}/errors?format=csv`);
    const lines = report.body.split(/\r?\n/);
    expect(lines).toContain('2,日期,2026-02-30 不存在：2 月只有 28 天,2026-02-30,DATE_NONEXISTENT');
    expect(lines).toContain('3,日期,2024-02-30 不存在：2 月只有 29 天,113/02/30,DATE_NONEXISTENT');
  });
});

describe('pacer import of dates that do not exist (SQLite, the real CLI)', () => {
  let shop: ReturnType<typeof cliCompany>;
  let file: string;
  beforeAll(() => {
    shop = cliCompany('Shop');
    file = join(shop.dir, 'sales.csv');
    writeFileSync(file, CSV);
  }, 60_000);
  afterAll(() => shop?.remove());

  it('prints each rejected line with the day that does not exist, and the history counts them', () => {
    const zh = runPacer(['import', 'sales', file, '--data', shop.data, '--company', 'Shop']);
    expect(zh.status, zh.stderr).toBe(0);
    for (const [line, value, message] of REASONS_ZH)
      expect(zh.stdout).toContain(`第 ${line} 行「日期」：${message}（${value}）`);
    expect(zh.stdout).toContain('第 9 行「日期」：日期格式無法辨識（2026-13-01）');

    const en = runPacer(['import', 'sales', file, '--data', shop.data, '--company', 'Shop', '--lang', 'en']);
    expect(en.stdout).toContain(
      'line 3 [日期]: 2026-02-30 does not exist: February has 28 days (2026-02-30)',
    );
    expect(en.stdout).toContain(
      'line 6 [日期]: 2027-02-29 does not exist: February has 28 days (2027-02-29)',
    );

    const history = runPacer(['import-history', '--data', shop.data, '--company', 'Shop', '--lang', 'en']);
    expect(history.stdout).toContain(
      'rejected: 5 × The date does not exist (its month has no such day, such as February 30)',
    );
  });
});
