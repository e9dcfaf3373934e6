/** The `pacer smart` adapter: JSON per the bench contract, batch mode, and the readable report. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerSmartCommand } from '../../../src/cli/commands/smart.ts';

async function run(args: string[]): Promise<string> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    const program = new Command('pacer').exitOverride();
    registerSmartCommand(program);
    await program.parseAsync(['node', 'pacer', 'smart', ...args]);
  } finally {
    spy.mockRestore();
  }
  return chunks.join('');
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('pacer smart', () => {
  it('prints the reading as JSON', async () => {
    const out = JSON.parse(
      await run([
        '--json',
        '--today',
        '2026-01-15',
        '在未來三個月內,透過線上廣告提升產品A銷售額20%,達到每月100單。',
      ]),
    );
    expect(out.parsed.metric).toBe('revenue');
    expect(out.parsed.period).toEqual({ start: '2026-01-15', end: '2026-04-14' });
    expect(out.parsed.targets).toContainEqual({
      metric: 'orders',
      kind: 'absolute',
      value: 100,
      per: 'month',
    });
    expect(out.grades).toEqual({
      specific: 'pass',
      measurable: 'pass',
      achievable: 'unknown',
      relevant: 'unknown',
      time_bound: 'pass',
    });
    expect(out.score).toBe(60);
    expect(out.findings[0]).toHaveProperty('code');
  });

  it('reads a batch file into an array in the same order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smart-cli-'));
    const file = join(dir, 'in.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', statement: '提升銷售額', today: '2026-01-15' }),
        JSON.stringify({
          id: 'b',
          statement: 'Reach NT$2,000,000 in online store sales in Q3 2026',
          today: '2026-01-15',
        }),
        'not json',
      ].join('\n'),
    );
    const out = JSON.parse(await run(['--json', '--batch', file]));
    expect(out).toHaveLength(3);
    expect(out[0].id).toBe('a');
    expect(out[0].grades.specific).toBe('fail');
    expect(out[1].parsed.period).toEqual({ start: '2026-07-01', end: '2026-09-30' });
    expect(out[2].parsed.metric).toBeNull();
  });

  it('prints a readable report in English on request', async () => {
    const out = await run(['--today', '2026-01-15', '--lang', 'en', '提升銷售額']);
    expect(out).toContain('score 0/100');
    expect(out).toContain('Suggested rewrite');
  });

  it('rejects a bad --today', async () => {
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await run(['--json', '--today', '2026-13-45', '提升銷售額']);
    spy.mockRestore();
    expect(process.exitCode).toBe(2);
  });
});
