import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway PostgreSQL cluster in a temp folder, owned by this test run. */
export interface PostgresCluster {
  url: string;
  stop(): void;
}

export function findPostgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = join(root, v, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** initdb refuses to run as root: run the server binaries as the `postgres` user when we are root. */
function asPostgres(cmd: string, args: string[]): string[] {
  return process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', cmd, ...args] : [cmd, ...args];
}

function run(bin: string, cmd: string, args: string[]): void {
  const [exe, ...rest] = asPostgres(join(bin, cmd), args);
  const r = spawnSync(exe as string, rest, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
}

/** Makes the cluster's folder (`dir/data`) unless it is there, then starts it on a free port. */
async function startIn(bin: string, dir: string, settings: string): Promise<{ url: string; data: string }> {
  chmodSync(dir, 0o777);
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:', dir]);
  const data = join(dir, 'data');
  const port = await freePort();
  if (!existsSync(data))
    run(bin, 'initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
  run(bin, 'pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200${settings}`,
    'start',
  ]);
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, data };
}

export async function startPostgresCluster(bin: string): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'pacer-pg-'));
  const { url, data } = await startIn(bin, dir, ' -c fsync=off');
  return {
    url,
    stop() {
      try {
        run(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * A cluster kept in `dir` between runs (bench/kpi-load.ts: a 10M-line database is imported once),
 * with PostgreSQL's own durability settings; stop() shuts it down cleanly and keeps its files.
 */
export async function startKeptPostgresCluster(bin: string, dir: string): Promise<PostgresCluster> {
  mkdirSync(dir, { recursive: true });
  // Left running by a run that failed: stopped first (its port is another's now).
  if (existsSync(join(dir, 'data', 'postmaster.pid'))) {
    const [exe, ...rest] = asPostgres(join(bin, 'pg_ctl'), [
      '-D',
      join(dir, 'data'),
      '-m',
      'fast',
      '-w',
      'stop',
    ]);
    spawnSync(exe as string, rest);
  }
  const { url, data } = await startIn(bin, dir, '');
  return { url, stop: () => run(bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']) };
}
