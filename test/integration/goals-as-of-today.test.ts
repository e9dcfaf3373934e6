import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';

interface Finding {
  code: string;
}
interface Grading {
  score: number | null;
  grades: Record<string, string>;
  findings: Finding[];
}

/**
 * The `today` a goal request carries is the day it is as of, on every endpoint that takes one (parse,
 * grade, create, split, re-plan): a goal for 2025's first quarter asked about on 2024-12-01 is ahead,
 * not over, whatever the server's clock says.
 */
describe.each(dialects())('a request’s today is the day it is as of (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  const today = '2024-12-01';
  const goal = {
    name: 'Q1 revenue',
    metric: 'revenue',
    target: { metric: 'revenue', kind: 'absolute', value: 90_000, per: null },
    period: { start: '2025-01-01', end: '2025-03-31' },
  };
  const over = (g: Grading) =>
    g.findings.map((f) => f.code).filter((c) => c.startsWith('PERIOD_') && c !== 'PERIOD_TOO_LONG');

  it('grade and create grade as of the request’s today, like parse', async () => {
    const { client, companyId } = await signUp(h.app, 'AsOf');
    const base = `/api/companies/${companyId}/goals`;
    // The clock's today: the quarter is over.
    const now = await client.post(`${base}/grade`, goal);
    expect(now.statusCode, now.body).toBe(200);
    expect(over(now.json())).not.toEqual([]);

    const parsed = await client.post(`${base}/parse`, { statement: '2025年第一季營收達到90000元', today });
    expect(parsed.statusCode, parsed.body).toBe(200);
    expect(over(parsed.json().grading)).toEqual([]);

    const graded = await client.post(`${base}/grade`, { ...goal, today });
    expect(graded.statusCode, graded.body).toBe(200);
    expect(over(graded.json())).toEqual([]);

    const created = await client.post(base, { ...goal, today });
    expect(created.statusCode, created.body).toBe(201);
    const saved = created.json() as Grading & { grading: Grading };
    expect(over(saved.grading)).toEqual([]);
    // The grades saved with it are the ones of that day.
    expect(saved.score).toBe(graded.json().score);
    expect(saved.grades).toEqual(graded.json().grades);

    const bad = await client.post(base, { ...goal, today: '2024-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['today']);
  });

  it('a split’s phase goals are saved graded as of the split’s today', async () => {
    const { client, companyId } = await signUp(h.app, 'AsOfSplit');
    const base = `/api/companies/${companyId}/goals`;
    const created = await client.post(base, { ...goal, today });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const split = await client.post(`/api/companies/${companyId}/plans/${id}/split`, {
      into: 'month',
      method: 'equal',
      today,
    });
    expect(split.statusCode, split.body).toBe(200);
    const list = (await client.get(`${base}?status=all`)).json() as {
      id: string;
      name: string;
      score: number | null;
      grades: Record<string, string> | null;
      period: { start: string; end: string };
      target: unknown;
    }[];
    const children = list.filter((g) => g.id !== id);
    expect(children).toHaveLength(3);
    for (const child of children) {
      const asOf = await client.post(`${base}/grade`, {
        name: child.name,
        metric: 'revenue',
        target: child.target,
        period: child.period,
        today,
      });
      const clock = await client.post(`${base}/grade`, {
        name: child.name,
        metric: 'revenue',
        target: child.target,
        period: child.period,
      });
      // The day matters here: graded as of the clock, the month is over.
      expect(clock.json().grades).not.toEqual(asOf.json().grades);
      expect({ score: child.score, grades: child.grades }).toEqual({
        score: asOf.json().score,
        grades: asOf.json().grades,
      });
    }
  });
});
