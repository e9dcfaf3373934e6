// Accuracy benchmark: runs ../shared/bench/forecast/score.mjs on the dev set in batch mode with
// Pacer's forecast command, several times, and prints the summary, the timing median and the
// ratio line against R's ets.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BENCH_DIR, REPO_DIR } from './shared-bench.ts';

/** The command under test: `node bin/pacer.js forecast` once wired, else the stand-alone command. */
function chooseForecastCommand(): string {
  const probe = spawnSync(process.execPath, [join(REPO_DIR, 'bin/pacer.js'), 'forecast', '--help'], {
    encoding: 'utf8',
  });
  if (probe.status === 0 && /forecast/.test(probe.stdout))
    return `node ${join(REPO_DIR, 'bin/pacer.js')} forecast`;
  return `node ${join(REPO_DIR, 'bench/forecast-accuracy/forecast-cli.mjs')} forecast`;
}

export function runAccuracyBenchmark(runs: number): void {
  const command = chooseForecastCommand();
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
  process.stdout.write(`${lines.slice(from).join('\n')}\n`);
  times.sort((a, b) => a - b);
  const median = times.length ? times[Math.floor(times.length / 2)]! : Number.NaN;
  process.stdout.write(`command: ${command} --batch {manifest} {dir}\n`);
  process.stdout.write(
    `batch wall time over ${times.length} runs (s): ${times.join(', ')}; median ${median.toFixed(2)}\n`,
  );
  const ratio = lines.find((l) => l.startsWith('RATIO'));
  process.stdout.write(`${ratio ?? 'RATIO line missing'}\n`);
}
