import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { failureLine } from '../../src/cli/options.ts';
import { AppError } from '../../src/core/errors/app-error.ts';
import { cliCompany, PACER_ENV, runPacer } from '../support/cli.ts';

const PACER = join(import.meta.dirname, '..', '..', 'bin', 'pacer.js');

/** Runs `pacer …` with PACER_LANG set (or unset: ''). */
const runIn = (lang: string, args: string[]) =>
  spawnSync(process.execPath, [PACER, ...args], {
    encoding: 'utf8',
    env: { ...PACER_ENV, PACER_LANG: lang },
  });

const CJK = /[\u3400-\u9fff]/;

describe('the CLI answers bad input with one clear line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pacer-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('pacer company create with a bad e-mail names the option, in the user’s language', () => {
    const run = (lang: string) =>
      spawnSync(
        process.execPath,
        [PACER, 'company', 'create', '--name', 'Shop', '--owner', 'not-an-email', '--data', dir],
        { encoding: 'utf8', env: { ...process.env, PACER_LANG: lang } },
      );
    const en = run('en');
    expect(en.status).toBe(1);
    const lines = en.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^pacer: Some fields are not valid\. \(--owner: .+\)$/);
    expect(en.stderr).not.toContain('"code"');
    const zh = run('zh-TW');
    expect(zh.stderr.trim()).toMatch(/^pacer: 部分欄位格式不正確。 \(--owner: .+\)$/);
  });

  it("says commander's own parse errors in the chosen language, both when none was chosen", () => {
    const none = runIn('', ['goal', 'list', '--bogus']);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('錯誤:不認得的選項 --bogus');
    expect(none.stderr).toContain("error: unknown option '--bogus'");
    const zh = runIn('', ['goal', 'list', '--bogus', '--lang', 'zh-TW']);
    expect(zh.stderr).toContain('錯誤:不認得的選項 --bogus');
    expect(zh.stderr).not.toContain('error: unknown option');
    const en = runIn('en', ['import', 'sales']);
    expect(en.stderr).toContain("error: missing required argument 'file'");
    expect(en.stderr).not.toContain('錯誤');
  });

  it('puts any AppError or zod failure in one line, both languages when the terminal names neither', () => {
    expect(failureLine(new AppError('MEMBER_NOT_FOUND'), 'en')).toBe('Member not found.');
    expect(failureLine(new AppError('MEMBER_NOT_FOUND'), 'zh-TW')).toBe('找不到這位成員。');
    expect(failureLine(new AppError('MEMBER_NOT_FOUND'), null)).toBe('找不到這位成員。 / Member not found.');
    // A use case's field problem named by a code is worded, as the API words it.
    const notMember = new AppError('VALIDATION_FAILED', [{ path: 'ownerUserId', message: 'not_a_member' }]);
    expect(failureLine(notMember, 'zh-TW')).toBe('部分欄位格式不正確。 (ownerUserId: 這個人不是公司的成員)');
    expect(failureLine(notMember, 'en')).toBe(
      'Some fields are not valid. (ownerUserId: this person is not a member of the company)',
    );
    const zod = z.object({ email: z.string().email() }).safeParse({ email: 'x' });
    expect(zod.success).toBe(false);
    if (!zod.success)
      expect(failureLine(zod.error, 'en')).toMatch(/^Some fields are not valid\. \(email: .+\)$/);
    expect(failureLine(new Error('disk on fire'), 'en')).toBeNull();
  });
});

