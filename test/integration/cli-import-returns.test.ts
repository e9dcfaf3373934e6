import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PACER = resolve(import.meta.dirname, '../../bin/pacer.js');
const SHOPEE = resolve(import.meta.dirname, '../fixtures/ingest/exports/shopee.csv');
const env = { ...process.env, PACER_SCRYPT_LOGN: '12' };
const run = (args: string[]) => spawnSync(process.execPath, [PACER, ...args], { env, encoding: 'utf8' });

describe('pacer import of a marketplace export with returns (SQLite, the real CLI)', () => {
  let dir: string;
  let data: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pacer-returns-'));
    data = join(dir, 'data');
    const user = [
      'user',
      'create',
      '--email',
      'o@example.com',
      '--name',
      'O',
      '--password',
      'returns secret 1',
    ];
    expect(run([...user, '--data', data]).status).toBe(0);
    expect(
      run(['company', 'create', '--name', 'Shop', '--owner', 'o@example.com', '--data', data]).status,
    ).toBe(0);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves the returned item out, and says a re-import does not take later returns and how to', () => {
    const first = run(['import', 'sales', SHOPEE, '--data', data, '--json']);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      added: 4,
      duplicates: 0,
      orders: { excludedLines: 2, returnLines: 1 },
    });
    const again = run(['import', 'sales', SHOPEE, '--data', data, '--lang', 'en']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('+0 added, 4 duplicates skipped');
    expect(again.stdout).toContain(
      "4 lines were imported before: a re-import does not update returns, refunds or status changes completed since (to take this file's figures: pacer import-undo <earlier import id>, then import it again)",
    );
    const zh = run(['import', 'sales', SHOPEE, '--data', data, '--lang', 'zh-TW']);
    expect(zh.stdout).toContain('4 筆明細先前已匯入：重新匯入不會更新之後才完成的退貨、退款或狀態變更');
  });
});
