import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliCompany, PACER, PACER_ENV, runPacer as run } from '../support/cli.ts';

/**
 * BENCHMARKS.md's reliability case, in small: `pacer import` killed with SIGKILL at random moments
 * leaves no partial import visible, the database passes integrity_check, and a re-run adds exactly
 * the lines that are missing. (bench/import-kill.ts runs it 20 times on 1M lines.)
 */

describe('an import killed at random moments (SQLite, real processes)', () => {
  let dir: string;
  let data: string;
  let csv: string;
  let expected: number;
  let remove = () => {};
  beforeAll(() => {
    ({ dir, data, remove } = cliCompany('Kill Co'));
    csv = join(dir, 'sales.csv');
    const made = run(['demo-data', csv, '--days', '1095', '--json']);
    expect(made.status, made.stderr).toBe(0);
    expected = JSON.parse(made.stdout).lines;
  }, 180_000);
  afterAll(() => remove());

  const visible = () => {
    const db = new SQLite(join(data, 'pacer.sqlite'), { readonly: true });
    try {
      const lines = (db.prepare('select count(*) as n from sales_lines').get() as { n: number }).n;
      const imports = db.prepare("select status, added from imports where status != 'undone'").all() as {
        status: string;
        added: number;
      }[];
      const integrity = db.pragma('integrity_check', { simple: true });
      return { lines, imports, integrity };
    } finally {
      db.close();
    }
  };

  it('shows nothing partial after each kill, then a re-run completes the import exactly', async () => {
    let killed = 0;
    for (let round = 0; round < 3; round++) {
      const child = spawn(process.execPath, [PACER, 'import', 'sales', csv, '--data', data, '--json'], {
        env: PACER_ENV,
        stdio: 'ignore',
      });
      const exited = new Promise((r) => child.once('exit', r));
      await Promise.race([exited, new Promise((r) => setTimeout(r, 400 + Math.random() * 1200))]);
      // The import may have finished before the kill: then all of it must be visible (checked below).
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        killed += 1;
      }
      await exited;
      const v = visible();
      expect(v.integrity).toBe('ok');
      // Either the file is wholly in (from a round that finished before its kill) or not at all,
      // and every visible line belongs to a committed import.
      expect([0, expected]).toContain(v.lines);
      expect(v.imports.every((i) => i.status === 'committed')).toBe(true);
      expect(v.imports.reduce((sum, i) => sum + i.added, 0)).toBe(v.lines);
    }
    expect(killed, 'at least one import was killed mid-way').toBeGreaterThan(0);
    const done = run(['import', 'sales', csv, '--data', data, '--json']);
    expect(done.status, done.stderr).toBe(0);
    const result = JSON.parse(done.stdout);
    const before = visible();
    expect(before.lines).toBe(expected);
    expect(result.added + result.duplicates).toBe(expected);
    const again = JSON.parse(run(['import', 'sales', csv, '--data', data, '--json']).stdout);
    expect(again).toMatchObject({ added: 0, duplicates: expected, rejected: 0 });
  }, 300_000);

  it('prints the CLI contract in --json: added, duplicates, rejected, errors', () => {
    const bad = join(dir, 'bad.csv');
    spawnSync('sh', [
      '-c',
      `printf '日期,品名,金額\\n2026-01-01,拿鐵,120\\n2026-02-30,拿鐵,120\\n2026-01-02,,80\\n' > ${bad}`,
    ]);
    const r = run(['import', 'sales', bad, '--data', data, '--json', '--lang', 'en']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ added: 1, duplicates: 0, rejected: 2 });
    expect(out.errors.map((e: { line: number }) => e.line)).toEqual([3, 4]);
    expect(out.errors[0]).toMatchObject({ column: '日期', value: '2026-02-30' });
    expect(out.errors[0].message.length).toBeGreaterThan(3);
    const missing = run(['import', 'sales', join(dir, 'nope.csv'), '--data', data]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('No such file');
  }, 120_000);
});
