import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliCompany, runPacer as run } from '../support/cli.ts';

/**
 * The CLI words a use case's field problem from its code, as the API does: an impossible target (the
 * contract's own code) and a split by a dimension the data has no member of.
 */
describe('pacer: use cases’ field problems by code (SQLite, the real CLI)', () => {
  let shop: ReturnType<typeof cliCompany>;
  let goalId: string;
  beforeAll(() => {
    shop = cliCompany('Fields');
    const created = run([
      'goal',
      'create',
      '--statement',
      '2026年營收達到1200萬',
      '--today',
      '2026-01-01',
      '--data',
      shop.data,
      '--json',
    ]);
    expect(created.status, created.stderr).toBe(0);
    goalId = JSON.parse(created.stdout).id;
  }, 60_000);
  afterAll(() => shop?.remove());

  it('an impossible target, in either language', () => {
    const edit = (lang: string) =>
      run([
        'goal',
        'edit',
        goalId,
        '--target',
        '-500000',
        '--reason',
        '試算',
        '--data',
        shop.data,
        '--lang',
        lang,
      ]);
    const zh = edit('zh-TW');
    expect(zh.status).toBe(1);
    expect(zh.stderr).toContain('target.value: 金額或數量不會是負數:目標必須是0以上');
    const en = edit('en');
    expect(en.stderr).toContain(
      'target.value: an amount or a count is never negative: the target must be 0 or more',
    );
  }, 60_000);

  it('a split by a dimension without members: the reason names it, the field is worded by its code', () => {
    const split = (...more: string[]) =>
      run([
        'plan',
        'split',
        goalId,
        '--into',
        'quarter',
        '--by',
        'rep',
        '--dry-run',
        '--data',
        shop.data,
        ...more,
      ]);
    const en = split('--lang', 'en');
    expect(en.status).toBe(1);
    expect(en.stderr).toContain(
      'This goal cannot be split that way: there are no sales rep members in your data (by: your data has no members of this dimension to split among)',
    );
    const json = split('--json', '--lang', 'zh-TW');
    expect(JSON.parse(json.stdout).error).toMatchObject({
      code: 'PLAN_CANNOT_SPLIT',
      fields: [{ path: 'by', code: 'split_no_members', message: '資料中沒有這個維度的任何項目可以拆分' }],
    });
  }, 60_000);
});