describe('every error code a command meets is said in words, in the chosen language (SQLite, real processes)', () => {
  let shop: ReturnType<typeof cliCompany>;
  let goalId: string;
  beforeAll(() => {
    shop = cliCompany('Errors');
    const goal = runPacer([
      'goal',
      'create',
      '--statement',
      '2027年第一季營收達到50000元',
      '--today',
      '2026-12-07',
      '--data',
      shop.data,
      '--json',
    ]);
    expect(goal.status, goal.stderr).toBe(0);
    goalId = JSON.parse(goal.stdout).id;
  }, 120_000);
  afterAll(() => shop?.remove());

  it('a marketing file imported as sales: the kind its columns fit, named in each language, and the command to use', () => {
    const file = join(shop.dir, 'ads.csv');
    writeFileSync(file, '日期,通路,廣告花費,曝光數,點擊數,名單數\n2026-03-01,Facebook,1200,5000,300,12\n');
    const zh = runIn('zh-TW', ['import', 'sales', file, '--data', shop.data]);
    expect(zh.status).toBe(1);
    expect(zh.stderr).toContain('這個檔案的欄位符合「行銷成效」,而不是「銷售明細」');
    expect(zh.stderr).toContain('pacer import marketing');
    const en = runIn('en', ['import', 'sales', file, '--data', shop.data]);
    expect(en.stderr).toContain('the columns of this file fit marketing results, not sales lines');
    expect(en.stderr).not.toMatch(CJK);
    const json = runIn('en', ['import', 'sales', file, '--data', shop.data, '--json']);
    expect(JSON.parse(json.stdout).error).toMatchObject({ code: 'IMPORT_KIND_MISMATCH' });
    // As marketing, it imports.
    const ok = runIn('en', ['import', 'marketing', file, '--data', shop.data, '--json']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ added: 1 });
  }, 60_000);

  it('with no language chosen, a failure is said in both (zh-TW first); --json in zh-TW', () => {
    const none = runIn('', ['goal', 'grade', 'nope', '--data', shop.data]);
    expect(none.status).toBe(1);
    expect(none.stderr).toBe('pacer: 找不到這個目標。 / Goal not found.\n');
    // A CliError too (no such company), and --json's message.
    const company = runIn('', ['goal', 'list', '--company', 'Nobody', '--data', shop.data]);
    expect(company.status).toBe(1);
    expect(company.stderr).toMatch(CJK);
    expect(company.stderr).toMatch(/ \/ [A-Z]/);
    const json = runIn('', ['goal', 'grade', 'nope', '--data', shop.data, '--json']);
    expect(JSON.parse(json.stdout).error).toEqual({
      code: 'GOAL_NOT_FOUND',
      message: '找不到這個目標。',
      fields: [],
    });
    // A goal command settles the sentence's language when none was chosen: its failure follows it.
    const en = runIn('', ['goal', 'create', '--statement', 'Grow sales', '--data', shop.data]);
    expect(en.status).toBe(1);
    expect(en.stderr).toMatch(/^pacer: Cannot save: the sentence names no /);
    expect(en.stderr).not.toMatch(CJK);
  }, 60_000);

  it('an unknown goal: a sentence, not GOAL_NOT_FOUND; the code only in --json', () => {
    const zh = runIn('zh-TW', ['goal', 'grade', 'nope', '--data', shop.data]);
    expect(zh.status).toBe(1);
    expect(zh.stderr).toBe('pacer: 找不到這個目標。\n');
    const en = runIn('', ['goal', 'grade', 'nope', '--data', shop.data, '--lang', 'en']);
    expect(en.stderr).toBe('pacer: Goal not found.\n');
    const json = runIn('', ['goal', 'grade', 'nope', '--data', shop.data, '--lang', 'en', '--json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      error: { code: 'GOAL_NOT_FOUND', message: 'Goal not found.', fields: [] },
    });
    // plan show and import-undo say theirs the same way.
    const plan = runIn('', ['plan', 'show', 'nope', '--data', shop.data, '--lang', 'en']);
    expect(plan.stderr).toBe('pacer: Goal not found.\n');
    const undo = runIn('en', ['import-undo', '123', '--data', shop.data]);
    expect(undo.stderr).toBe('pacer: Import not found.\n');
  }, 60_000);

  it('a stale version: the catalogue’s sentence in the language asked for; --json carries VERSION_CONFLICT', () => {
    const args = ['goal', 'edit', goalId, '--version', '0', '--target', '60000', '--reason', 'x'];
    const zh = runIn('', [...args, '--data', shop.data, '--lang', 'zh-TW']);
    expect(zh.status).toBe(1);
    expect(zh.stderr).toBe('pacer: 在您編輯期間已有其他人儲存過。請重新載入查看變更後再儲存。\n');
    const json = runIn('en', [...args, '--data', shop.data, '--json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout).error).toMatchObject({
      code: 'VERSION_CONFLICT',
      message: expect.stringContaining('Someone else saved this'),
    });
    expect(json.stderr).not.toContain('VERSION_CONFLICT');
  }, 60_000);

  it('goal create --json on a sentence it cannot save: one JSON answer, the reading beside the error', () => {
    const r = runIn('en', ['goal', 'create', '--statement', '提升銷售額', '--data', shop.data, '--json']);
    expect(r.status).toBe(1);
    const answer = JSON.parse(r.stdout);
    expect(answer).toMatchObject({
      saved: false,
      missing: ['target', 'period'],
      error: { code: 'GOAL_INCOMPLETE' },
    });
    expect(answer.error.message).toMatch(/^Cannot save: the sentence names no target, period\./);
  }, 60_000);

  it('plan split with --lang en: one language, no code in front', () => {
    const r = runIn('', ['plan', 'split', 'nope', '--into', 'month', '--data', shop.data, '--lang', 'en']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('pacer: Goal not found.\n');
    const company = runIn('', ['goal', 'list', '--company', 'Nobody', '--data', shop.data, '--lang', 'en']);
    expect(company.stderr).toMatch(/^pacer: No company "Nobody"/);
    expect(company.stderr).not.toMatch(CJK);
  }, 60_000);

  it('pacer kpi --json prints a refused question as {"error": {"code", "message"}}', () => {
    const args = ['kpi', 'revenue', '--from', '2026-02-30', '--to', '2026-03-31', '--json'];
    const r = runIn('', [...args, '--data', shop.data, '--lang', 'en']);
    expect(r.status).toBe(1);
    const { error } = JSON.parse(r.stdout);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/^Some fields are not valid\. \(from: /);
    expect(error.fields.map((f: { path: string }) => f.path)).toEqual(['from']);
    expect(r.stderr).toMatch(/^pacer: Some fields are not valid\./);
  }, 60_000);
});

