import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';

/** The `pacer` command, as users run it. */
export const PACER = resolve(import.meta.dirname, '../../bin/pacer.js');

/** The CLI's environment in tests: cheap password hashing for test users. */
export const PACER_ENV = { ...process.env, PACER_SCRYPT_LOGN: '12' };

/** Runs `pacer …` as a real process; its exit status, stdout and stderr. */
export const runPacer = (args: string[]) =>
  spawnSync(process.execPath, [PACER, ...args], { env: PACER_ENV, encoding: 'utf8' });

/**
 * A SQLite data folder in a temp directory with an owner (`<letter>@example.com`) and one company,
 * made through the CLI; `remove` deletes the directory.
 */
export function cliCompany(name: string): { dir: string; data: string; owner: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'pacer-cli-'));
  const data = join(dir, 'data');
  const owner = `${name.slice(0, 1).toLowerCase()}@example.com`;
  const user = runPacer([
    'user',
    'create',
    '--email',
    owner,
    '--name',
    name,
    '--password',
    'cli test secret',
    '--data',
    data,
  ]);
  expect(user.status, user.stderr).toBe(0);
  const co = runPacer(['company', 'create', '--name', name, '--owner', owner, '--data', data]);
  expect(co.status, co.stderr).toBe(0);
  return { dir, data, owner, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
