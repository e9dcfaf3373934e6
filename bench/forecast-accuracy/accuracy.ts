// Accuracy benchmark: runs ../shared/bench/forecast/score.mjs on the dev set in batch mode with
// Pacer's forecast command, several times, and prints the summary, the median batch time and,
// last, the ratio line against R's ets.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { BENCH_DIR, REPO_DIR } from './shared-bench.ts';

const STANDALONE = `node ${join(REPO_DIR, 'bench/forecast-accuracy/forecast-cli.mjs')} forecast`;

/** The commands under test: `node bin/pacer.js forecast` once wired, and the stand-alone command. */
function listForecastCommands(): string[] {
  const probe = spawnSync(process.execPath, [join(REPO_DIR, 'bin/pacer.js'), 'forecast', '--help'], {
    encoding: 'utf8',
  });
  if (probe.status === 0 && /forecast/.test(probe.stdout)) {
    return [`node ${join(REPO_DIR, 'bin/pacer.js')} forecast`, STANDALONE];
  }
  return [STANDALONE];
}

export function runAccuracyBenchmark(runs: number): void {
  for (const command of listForecastCommands()) scoreCommand(command, runs);
}

function scoreCommand(command: string, runs: number): void {
  const times: number[] = [];
  let last = '';
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(
      process.execPath,
      ['score.mjs', '--set', 'dev', '--batch', '--', ...command.split(' '), '--batch', '{manifest}', '{dir}'],
      { cwd: BENCH_DIR, encoding: 'utf8' },
    );
    last = r.stdout + r.stderr;
    const t = /candidate time: ([\d.]+) s/.exec(last);
    if (t) times.push(Number(t[1]));
  }
  const lines = last.split('\n');
  const from = lines.findIndex((l) => l.startsWith('== summary'));
  const ratio = lines.find((l) => l.startsWith('RATIO')) ?? 'RATIO line missing';
  const summary = lines.slice(Math.max(0, from)).filter((l) => !l.startsWith('RATIO'));
  times.sort((a, b) => a - b);
  const median = times.length ? times[Math.floor(times.length / 2)]! : Number.NaN;
  process.stdout.write(`${summary.join('\n').trimEnd()}\n`);
  process.stdout.write(`command: ${command} --batch {manifest} {dir}\n`);
  process.stdout.write(
    `batch wall time over ${times.length} runs (s): ${times.join(', ')}; median ${median.toFixed(2)}\n`,
  );
  process.stdout.write(`${measureCpu(command)}\n`);
  if (command.includes('bin/pacer.js'))
    process.stdout.write(
      isBundleFresh()
        ? 'bin/pacer.js ran the esbuild bundle (dist/cli newer than src/)\n'
        : 'bin/pacer.js fell back to tsx: a file of src/ is newer than dist/cli (npm run build:cli)\n',
    );
  process.stdout.write(`${ratio}\n\n`);
}

/**
 * One more batch call under /usr/bin/time: wall and user + sys CPU of the process tree (the machine
 * is shared, so wall time alone says little), with the load average at that moment.
 */
function measureCpu(command: string): string {
  const load = loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');
  if (!existsSync('/usr/bin/time')) return `CPU time: /usr/bin/time missing (load average ${load})`;
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', 'TIME %e %U %S', ...command.split(' '), '--batch', 'dev/manifest.json', 'dev/train'],
    { cwd: BENCH_DIR, encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+)/.exec(r.stderr);
  if (!m) return `CPU time: not measured (load average ${load})`;
  const [wall, user, sys] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return `one batch call: wall ${wall.toFixed(2)} s, CPU user ${user.toFixed(2)} s + sys ${sys.toFixed(2)} s = ${(user + sys).toFixed(2)} s (load average ${load})`;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'web') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether bin/pacer.js runs the bundle (its own rule: dist/cli/main.js not older than src/). */
function isBundleFresh(): boolean {
  const bundle = join(REPO_DIR, 'dist/cli/main.js');
  return existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource(join(REPO_DIR, 'src'));
}
