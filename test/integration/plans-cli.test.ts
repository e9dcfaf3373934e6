import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** `pacer plan split / show / stage / replan` as real processes over a SQLite data folder: the CLI contract. */
const PACER = resolve(import.meta.dirname, '../../bin/pacer.js');
const env = { ...process.env, PACER_SCRYPT_LOGN: '12' };
const run = (args: string[]) => spawnSync(process.execPath, [PACER, ...args], { env, encoding: 'utf8' });

interface Child {
  id: string | null;
  period: { start: string; end: string };
  scope: Record<string, string[]>;
  target: number;
  share: number;
}

describe('pacer plan (SQLite, real processes)', () => {
  let dir: string;
  let data: string;
  let goalId: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pacer-plan-'));
    data = join(dir, 'data');
    const user = run([
      'user',
      'create',
      '--email',
      'p@example.com',
      '--name',
      'P',
      '--password',
      'plan cli secret',
      '--data',
      data,
    ]);
    expect(user.status, user.stderr).toBe(0);
    const co = run(['company', 'create', '--name', 'Plan Co', '--owner', 'p@example.com', '--data', data]);
    expect(co.status, co.stderr).toBe(0);
    const goal = run([
      'goal',
      'create',
      '--statement',
      '2027年全年銷售額達到1200萬元',
      '--data',
      data,
      '--json',
    ]);
    expect(goal.status, goal.stderr).toBe(0);
    goalId = JSON.parse(goal.stdout).id;
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('split --dry-run previews, split saves, show prints the tree, replan records the choice', () => {
    const preview = run([
      'plan',
      'split',
      goalId,
      '--into',
      'quarter',
      '--dry-run',
      '--json',
      '--data',
      data,
    ]);
    expect(preview.status, preview.stderr).toBe(0);
    const p = JSON.parse(preview.stdout);
    expect(p).toMatchObject({ goalId, method: 'equal', into: 'quarter', total: 12_000_000 });
    expect(p.children.map((c: Child) => [c.id, c.period, c.target])).toEqual([
      [null, { start: '2027-01-01', end: '2027-03-31' }, 2_958_904.11],
      [null, { start: '2027-04-01', end: '2027-06-30' }, 2_991_780.82],
      // Ties of the remainder go to the earlier period.
      [null, { start: '2027-07-01', end: '2027-09-30' }, 3_024_657.54],
      [null, { start: '2027-10-01', end: '2027-12-31' }, 3_024_657.53],
    ]);
    expect(Object.keys(p.children[0]).sort()).toEqual(['id', 'period', 'scope', 'share', 'target']);
    // The text shows money in whole units, as the web does (the JSON keeps the cents).
    const text = run([
      'plan',
      'split',
      goalId,
      '--into',
      'quarter',
      '--dry-run',
      '--lang',
      'en',
      '--data',
      data,
    ]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('\t2,958,904\t');
    expect(text.stdout).not.toMatch(/\d\.\d{2}\t/);

    const saved = run([
      'plan',
      'split',
      goalId,
      '--into',
      'month',
      '--method',
      'ramp',
      '--ramp',
      '5',
      '--json',
      '--data',
      data,
    ]);
    expect(saved.status, saved.stderr).toBe(0);
    const s = JSON.parse(saved.stdout);
    expect(s.children).toHaveLength(12);
    expect(s.children.every((c: Child) => typeof c.id === 'string')).toBe(true);
    expect(s.children.reduce((a: number, c: Child) => a + Math.round(c.target * 100), 0)).toBe(1_200_000_000);
    const perDay = s.children.map(
      (c: Child) => c.target / (Number(c.period.end.slice(8)) - Number(c.period.start.slice(8)) + 1),
    );
    for (let i = 1; i < 12; i++) expect(perDay[i] / perDay[i - 1]).toBeCloseTo(1.05, 3);

    const shown = run(['plan', 'show', goalId, '--json', '--data', data]);
    expect(shown.status, shown.stderr).toBe(0);
    const tree = JSON.parse(shown.stdout);
    expect(tree.goal).toMatchObject({ id: goalId, target: 12_000_000, mismatch: 0 });
    expect(tree.children.map((c: { id: string }) => c.id)).toEqual(s.children.map((c: Child) => c.id));
    expect(tree.children[0].children).toEqual([]);

    const replanned = run([
      'plan',
      'replan',
      goalId,
      '--today',
      '2027-04-01',
      '--keep',
      '--reason',
      '第一季沒有營業額',
      '--json',
      '--data',
      data,
    ]);
    expect(replanned.status, replanned.stderr).toBe(0);
    const r = JSON.parse(replanned.stdout);
    expect(r).toMatchObject({ mode: 'keep', remainingDays: 275, actualToDate: 0 });
    expect(r.requiredRunRate).toBeCloseTo(12_000_000 / 275, 2);
  }, 180_000);

  it('stage prints the three phases with graded goals; bad options say what is wrong', () => {
    const stage = run([
      'plan',
      'stage',
      'startup',
      '--start',
      '2027-01-01',
      '--dry-run',
      '--json',
      '--data',
      data,
    ]);
    expect(stage.status, stage.stderr).toBe(0);
    const st = JSON.parse(stage.stdout);
    expect(st.stage).toBe('startup');
    expect(st.phases.map((x: { period: object }) => x.period)).toEqual([
      { start: '2027-01-01', end: '2027-03-31' },
      { start: '2027-04-01', end: '2027-06-30' },
      { start: '2027-07-01', end: '2027-12-31' },
    ]);
    for (const phase of st.phases)
      for (const g of phase.goals) {
        expect(g.id).toBeNull();
        expect(typeof g.metric).toBe('string');
        // A company without data: a number where the template gives one, else the reason there is none.
        if (g.target === null) {
          expect(g.reason).toEqual(expect.any(String));
          continue;
        }
        expect(typeof g.target).toBe('number');
        expect(Object.keys(g.grades).sort()).toEqual([
          'achievable',
          'measurable',
          'relevant',
          'specific',
          'time_bound',
        ]);
      }

    const grain = run(['plan', 'split', goalId, '--into', 'decade', '--data', data]);
    expect(grain.status).not.toBe(0);
    expect(grain.stderr).toContain('--into');
    const ramp = run(['plan', 'split', goalId, '--into', 'month', '--method', 'ramp', '--data', data]);
    expect(ramp.status).not.toBe(0);
    expect(ramp.stderr).toContain('--ramp');
    const both = run(['plan', 'replan', goalId, '--today', '2027-04-01', '--reason', 'x', '--data', data]);
    expect(both.stderr).toContain('--spread');
    expect(run(['plan', 'show', 'no-such-goal', '--data', data]).stderr).toContain('找不到這個目標。');
  }, 180_000);

  it('prints a rate goal’s levels as percents (a level, not a total), carried to every child, never split', () => {
    const goal = run(['goal', 'create', '--statement', '2027年回購率提升到30%', '--data', data, '--json']);
    expect(goal.status, goal.stderr).toBe(0);
    const rate = JSON.parse(goal.stdout);
    expect(rate.metric).toBe('repeat_purchase_rate');
    const preview = run([
      'plan',
      'split',
      rate.id,
      '--into',
      'quarter',
      '--dry-run',
      '--data',
      data,
      '--lang',
      'en',
    ]);
    expect(preview.status, preview.stderr).toBe(0);
    const lines = preview.stdout.trim().split('\n');
    // A rate is a level, never a total.
    expect(lines[0]).toContain('level 30%');
    expect(lines[0]).not.toContain('total');
    const zh = run(['plan', 'split', rate.id, '--into', 'quarter', '--dry-run', '--data', data]);
    expect(zh.stdout.split('\n')[0]).toContain('水準 30%');
    expect(zh.stdout.split('\n')[0]).not.toContain('合計');
    expect(lines.filter((l) => /^ {2}2027-Q\d\t.*\t30%$/.test(l))).toHaveLength(4);
    const saved = run(['plan', 'split', rate.id, '--into', 'quarter', '--data', data]);
    expect(saved.status, saved.stderr).toBe(0);
    const shown = run(['plan', 'show', rate.id, '--data', data]);
    expect(shown.stdout.split('\n')[0]).toMatch(/ {2}30%$/);
    expect(shown.stdout).toMatch(/2027-Q1 {2}30%/);
  }, 60_000);
});