describe('a data folder with no database (SQLite, real processes)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pacer-nodata-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a command that reads refuses it, says so and creates nothing there', () => {
    const typo = join(dir, 'nonexist-xyz');
    const en = runIn('en', ['kpi', 'revenue', '--from', '2026-01-01', '--to', '2026-01-31', '--data', typo]);
    expect(en.status).toBe(1);
    expect(en.stderr).toBe(
      `pacer: No Pacer database in ${typo} (no ${join(typo, 'pacer.sqlite')}). Check --data; \`pacer start\`, \`pacer migrate\` or \`pacer user create\` create one.\n`,
    );
    const zh = runIn('zh-TW', ['goal', 'list', '--data', typo, '--json']);
    expect(zh.status).toBe(1);
    expect(JSON.parse(zh.stdout).error).toMatchObject({ code: 'DATA_NOT_FOUND' });
    expect(zh.stderr).toContain(`${typo} 中沒有 Pacer 資料庫`);
    for (const args of [['import-undo', 'x'], ['plan', 'show', 'x'], ['import-history'], ['company', 'list']])
      expect(runIn('en', [...args, '--data', typo]).stderr).toContain('No Pacer database');
    expect(existsSync(typo)).toBe(false);
  }, 60_000);

  it('a command that creates makes the database', () => {
    const fresh = join(dir, 'fresh');
    const user = runIn('en', [
      'user',
      'create',
      '--email',
      'n@example.com',
      '--name',
      'N',
      '--password',
      'cli test secret',
      '--data',
      fresh,
    ]);
    expect(user.status, user.stderr).toBe(0);
    expect(existsSync(join(fresh, 'pacer.sqlite'))).toBe(true);
    const migrated = runIn('en', ['migrate', '--data', join(dir, 'migrated')]);
    expect(migrated.status, migrated.stderr).toBe(0);
    expect(existsSync(join(dir, 'migrated', 'pacer.sqlite'))).toBe(true);
  }, 60_000);
});
