import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Builds the CLI bundle (dist/cli) before a benchmark runs `bin/pacer.js`. That command runs the
 * TypeScript sources through tsx when any file of src/ is newer than the bundle (so that a change is
 * never hidden behind a stale bundle), which starts slower and runs slower at first: a benchmark run
 * after an edit would measure the sources, not what `npm ci` builds (it happened: RESULTS.md, ninth
 * session). The build takes under a second.
 */
export function buildCliBundle(root: string): void {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building the CLI bundle failed: ${r.stderr}`);
}
