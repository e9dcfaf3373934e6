import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';

/**
 * Field problems use cases find are named by a code of the field messages (core/errors/field-messages.ts),
 * worded in the request's language, so that the web can word them itself: a split by a dimension the
 * data has no member of.
 */
describe.each(dialects())('use cases’ field problems by code (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it('a split by sales reps with no reps in the data: the `by` field’s code, the reason names the dimension', async () => {
    const { client, companyId } = await signUp(h.app);
    const goal = await client.post(`/api/companies/${companyId}/goals`, {
      name: '2026 年營收',
      metric: 'revenue',
      target: { metric: 'revenue', kind: 'absolute', value: 1_200_000, per: null },
      period: { start: '2026-01-01', end: '2026-12-31' },
    });
    expect(goal.statusCode, goal.body).toBe(201);
    const split = `/api/companies/${companyId}/plans/${goal.json().id}/split`;
    for (const [locale, field, reason] of [
      ['zh-TW', '資料中沒有這個維度的任何項目可以拆分', '資料中沒有任何「業務人員」項目'],
      ['en', 'your data has no members of this dimension to split among', 'there are no sales rep members'],
    ] as const) {
      client.locale = locale;
      const res = await client.post(split, { into: 'quarter', by: 'rep', dryRun: true, today: '2026-01-01' });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json()).toMatchObject({
        code: 'PLAN_CANNOT_SPLIT',
        errors: [{ path: 'by', code: 'split_no_members', message: field }],
      });
      expect(res.json().detail).toContain(reason);
    }
    client.locale = 'en';
  });
});
