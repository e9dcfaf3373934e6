// Accuracy benchmark: runs ../shared/bench/forecast/score.mjs on the dev set in batch mode with
// Pacer's forecast command, several times, and prints the summary, the median batch time and,
// last, the ratio line against R's ets.
import { spawnSync } from 'node:child_process';
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
  process.stdout.write(`${ratio}\n\n`);
}
