import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime } from '../../src/db/runtime.ts';

/**
 * Real processes: `pacer start` on a SQLite folder, killed with SIGKILL in the middle of a stream of
 * profile saves; and `pacer backup` of the running instance, restored and opened.
 */
const PACER = resolve(import.meta.dirname, '../../bin/pacer.js');
const env = { ...process.env, PACER_SCRYPT_LOGN: '12', LOG_LEVEL: 'silent' };

function startPacer(dataDir: string): Promise<{ proc: ChildProcess; url: string }> {
  return new Promise((resolveStart, reject) => {
    const proc = spawn(
      process.execPath,
      [PACER, 'start', '--data', dataDir, '--port', '0', '--no-web', '--no-demo', '--log-level', 'silent'],
      { env },
    );
    let out = '';
    const timer = setTimeout(() => reject(new Error(`pacer start timed out: ${out}`)), 30_000);
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/localhost:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolveStart({ proc, url: m[1] });
      }
    });
    proc.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    proc.on('exit', (code) => reject(new Error(`pacer exited ${code}: ${out}`)));
  });
}

async function signUpOver(url: string) {
  const res = await fetch(`${url}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'owner@example.com',
      password: 'correct horse battery',
      name: 'O',
      companyName: '耐用咖啡',
    }),
  });
  expect(res.status).toBe(201);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const s = (await res.json()) as { csrfToken: string; currentCompanyId: string };
  return { cookie, csrf: s.csrfToken, companyId: s.currentCompanyId };
}

describe('durability on SQLite (real server processes)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pacer-durability-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses no acknowledged profile save when killed mid-save; integrity_check ok', async () => {
    const data = join(dir, 'kill');
    const { proc, url } = await startPacer(data);
    const s = await signUpOver(url);
    let acknowledged = 0;
    let version = 0;
    const saving = (async () => {
      for (let i = 0; i < 10_000; i++) {
        try {
          const res = await fetch(`${url}/api/companies/${s.companyId}/profile`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
            body: JSON.stringify({
              stage: 'mature',
              industry: `save ${i + 1}`,
              currency: 'TWD',
              fiscalYearStartMonth: 1,
              timeZone: 'Asia/Taipei',
              description: 'x'.repeat(500),
              version,
            }),
          });
          if (res.status !== 200) break;
          version = ((await res.json()) as { version: number }).version;
          acknowledged = i + 1;
        } catch {
          break;
        }
      }
    })();
    await new Promise((r) => setTimeout(r, 400 + Math.random() * 400));
    proc.kill('SIGKILL');
    await saving;
    expect(acknowledged).toBeGreaterThan(0);

    const file = join(data, 'pacer.sqlite');
    const check = new SQLite(file);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    const row = check
      .prepare('select version, industry from company_profiles where company_id = ?')
      .get(s.companyId) as {
      version: number;
      industry: string;
    };
    check.close();
    // Every save the server answered is on disk (a save in flight at the kill may also have landed).
    expect(row.version).toBeGreaterThanOrEqual(acknowledged);
    expect(row.industry).toBe(`save ${row.version}`);

    const again = await startPacer(data);
    const health = await fetch(`${again.url}/api/health`);
    expect(health.status).toBe(200);
    again.proc.kill('SIGTERM');
  }, 180_000);

  it('pacer backup copies a running instance consistently; the copy opens as a working database', async () => {
    const data = join(dir, 'live');
    const { proc, url } = await startPacer(data);
    const s = await signUpOver(url);
    const target = join(dir, 'backup.sqlite');
    const r = spawnSync(process.execPath, [PACER, 'backup', target, '--data', data, '--json'], {
      env,
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ integrity: 'ok' });
    proc.kill('SIGTERM');

    const refused = spawnSync(process.execPath, [PACER, 'backup', target, '--data', data], {
      env,
      encoding: 'utf8',
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('already exists');

    const restored = join(dir, 'restored');
    spawnSync('mkdir', ['-p', restored]);
    spawnSync('cp', [target, join(restored, 'pacer.sqlite')]);
    const rt = await openRuntime({ dataDir: restored });
    const company = await rt.ctx.repos.companies.findById(s.companyId);
    expect(company?.name).toBe('耐用咖啡');
    await rt.close();
    const back = await startPacer(restored);
    const login = await fetch(`${back.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@example.com', password: 'correct horse battery' }),
    });
    expect(login.status).toBe(200);
    back.proc.kill('SIGTERM');
    expect(existsSync(target)).toBe(true);
  }, 180_000);

  it('says clearly when the port is taken', async () => {
    const data = join(dir, 'port');
    const { proc, url } = await startPacer(data);
    const port = new URL(url).port;
    const r = spawnSync(
      process.execPath,
      [PACER, 'start', '--data', data, '--port', port, '--no-web', '--no-demo'],
      {
        env,
        encoding: 'utf8',
      },
    );
    proc.kill('SIGTERM');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Port ${port} is already in use`);
  }, 120_000);
});
