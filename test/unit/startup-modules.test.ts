import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/**
 * The packages loaded by importing `modules` (through tsx, as `bin/pacer.js` does from the sources)
 * in a fresh Node process: the package names of every CommonJS module in the require cache.
 */
function packagesLoadedBy(modules: readonly string[]): string[] {
  const code = `
    import { createRequire } from 'node:module';
    for (const m of ${JSON.stringify(modules)}) await import(m);
    const cache = createRequire(import.meta.url).cache;
    const names = new Set();
    for (const file of Object.keys(cache)) {
      const at = file.lastIndexOf('/node_modules/');
      if (at < 0) continue;
      const parts = file.slice(at + 14).split('/');
      names.add(parts[0].startsWith('@') ? parts[0] + '/' + parts[1] : parts[0]);
    }
    console.log(JSON.stringify([...names]));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '[]') as string[];
}

describe('what a command loads at its start', () => {
  it('the server and the import command load neither node-postgres nor exceljs until they are used', () => {
    const loaded = packagesLoadedBy([
      `${root}/src/server/main.ts`,
      `${root}/src/cli/commands/import.ts`,
      `${root}/src/db/connect.ts`,
    ]);
    // The modules were loaded (the check would pass vacuously otherwise).
    expect(loaded).toContain('better-sqlite3');
    expect(loaded).not.toContain('pg');
    expect(loaded).not.toContain('exceljs');
  }, 60_000);
});
