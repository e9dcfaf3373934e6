import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime } from '../../src/db/runtime.ts';
import { startServer } from '../../src/server/main.ts';
import { type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';

const PACER = join(import.meta.dirname, '..', '..', 'bin', 'pacer.js');
/** Root writes anywhere: run the server as `nobody` then, so that read-only means read-only. */
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;

function runPacer(args: string[]) {
  const env = { ...process.env, PACER_LANG: '', LANG: 'C', LC_ALL: '', LC_MESSAGES: '' };
  return spawnSync(process.execPath, [PACER, ...args], {
    encoding: 'utf8',
    env,
    // A server that wrongly starts is stopped here (the test then fails on its exit status).
    timeout: 60_000,
    ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
}

/** A data folder holding a migrated database, owned by the user the server will run as. */
async function dataFolder(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'pacer-ro-'));
  const rt = await openRuntime({ dataDir: dir });
  await rt.close();
  if (asRoot) for (const f of ['', ...readdirSync(dir)]) chownSync(join(dir, f), NOBODY, NOBODY);
  return dir;
}

describe('a data folder or database the server cannot write', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) {
      chmodSync(d, 0o755);
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('refuses to start on a read-only data folder, saying why in zh-TW and English', async () => {
    const dir = await dataFolder();
    dirs.push(dir);
    chmodSync(dir, 0o555);
    const r = runPacer(['start', '--data', dir, '--port', '0', '--no-web', '--no-demo']);
    expect(r.stdout).not.toContain('Pacer is running');
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain('唯讀');
    expect(r.stderr).toContain('read-only');
    expect(r.stderr).toContain(dir);
  });

  it('refuses to start on a read-only database file', async () => {
    const dir = await dataFolder();
    dirs.push(dir);
    chmodSync(join(dir, 'pacer.sqlite'), 0o444);
    const r = runPacer(['start', '--data', dir, '--port', '0', '--no-web', '--no-demo']);
    expect(r.stdout).not.toContain('Pacer is running');
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain('唯讀');
    expect(r.stderr).toContain('read-only');
  });
});

describe('uploads live in the data folder and are emptied at start', () => {
  it('removes the files of wizards and imports a stop or a kill left behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pacer-uploads-'));
    try {
      const left = join(dir, 'uploads', 'company-1');
      mkdirSync(left, { recursive: true });
      writeFileSync(join(left, 'abcdefghijklmnopqrstuvwx.bin'), 'a,b\n1,2\n');
      writeFileSync(join(left, 'abcdefghijklmnopqrstuvwx.json'), '{}');
      const server = await startServer({
        database: { dataDir: dir },
        port: 0,
        host: '127.0.0.1',
        webDir: null,
        logLevel: 'silent',
      });
      try {
        expect(readdirSync(join(dir, 'uploads'))).toEqual([]);
      } finally {
        await server.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(dialects())('uploads are kept under DATA/uploads (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it('stores an upload in the data folder, not in the OS temp folder', async () => {
    const { client, companyId } = await signUp(h.app, 'Uploader');
    const res = await client.upload(
      `/api/companies/${companyId}/imports/uploads`,
      's.csv',
      '日期,金額\n2026-01-01,1\n',
    );
    expect(res.statusCode).toBe(201);
    const { uploadId } = res.json() as { uploadId: string };
    const dataDir = h.db.config.dataDir ?? '';
    expect(existsSync(join(dataDir, 'uploads', companyId, `${uploadId}.bin`))).toBe(true);
  });
});
