/**
 * Reliability benchmark (BENCHMARKS.md): `kill -9` at a random moment during a 1,000,000-line import,
 * 20 times. After each kill: no partial import visible, `PRAGMA integrity_check` ok; then the re-run
 * adds exactly the lines that are missing (all of them when the kill came before the commit, none
 * after).
 *
 *   npx tsx bench/import-kill.ts [--lines 1000000] [--rounds 20]
 *
 * Uses the data set of bench/import.ts (run that first, or it is generated here).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { buildCliBundle } from './cli-bundle.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const LINES = arg('lines', 1_000_000);
const ROUNDS = arg('rounds', 20);
const root = resolve(import.meta.dirname, '..');
const work = join(root, '.tmp', 'bench-import');
const PACER = join(root, 'bin', 'pacer.js');
buildCliBundle(root);
const csv = join(work, `sales-${LINES}.csv`);
mkdirSync(work, { recursive: true });

function sh(argv: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, [PACER, ...argv], { encoding: 'utf8', env, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`pacer ${argv.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

if (!existsSync(csv)) sh(['demo-data', csv, '--scale', '5', '--limit', String(LINES), '--members', '150000']);

function freshDb(): string {
  const data = join(work, 'kill');
  rmSync(data, { recursive: true, force: true });
  sh(['user', 'create', '--email', 'kill@example.com', '--name', 'Kill', '--data', data], {
    ...process.env,
    PACER_PASSWORD: 'bench secret 2026',
  });
  sh(['company', 'create', '--name', 'Kill', '--owner', 'kill@example.com', '--data', data]);
  return data;
}

function look(data: string) {
  const db = new SQLite(join(data, 'pacer.sqlite'));
  try {
    const lines = (db.prepare('select count(*) as n from sales_lines').get() as { n: number }).n;
    const imports = db.prepare('select status, added from imports').all() as {
      status: string;
      added: number;
    }[];
    const integrity = db.pragma('integrity_check', { simple: true });
    return { lines, imports, integrity };
  } finally {
    db.close();
  }
}

/** Starts an import and SIGKILLs it after `ms`; resolves with whether it had finished by then. */
function importKilledAfter(data: string, ms: number): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [PACER, 'import', 'sales', csv, '--data', data, '--json'], {
      stdio: 'ignore',
    });
    let finished = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      finished = code === 0;
      done(finished);
    });
  });
}

// How long an import takes here, to spread the kills over its whole length.
const probe = freshDb();
let started = performance.now();
sh(['import', 'sales', csv, '--data', probe, '--json']);
const fullMs = performance.now() - started;
console.log(
  `one full import: ${(fullMs / 1000).toFixed(2)} s; killing at random moments in [0, ${((fullMs * 1.15) / 1000).toFixed(2)} s]`,
);

let partial = 0;
let lost = 0;
let badIntegrity = 0;
let wrongRerun = 0;
let killedBeforeCommit = 0;
for (let round = 1; round <= ROUNDS; round++) {
  const data = freshDb();
  // A little past the full length too: some kills land after the commit.
  const at = Math.round(Math.random() * fullMs * 1.15);
  started = performance.now();
  const finished = await importKilledAfter(data, at);
  const after = look(data);
  const committed = after.imports.filter((i) => i.status === 'committed');
  const visible = committed.reduce((s, i) => s + i.added, 0);
  if (after.imports.length !== committed.length || after.lines !== visible) partial += 1;
  if (finished && after.lines !== LINES) lost += 1;
  if (after.integrity !== 'ok') badIntegrity += 1;
  if (after.lines === 0) killedBeforeCommit += 1;
  const rerun = JSON.parse(sh(['import', 'sales', csv, '--data', data, '--json'])) as { added: number };
  const final = look(data);
  if (rerun.added !== LINES - after.lines || final.lines !== LINES) wrongRerun += 1;
  console.log(
    `round ${round}: kill at ${(at / 1000).toFixed(2)} s → ${after.lines.toLocaleString('en')} lines visible` +
      ` (${committed.length} committed import${committed.length === 1 ? '' : 's'}), integrity ${after.integrity};` +
      ` re-run added ${rerun.added.toLocaleString('en')}, total ${final.lines.toLocaleString('en')}`,
  );
}
console.log(
  `${ROUNDS} kills (${killedBeforeCommit} before the commit): ${partial} partial imports visible, ${lost} committed lines lost, ` +
    `${badIntegrity} failed integrity checks, ${wrongRerun} re-runs that did not add exactly the missing lines`,
);
