import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliCompany, PACER, PACER_ENV } from '../support/cli.ts';

/** Runs `pacer …` with PACER_LANG set ('' : unset). */
const run = (args: string[], lang = '') =>
  spawnSync(process.execPath, [PACER, ...args], {
    encoding: 'utf8',
    env: { ...PACER_ENV, PACER_LANG: lang },
  });

const CJK = /[\u3400-\u9fff]/;

/** Sales over 2026 with returning customers: units (a count) and the repeat-purchase rate (a ratio). */
const CSV = [
  '訂單編號,日期,產品,數量,金額,客戶',
  ...['01', '02', '03'].flatMap((m) =>
    ['03', '10', '17'].flatMap((d) => [
      `O${m}${d},2026-${m}-${d},拿鐵,2,240,C${d}`,
      `P${m}${d},2026-${m}-${d},美式,1,90,M${m}`,
    ]),
  ),
].join('\n');

describe('one language per command: --lang everywhere, PACER_LANG, and figures by kind (SQLite, real processes)', () => {
  let shop: ReturnType<typeof cliCompany>;
  beforeAll(() => {
    shop = cliCompany('Lang');
    const file = join(shop.dir, 'sales.csv');
    writeFileSync(file, CSV);
    const imp = run(['import', 'sales', file, '--data', shop.data, '--json']);
    expect(imp.status, imp.stderr).toBe(0);
  }, 120_000);
  afterAll(() => shop?.remove());

  it('every command takes --lang (before or after its name)', () => {
    const d = ['--data', shop.data];
    for (const args of [
      ['company', 'list', ...d, '--lang', 'en'],
      ['--lang', 'en', 'company', 'list', ...d],
      ['goal', 'list', ...d, '--lang', 'en'],
      ['token', 'create', '--user', shop.owner, '--name', 'ci', ...d, '--lang', 'en'],
      [
        'user',
        'create',
        '--email',
        'x@example.com',
        '--name',
        'X',
        '--password',
        'cli test secret',
        ...d,
        '--lang',
        'en',
      ],
      ['import-history', ...d, '--lang', 'en'],
    ]) {
      const r = run(args);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stderr).not.toContain('unknown option');
    }
    expect(run(['plan', 'show', 'x', ...d, '--lang', 'en']).stderr).toBe('pacer: Goal not found.\n');
    expect(run(['import-undo', 'x', ...d, '--lang', 'en']).stderr).toBe('pacer: Import not found.\n');
    const bad = run(['goal', 'list', ...d, '--lang', 'fr']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--lang');
  }, 60_000);

  it('goal create and list print zh-TW only by default, English only with --lang en', () => {
    const args = ['goal', 'create', '--statement', '2027年第一季營收達到50000元', '--today', '2026-12-07'];
    const zh = run([...args, '--data', shop.data]);
    expect(zh.status, zh.stderr).toBe(0);
    for (const word of ['Score', 'Achievability', 'baseline', 'forecast', 'recommended', 'Rewrite', 'active'])
      expect(zh.stdout).not.toContain(word);
    expect(zh.stdout).toContain('分數');
    expect(zh.stdout).toContain('可達成性');
    expect(zh.stdout).toContain('建議寫法');
    const list = run(['goal', 'list', '--data', shop.data]);
    expect(list.stdout.split('\n')[0]).toBe('Lang: 1 個目標');
    expect(list.stdout).not.toMatch(/goal\(s\)/);
    const en = run([...args, '--data', shop.data, '--lang', 'en']);
    expect(en.status, en.stderr).toBe(0);
    expect(en.stdout).toContain('Achievability:');
    expect(en.stdout).not.toMatch(/可達成性|分數|建議寫法|進行中/);
    expect(run(['goal', 'list', '--data', shop.data], 'en').stdout.split('\n')[0]).toBe('Lang: 2 goals');
  }, 60_000);

  it('pacer kpi: counts carry no currency, rates read as percents; --json keeps the raw numbers', () => {
    const range = ['--from', '2026-01-01', '--to', '2026-03-31', '--data', shop.data];
    const units = run(['kpi', 'units', ...range]);
    expect(units.status, units.stderr).toBe(0);
    const [head, ...rows] = units.stdout.trim().split('\n');
    expect(head).toBe('Lang · 銷售量 units (數量)');
    expect(head).not.toContain('TWD');
    expect(rows).toContain('2026-01\t9');
    const revenue = run(['kpi', 'revenue', ...range, '--lang', 'en']);
    expect(revenue.stdout.split('\n')[0]).toBe('Lang · Revenue revenue (amount, TWD)');
    const rate = run(['kpi', 'repeat_purchase_rate', ...range, '--grain', 'total', '--lang', 'en']);
    expect(rate.status, rate.stderr).toBe(0);
    expect(rate.stdout.trim().split('\n').at(-1)).toMatch(/^Total\t\d+\.\d%$/);
    const json = JSON.parse(
      run(['kpi', 'repeat_purchase_rate', ...range, '--grain', 'total', '--json']).stdout,
    );
    expect(json.unit).toBe('ratio');
    expect(json.total[0].value).toBeGreaterThan(0);
    expect(json.total[0].value).toBeLessThanOrEqual(1);
  }, 60_000);

  it('pacer import says its summary in one language', () => {
    const file = join(shop.dir, 'sales.csv');
    const zh = run(['import', 'sales', file, '--data', shop.data]);
    expect(zh.status, zh.stderr).toBe(0);
    expect(zh.stdout).toMatch(/有誤 \d+ 筆 （[\d.]+ 秒，每秒 [\d,]+ 行）/);
    // Full-width, as the rest of the Chinese summary.
    expect(zh.stdout).toMatch(/^匯入編號：[0-9a-f-]{36}$/m);
    expect(zh.stdout).not.toMatch(/lines\/s|import id/);
    const en = run(['import', 'sales', file, '--data', shop.data], 'en');
    expect(en.stdout).toMatch(/rejected \([\d.]+ s, [\d,]+ lines\/s\)/);
    expect(en.stdout).toMatch(/^import id: /m);
    expect(en.stdout).not.toMatch(CJK);
  }, 60_000);

  it('PACER_LANG chooses the language; --lang wins over it', () => {
    const undo = run(['import-undo', '123', '--data', shop.data], 'en');
    expect(undo.stderr).toBe('pacer: Import not found.\n');
    const zh = run(['import-undo', '123', '--data', shop.data, '--lang', 'zh-TW'], 'en');
    expect(zh.stderr).toBe('pacer: 找不到這筆匯入紀錄。\n');
  }, 60_000);
});

