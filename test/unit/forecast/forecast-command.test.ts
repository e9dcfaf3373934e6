import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerForecastCommand } from '../../../src/cli/commands/forecast.ts';

type Bands = { mean: number[]; lo80: number[]; hi80: number[]; lo95: number[]; hi95: number[] };

async function runForecast(args: string[]): Promise<unknown> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    const program = new Command('pacer').exitOverride();
    registerForecastCommand(program);
    await program.parseAsync(['node', 'pacer', 'forecast', ...args]);
  } finally {
    spy.mockRestore();
  }
  return JSON.parse(out);
}

describe('pacer forecast (bench contract)', () => {
  afterEach(() => vi.restoreAllMocks());
  const dir = mkdtempSync(join(tmpdir(), 'pacer-forecast-'));
  const csv = [
    'period,value',
    ...Array.from({ length: 30 }, (_, i) => `2020-${i},${100 + i + (i % 4) * 5}`),
  ].join('\n');
  writeFileSync(join(dir, 'a.csv'), csv);
  writeFileSync(join(dir, 'b.csv'), 'period,value\n1,5\n2,\n3,7\n');
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      series: [
        { name: 'a', frequency: 4, h: 4, file: 'a.csv' },
        { name: 'b', frequency: 1, h: 2 },
      ],
    }),
  );

  it('prints mean and 80/95 % bounds for one series', async () => {
    const r = (await runForecast([join(dir, 'a.csv'), '4', '4'])) as Bands;
    expect(Object.keys(r).sort()).toEqual(['hi80', 'hi95', 'lo80', 'lo95', 'mean']);
    expect(r.mean).toHaveLength(4);
  });

  it('prints one object keyed by series name in batch mode', async () => {
    const r = (await runForecast(['--batch', join(dir, 'manifest.json'), dir])) as Record<string, Bands>;
    expect(Object.keys(r)).toEqual(['a', 'b']);
    expect(r.b!.mean).toHaveLength(2);
    expect(r.b!.mean.every(Number.isFinite)).toBe(true);
  });
});
