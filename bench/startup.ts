/**
 * Start-up time on an existing database (BENCHMARKS.md: `npm start` ready to serve ≤ 2 s): spawns
 * `pacer start` on a SQLite folder that already holds the demo company and times, from the spawn,
 * until /api/health answers. Median of 5 runs.
 *
 *   npx tsx bench/startup.ts
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildCliBundle } from './cli-bundle.ts';

const root = resolve(import.meta.dirname, '..');
const PACER = join(root, 'bin', 'pacer.js');
buildCliBundle(root);
const data = join(root, '.tmp', 'bench-startup');
mkdirSync(data, { recursive: true });
if (!existsSync(join(data, 'pacer.sqlite'))) {
  const r = spawnSync(process.execPath, [PACER, 'demo', '--data', data], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}

async function once(port: number): Promise<number> {
  const started = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [PACER, 'start', '--data', data, '--port', String(port), '--log-level', 'warn'],
    {
      stdio: 'ignore',
    },
  );
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 20));
      if (performance.now() - started > 30_000) throw new Error('server did not start in 30 s');
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const times: number[] = [];
for (let i = 0; i < 5; i++) times.push(await once(39_100 + i));
times.sort((a, b) => a - b);
console.log(
  `pacer start → /api/health answers: median ${(times[2] ?? 0).toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms)`,
);
