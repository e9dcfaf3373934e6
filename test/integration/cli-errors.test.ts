import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { failureLine } from '../../src/cli/options.ts';
import { AppError } from '../../src/core/errors/app-error.ts';

const PACER = join(import.meta.dirname, '..', '..', 'bin', 'pacer.js');

describe('the CLI answers bad input with one clear line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pacer-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('pacer company create with a bad e-mail names the option, in the user’s language', () => {
    const run = (lang: string) =>
      spawnSync(
        process.execPath,
        [PACER, 'company', 'create', '--name', 'Shop', '--owner', 'not-an-email', '--data', dir],
        { encoding: 'utf8', env: { ...process.env, PACER_LANG: lang } },
      );
    const en = run('en');
    expect(en.status).toBe(1);
    const lines = en.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^pacer: Some fields are not valid\. \(--owner: .+\)$/);
    expect(en.stderr).not.toContain('"code"');
    const zh = run('zh-TW');
    expect(zh.stderr.trim()).toMatch(/^pacer: 部分欄位格式不正確。 \(--owner: .+\)$/);
  });

  it('puts any AppError or zod failure in one line, both languages when the terminal names neither', () => {
    expect(failureLine(new AppError('MEMBER_NOT_FOUND'), 'en')).toBe('Member not found.');
    expect(failureLine(new AppError('MEMBER_NOT_FOUND'), null)).toBe('找不到這位成員。 / Member not found.');
    const zod = z.object({ email: z.string().email() }).safeParse({ email: 'x' });
    expect(zod.success).toBe(false);
    if (!zod.success)
      expect(failureLine(zod.error, 'en')).toMatch(/^Some fields are not valid\. \(email: .+\)$/);
    expect(failureLine(new Error('disk on fire'), 'en')).toBeNull();
  });
});
