import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliCompany, runPacer as run } from '../support/cli.ts';

/** `pacer goal create / list / grade` as real processes over a SQLite data folder. */
const COFFEE_GOAL =
  '在接下來的3個月內,通過推出季節限定飲品和提升顧客忠誠度計劃,將平均每日銷售額提升15%,達到每日銷售額1500元。';

describe('pacer goal (SQLite, real processes)', () => {
  let data: string;
  let remove = () => {};
  beforeAll(() => {
    const co = cliCompany('Goal Co');
    data = co.data;
    remove = co.remove;
  }, 120_000);
  afterAll(() => remove());

  it('creates a goal from the guide’s sentence, lists it and grades it', () => {
    const created = run([
      'goal',
      'create',
      '--statement',
      COFFEE_GOAL,
      '--today',
      '2026-11-27',
      '--data',
      data,
      '--json',
    ]);
    expect(created.status, created.stderr).toBe(0);
    const goal = JSON.parse(created.stdout);
    expect(goal).toMatchObject({ metric: 'revenue', status: 'active', version: 1 });
    expect(goal.target).toMatchObject({ kind: 'absolute', value: 1500, per: 'day' });
    expect(goal.grading.grades).toMatchObject({ specific: 'pass', measurable: 'pass', time_bound: 'pass' });
    expect(goal.grading.achievability.verdict).toBe('unknown');

    const listed = run(['goal', 'list', '--data', data, '--json']);
    expect(listed.status, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout).map((g: { id: string }) => g.id)).toEqual([goal.id]);

    const graded = run(['goal', 'grade', goal.id, '--data', data]);
    expect(graded.status, graded.stderr).toBe(0);
    expect(graded.stdout).toContain('S✓ M✓ A?');
    expect(graded.stdout).toContain('12個月');
    // Money carries the company's currency (the guide's 每日1500元: revenue a day, NT$).
    expect(graded.stdout).toMatch(/營收 達到 NT\$1,500 每日/);

    // A rate target is a level in its unit (not a total rounded to 1); the data's age is said.
    const retention = run([
      'goal',
      'create',
      '--statement',
      '下季將客戶留存率提升至60%',
      '--data',
      data,
      '--json',
    ]);
    expect(retention.status, retention.stderr).toBe(0);
    const level = run(['goal', 'grade', JSON.parse(retention.stdout).id, '--data', data, '--lang', 'en']);
    expect(level.stdout).toContain('target level: 60.0%');
    expect(level.stdout).not.toContain('target over the period');
    expect(level.stdout).toContain('no sales data yet');
    expect(run(['goal', 'archive', JSON.parse(retention.stdout).id, '--data', data]).status).toBe(0);

    const vague = run(['goal', 'create', '--statement', '提升銷售額', '--data', data, '--lang', 'en']);
    expect(vague.status).not.toBe(0);
    expect(vague.stderr).toContain('target');
    // An unknown goal is said in words, in the language asked for; --json carries the code.
    const unknown = run(['goal', 'grade', 'no-such-goal', '--data', data, '--lang', 'en']);
    expect(unknown.stderr).toBe('pacer: Goal not found.\n');
    const unknownJson = run(['goal', 'grade', 'no-such-goal', '--data', data, '--json']);
    expect(JSON.parse(unknownJson.stdout).error).toMatchObject({
      code: 'GOAL_NOT_FOUND',
      message: '找不到這個目標。',
    });

    const edited = run([
      'goal',
      'edit',
      goal.id,
      '--target',
      '1800',
      '--reason',
      '試營運後上修',
      '--data',
      data,
      '--json',
    ]);
    expect(edited.status, edited.stderr).toBe(0);
    expect(JSON.parse(edited.stdout)).toMatchObject({
      version: 2,
      target: { kind: 'absolute', value: 1800, per: 'day' },
    });
    const stale = run([
      'goal',
      'edit',
      goal.id,
      '--target',
      '1900',
      '--version',
      '1',
      '--reason',
      'x',
      '--data',
      data,
      '--lang',
      'en',
    ]);
    expect(stale.status).not.toBe(0);
    expect(stale.stderr).toContain('Someone else saved this in the meantime.');

    const archived = run(['goal', 'archive', goal.id, '--data', data, '--json']);
    expect(archived.status, archived.stderr).toBe(0);
    expect(JSON.parse(archived.stdout)).toMatchObject({ id: goal.id, status: 'archived' });
    expect(JSON.parse(run(['goal', 'list', '--data', data, '--json']).stdout)).toEqual([]);
    const restored = run(['goal', 'restore', goal.id, '--data', data, '--json']);
    expect(JSON.parse(restored.stdout)).toMatchObject({ status: 'active' });
  }, 180_000);
});
