import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliCompany, runPacer as run } from '../support/cli.ts';

const HEADER = '訂單編號,交易日期,品名,數量,金額';
/** 25 lines of 10 orders; written twice, the second copy is file lines 27–51. */
const ROWS = Array.from(
  { length: 25 },
  (_, i) => `T${Math.floor(i / 3)},2026-02-0${1 + (i % 5)},品項${i % 3},1,${100 + i}`,
);

describe('pacer import of a file that repeats its lines (SQLite, the real CLI)', () => {
  let shop: ReturnType<typeof cliCompany>;
  let dir: string;
  beforeAll(() => {
    shop = cliCompany('Shop');
    dir = mkdtempSync(join(tmpdir(), 'pacer-repeats-'));
  }, 60_000);
  afterAll(() => {
    shop?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('says how many lines repeat an earlier line and which, in either language and in --json', () => {
    const clean = join(dir, 'clean.csv');
    writeFileSync(clean, [HEADER, ...ROWS].join('\n'));
    const quiet = run(['import', 'sales', clean, '--data', shop.data, '--lang', 'en']);
    expect(quiet.status, quiet.stderr).toBe(0);
    expect(quiet.stdout).not.toContain('repeat');

    const twice = join(dir, 'twice.csv');
    writeFileSync(twice, [HEADER, ...ROWS, ...ROWS].join('\n'));
    const en = run(['import', 'sales', twice, '--data', shop.data, '--lang', 'en']);
    expect(en.status, en.stderr).toBe(0);
    // The first copy was imported by clean.csv; the second is new (each order's lines 4–6...).
    expect(en.stdout).toContain('+25 added, 25 duplicates skipped');
    expect(en.stdout).toContain(
      '25 lines repeat an earlier line of the file exactly, order ID included (lines 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, …); each counts as a sale of its own. If the file repeats rows by mistake, undo this import and fix the file.',
    );

    // Again: nothing added this time, so the advice points to the import that added the repeats.
    const zh = run(['import', 'sales', twice, '--data', shop.data]);
    expect(zh.status, zh.stderr).toBe(0);
    expect(zh.stdout).toContain(
      '有 25 筆明細與檔案中較早的一筆完全相同（訂單編號也相同；第 27、28、29、30、31、32、33、34、35、36、37、38、39、40、41、42、43、44、45、46… 行），已各自算作一筆銷售；若檔案誤將資料重複，請在匯入紀錄中復原先前加入它們的那次匯入，並修正檔案。',
    );

    const json = run(['import', 'sales', twice, '--data', shop.data, '--json']);
    expect(json.status, json.stderr).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out).toMatchObject({
      added: 0,
      duplicates: 50,
      repeatedLines: { count: 25, lines: Array.from({ length: 20 }, (_, i) => 27 + i) },
      repeatedKeys: { count: 0, lines: [] },
    });
  }, 90_000);

  it('says which lines reuse an earlier order id and line number, and that only the first was imported', () => {
    const file = join(dir, 'numbered.csv');
    writeFileSync(
      file,
      [
        `${HEADER},項次`,
        'N1,2026-03-01,拿鐵,1,120,1',
        'N1,2026-03-01,可頌,1,90,2',
        'N1,2026-03-01,茶,1,60,2',
      ].join('\n'),
    );
    const en = run(['import', 'sales', file, '--data', shop.data, '--lang', 'en']);
    expect(en.status, en.stderr).toBe(0);
    expect(en.stdout).toContain('+2 added, 0 duplicates skipped');
    expect(en.stdout).toContain(
      '1 line has the order ID and line number of an earlier line of the file (line 4); only the earlier line was imported.',
    );
    expect(en.stdout).not.toContain('repeat an earlier line');
    const json = JSON.parse(run(['import', 'sales', file, '--data', shop.data, '--json']).stdout);
    expect(json).toMatchObject({
      added: 0,
      duplicates: 2,
      repeatedKeys: { count: 1, lines: [4] },
      repeatedLines: { count: 0, lines: [] },
    });
    // The history says it too, for each import of the file.
    const history = run(['import-history', '--data', shop.data, '--lang', 'en']);
    expect(history.status, history.stderr).toBe(0);
    const said = history.stdout
      .split('\n')
      .filter((l) => l.includes('(line 4); only the earlier line was imported'));
    expect(said).toHaveLength(2);
  }, 60_000);
});
