import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findImpurities } from '../../../scripts/check-core-purity.mjs';

const dir = mkdtempSync(join(tmpdir(), 'pacer-purity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function check(code: string): string[] {
  const folder = mkdtempSync(join(dir, 'case-'));
  writeFileSync(join(folder, 'file.ts'), code);
  return findImpurities([folder]);
}

describe('the core purity check (npm run lint)', () => {
  it('finds nothing in src/core as it is', () => {
    expect(findImpurities(['src/core'])).toEqual([]);
    // Parsing every core file takes seconds on a busy machine.
  }, 60_000);

  it.each([
    ['export const t = Date.now();', 'Date.now'],
    ['export const t = new Date();', 'new Date()'],
    ['export const t = new Date;', 'new Date()'],
    ['export const t = Date();', 'Date()'],
    ['export const r = Math.random();', 'Math.random'],
    ['export const e = process.env.PACER;', '`process`'],
    ['export const now = Date.now;', 'Date.now'],
  ])('finds %s', (code, what) => {
    const problems = check(code);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(what);
  });

  it('lets strings, comments, dates from a value and properties named process through', () => {
    const code = [
      '// Date.now() in a comment, new Date() too',
      "export const label = 'a leaner sales process, Math.random()';",
      "export const d = new Date('2026-01-01T00:00:00Z');",
      'export const o = { process: 1 };',
      'export type T = { process: number };',
      'export const p = o.process;',
    ].join('\n');
    expect(check(code)).toEqual([]);
  });
});
