import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
// semver comes with npm's own tool chain (through better-sqlite3's prebuild-install).
const semver = createRequire(join(root, 'package.json'))('semver') as {
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string): boolean;
};

describe('engines', () => {
  it('every installed package supports the oldest Node.js the README and package.json promise', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
    const oldest = semver.minVersion(pkg.engines.node)?.version ?? '';
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(
      `Requires Node.js ${oldest.replace(/\.0$/, '')} or later`,
    );
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { engines?: { node?: string }; optional?: boolean }>;
    };
    const refusing = Object.entries(lock.packages)
      .filter(([name, p]) => name !== '' && !p.optional && p.engines?.node)
      .filter(([, p]) => !semver.satisfies(oldest, p.engines?.node ?? '*'))
      .map(([name, p]) => `${name} (node ${p.engines?.node})`);
    // npm ci warns EBADENGINE for each of these.
    expect(refusing).toEqual([]);
  });
});
