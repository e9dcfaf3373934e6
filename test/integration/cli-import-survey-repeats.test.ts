import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliCompany, runPacer as run } from '../support/cli.ts';

const HEADER = '日期,客戶,通路,CSAT,NPS,意見';
/** Four survey responses without response IDs; written twice, the second copy is file lines 6–9. */
const ROWS = [
  '2026-03-01,M001,門市,5,10,',
  '2026-03-01,,門市,4,8,',
  '2026-03-02,,門市,3,6,太慢',
  '2026-03-03,,線上,5,9,',
];

describe('pacer import of a survey export pasted twice (SQLite, the real CLI)', () => {
  let shop: ReturnType<typeof cliCompany>;
  let dir: string;
  beforeAll(() => {
    shop = cliCompany('Survey');
    dir = mkdtempSync(join(tmpdir(), 'pacer-survey-'));
  }, 60_000);
  afterAll(() => {
    shop?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports each response once and says which lines repeated, then that a re-import added nothing', () => {
    const twice = join(dir, 'survey.csv');
    writeFileSync(twice, [HEADER, ...ROWS, ...ROWS].join('\n'));
    const zh = run(['import', 'satisfaction', twice, '--data', shop.data]);
    expect(zh.status, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('新增 4 筆，重複略過 0 筆，有誤 0 筆');
    expect(zh.stdout).toContain(
      '有 4 筆回覆與檔案中較早的一筆相同（回覆編號相同，或沒有編號時日期、客戶、通路、分數與意見都相同；第 6、7、8、9 行），只匯入了較早的那幾筆，同一份問卷重複貼上不會讓回覆數加倍；若它們是其他顧客的回覆，需為每筆回覆加上回覆編號：請復原這次匯入並修正檔案。',
    );
    expect(zh.stdout).toMatch(/^匯入編號：[0-9a-f-]{36}$/m);

    const en = run(['import', 'satisfaction', twice, '--data', shop.data, '--lang', 'en']);
    expect(en.status, en.stderr).toBe(0);
    expect(en.stdout).toContain('+0 added, 4 duplicates skipped');
    expect(en.stdout).toContain(
      '4 responses were imported before (the same response ID or, without one, the same date, customer, channel, scores and comment) and were not added again: no response counts twice.',
    );
    // Nothing added this time: the advice points to the import that added the responses.
    expect(en.stdout).toContain(
      '4 responses repeat an earlier response of the file (the same response ID or, without one, the same date, customer, channel, scores and comment; lines 6, 7, 8, 9); only the earlier ones were imported, so a survey export pasted twice does not count twice. If they are other people’s answers, give each response an ID: undo the earlier import that added them (see the import history) and fix the file.',
    );

    const json = run(['import', 'satisfaction', twice, '--data', shop.data, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      added: 0,
      duplicates: 4,
      repeatedLines: { count: 0, lines: [] },
      repeatedKeys: { count: 4, lines: [6, 7, 8, 9] },
    });
    // The history says the same of the first import.
    const history = run(['import-history', '--data', shop.data, '--lang', 'en']);
    expect(history.stdout).toContain('4 responses repeat an earlier response of the file');
  }, 90_000);
});
