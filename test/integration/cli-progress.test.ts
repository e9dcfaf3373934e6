import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliCompany, PACER, PACER_ENV, runPacer as run } from '../support/cli.ts';

const CSV =
  '日期,產品,金額\n2026-10-01,拿鐵,120\n2026-10-02,美式,90\n2026-10-03,拿鐵,120\n2026-10-04,蛋糕,150\n';

const ESC = '\u001b';
const ERASE_TO_END = `${ESC}[K`;

/** Whole lines only: no carriage return or terminal control, and nothing left after the last newline. */
function expectWholeLines(stderr: string): void {
  expect(stderr.includes('\r') || stderr.includes(ESC), JSON.stringify(stderr)).toBe(false);
  if (stderr !== '') expect(stderr.endsWith('\n'), JSON.stringify(stderr)).toBe(true);
}

/** What a terminal shows of some output: `\r` returns to the line's start, `ESC[K` erases to its end. */
function screen(output: string): string[] {
  return output.split('\n').map((raw) => {
    let line = '';
    let col = 0;
    for (let i = 0; i < raw.length; i++) {
      if (raw[i] === '\r') col = 0;
      else if (raw.startsWith(ERASE_TO_END, i)) {
        line = line.slice(0, col);
        i += ERASE_TO_END.length - 1;
      } else {
        line = line.slice(0, col) + raw[i] + line.slice(col + 1);
        col += 1;
      }
    }
    return line;
  });
}

const hasScript = spawnSync('script', ['--version']).status === 0;

describe('the CLI’s progress line (SQLite, the real CLI)', () => {
  let shop: ReturnType<typeof cliCompany>;
  let dir: string;
  let csv: string;
  beforeAll(() => {
    shop = cliCompany('Progress');
    dir = mkdtempSync(join(tmpdir(), 'pacer-progress-'));
    csv = join(dir, 'sales.csv');
    writeFileSync(csv, CSV);
  }, 60_000);
  afterAll(() => {
    shop?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes whole lines only to a piped stderr during an import', () => {
    const zh = run(['import', 'sales', csv, '--data', shop.data]);
    expect(zh.status, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('已匯入 sales.csv：新增 4 筆，');
    expectWholeLines(zh.stderr);
    expect(zh.stderr).not.toContain('正在存入');
    const en = run(['import', 'sales', csv, '--data', shop.data, '--lang', 'en']);
    expect(en.status, en.stderr).toBe(0);
    expect(en.stdout).toContain('+0 added, 4 duplicates skipped');
    expectWholeLines(en.stderr);
  });

  it('ends the demo history with one whole line on a piped stderr', () => {
    const data = join(dir, 'demo-data');
    const demo = run(['demo', '--data', data]);
    expect(demo.status, demo.stderr).toBe(0);
    expectWholeLines(demo.stderr);
    expect(demo.stderr).toMatch(/^建立示範資料 \/ demo history: [\d,]+ lines in [\d.]+ s\n$/);
  }, 120_000);

  it.skipIf(!hasScript)(
    'on a terminal, rewrites the line in place and clears it before the command ends',
    () => {
      // script(1) runs the command on a pseudo-terminal; stdout goes to a file (`pacer import … > out`),
      // so the terminal shows stderr alone, as it stands when the shell prints its prompt.
      const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
      const out = join(dir, 'summary.txt');
      const command = [process.execPath, PACER, 'import', 'sales', csv, '--data', shop.data, '--lang', 'en']
        .map(quote)
        .join(' ');
      const tty = spawnSync('script', ['-qec', `${command} > ${quote(out)}`, '/dev/null'], {
        env: PACER_ENV,
        encoding: 'utf8',
      });
      expect(tty.status, tty.stdout).toBe(0);
      // The progress was shown…
      expect(tty.stdout).toContain('lines read, saving…');
      // …and nothing of it is left on the screen when the command has ended.
      expect(screen(tty.stdout).filter((l) => l.trim() !== '')).toEqual([]);
      expect(readFileSync(out, 'utf8')).toMatch(/^Imported sales\.csv: \+0 added/);
    },
  );
});
