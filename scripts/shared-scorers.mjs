#!/usr/bin/env node
// The shared benchmark scorers (goal statements and forecasts), run against the real `pacer` command
// when the team's shared folder sits beside the repository (../shared/bench). They are an extra step
// of `npm test`: a plain clone has no such folder, and then this step says so and passes — the unit
// tests use vendored copies of the data (test/fixtures/forecast, test/unit/smart/fixtures).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(ROOT, '../shared/bench');
const PACER = join(ROOT, 'bin', 'pacer.js');

if (!existsSync(join(SHARED, 'smart', 'score.mjs')) || !existsSync(join(SHARED, 'forecast', 'score.mjs'))) {
  console.log(
    `shared scorers: SKIPPED — ${SHARED} is not there (a plain clone); the unit tests cover the vendored data.`,
  );
  process.exit(0);
}

function score(dir, args) {
  const r = spawnSync(process.execPath, ['score.mjs', ...args], {
    cwd: join(SHARED, dir),
    encoding: 'utf8',
    maxBuffer: 32 * 1024 * 1024,
  });
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    throw new Error(`shared scorer ${dir} exited with ${r.status}`);
  }
  return r.stdout.trim().split('\n').at(-1) ?? '';
}

const failures = [];
const smart = score('smart', [
  '--set',
  'dev.jsonl',
  '--batch',
  '--',
  process.execPath,
  PACER,
  'smart',
  '--json',
  '--batch',
  '{file}',
]);
console.log(`smart scorer: ${smart}`);
const accuracy = Number(/= ([\d.]+)/.exec(smart)?.[1]);
if (!(accuracy >= 0.95)) failures.push(`goal statements: accuracy ${accuracy} < 0.95`);

const forecast = score('forecast', [
  '--set',
  'dev',
  '--batch',
  '--',
  process.execPath,
  PACER,
  'forecast',
  '--batch',
  '{manifest}',
  '{dir}',
]);
console.log(`forecast scorer: ${forecast}`);
const m = /MASE ([\d.]+)\s+mean sMAPE ([\d.]+)/.exec(forecast);
if (!(Number(m?.[1]) <= 0.9)) failures.push(`forecasts: mean MASE ratio ${m?.[1]} > 0.90`);
if (!(Number(m?.[2]) <= 0.95)) failures.push(`forecasts: mean sMAPE ratio ${m?.[2]} > 0.95`);

if (failures.length > 0) {
  for (const f of failures) console.error(`shared scorers: FAILED — ${f}`);
  process.exit(1);
}
console.log('shared scorers: 2 passed, 0 failed');
