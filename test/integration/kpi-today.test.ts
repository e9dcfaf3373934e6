import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, startOfMonth } from '../../src/core/calendar/dates.ts';
import { todayIn } from '../../src/core/calendar/time-zones.ts';
import { type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';

/**
 * A KPI answer says the day it is as of: the company's today (its time zone, Asia/Taipei by default),
 * the day its periods are marked partial or not begun by, and the day data-freshness says (the web
 * explorer's presets and marks use these, never the browser's clock).
 */
describe.each(dialects())('the KPI answer carries the company’s today (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it('today in the company’s time zone, the series marked as of it', async () => {
    const { client, companyId } = await signUp(h.app, 'KpiToday');
    const before = todayIn('Asia/Taipei', new Date());
    const from = addMonths(startOfMonth(before), -1);
    const to = addMonths(startOfMonth(before), 2);
    const r = await client.get(
      `/api/companies/${companyId}/kpi?metric=revenue&from=${from}&to=${to}&grain=month`,
    );
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json() as {
      today: string;
      series: { start: string; end: string; partial?: boolean; value: number | null }[];
    };
    const after = todayIn('Asia/Taipei', new Date());
    expect([before, after]).toContain(body.today);
    const current = body.series.find((p) => p.start <= body.today && body.today <= p.end);
    expect(current?.partial).toBe(true);
    for (const p of body.series.filter((x) => x.start > body.today)) expect(p.value).toBeNull();
    const freshness = await client.get(`/api/companies/${companyId}/data-freshness`);
    expect(freshness.json().today).toBe(body.today);
  });
});
