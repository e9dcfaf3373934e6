import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The shared scorers, run in CI against the real `pacer` command: the goal-statement dev set and the
 * forecasting dev set. Their closing lines are printed so every CI log shows the figures.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const SHARED = resolve(ROOT, '../shared/bench');
const PACER = join(ROOT, 'bin', 'pacer.js');

function score(cwd: string, args: string[]): string {
  const r = spawnSync(process.execPath, ['score.mjs', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 32 * 1024 * 1024,
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe.skipIf(!existsSync(SHARED))('shared benchmark scorers', () => {
  it('goal statements: dev-set accuracy ≥ 0.95', () => {
    const out = score(join(SHARED, 'smart'), [
      '--set',
      'dev.jsonl',
      '--batch',
      '--',
      process.execPath,
      PACER,
      'smart',
      '--json',
      '--batch',
      '{file}',
    ]);
    const line = out.trim().split('\n').at(-1) ?? '';
    console.log(`smart scorer: ${line}`);
    const accuracy = Number(/= ([\d.]+)/.exec(line)?.[1]);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  }, 120_000);

  it('forecasts: better than R ets on the dev set, with calibrated intervals', () => {
    const out = score(join(SHARED, 'forecast'), [
      '--set',
      'dev',
      '--batch',
      '--',
      process.execPath,
      PACER,
      'forecast',
      '--batch',
      '{manifest}',
      '{dir}',
    ]);
    const lines = out.trim().split('\n');
    const ratio = lines.at(-1) ?? '';
    console.log(`forecast scorer: ${ratio}`);
    const m = /MASE ([\d.]+)\s+mean sMAPE ([\d.]+)/.exec(ratio);
    expect(Number(m?.[1])).toBeLessThanOrEqual(0.9);
    expect(Number(m?.[2])).toBeLessThanOrEqual(0.95);
  }, 180_000);
});