/** Starts `pacer start` and resolves with what it printed once it says where the API docs are. */
function startOutput(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc: ChildProcess = spawn(
      process.execPath,
      [PACER, 'start', '--port', '0', '--no-web', '--log-level', 'silent', ...args],
      { env: { ...PACER_ENV, PACER_LANG: 'en' } },
    );
    let out = '';
    const done = (error?: Error) => {
      proc.kill('SIGTERM');
      if (error) reject(error);
      else resolve(out);
    };
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('API docs')) done();
    });
    proc.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    proc.on('exit', (code) => {
      if (!out.includes('API docs')) reject(new Error(`pacer start exited ${code}: ${out}`));
    });
  });
}

describe('pacer start names the demo login only where it works (SQLite, real processes)', () => {
  let plain: ReturnType<typeof cliCompany>;
  let demo: ReturnType<typeof cliCompany>;
  beforeAll(() => {
    plain = cliCompany('Plain');
    // The demo user, with its password, in a database that has a company (no demo is seeded).
    demo = cliCompany('Demo');
    const user = run([
      'user',
      'create',
      '--email',
      'demo@pacer.local',
      '--name',
      'Demo',
      '--password',
      'pacer-demo-2026',
      '--data',
      demo.data,
    ]);
    expect(user.status, user.stderr).toBe(0);
  }, 120_000);
  afterAll(() => {
    plain?.remove();
    demo?.remove();
  });

  it('says nothing of a demo login on a database without the demo user', async () => {
    const out = await startOutput(['--data', plain.data]);
    expect(out).toContain('Pacer is running');
    expect(out).not.toContain('demo@pacer.local');
    expect(out).not.toContain('Demo login');
  }, 60_000);

  it('names it where the demo user is', async () => {
    const out = await startOutput(['--data', demo.data]);
    expect(out).toContain('Demo login: demo@pacer.local / pacer-demo-2026');
  }, 60_000);
});
