import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { importCsv } from '../support/imports.ts';

const header = '訂單編號,日期,品名,數量,單價,金額,通路\n';
/** `n` one-line orders on distinct days from `start` (a number of days into 2025), NT$100 each. */
function salesCsv(prefix: string, n: number, startDay: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const d = new Date(Date.UTC(2025, 0, 1 + startDay + (i % 500)));
    lines.push(`${prefix}${i},${d.toISOString().slice(0, 10)},拿鐵,1,100,100,門市`);
  }
  return `${header}${lines.join('\n')}\n`;
}

describe.each(dialects())('KPI by calendar year; imports started at once (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it('answers grain=year by calendar year and lists every problem of a query, `where` included', async () => {
    const { client, companyId } = await signUp(h.app, 'Yearly');
    const { job } = await importCsv(client, companyId, 'y.csv', salesCsv('Y', 400, 200));
    expect(job.state).toBe('done');
    const base = `/api/companies/${companyId}/kpi`;
    const res = await client.get(`${base}?metric=orders&from=2025-01-01&to=2026-12-31&grain=year`);
    expect(res.statusCode, res.body).toBe(200);
    const series = (res.json() as { series: { period: string; value: number }[] }).series;
    // Days 200..599 of 2025: 165 in 2025 (20 July – 31 December), 235 in 2026.
    expect(series.map((p) => [p.period, p.value])).toEqual([
      ['2025', 165],
      ['2026', 235],
    ]);
    // A day that does not exist is refused at the contract, like every date the API takes.
    const badDay = await client.get(`${base}?metric=orders&from=2026-02-30&to=2026-12-31&grain=year`);
    expect(badDay.statusCode).toBe(400);
    expect((badDay.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['from']);
    // The query's own rules and `where` are checked together by the use case: every problem at once.
    const bad = await client.get(`${base}?metric=orders&from=2026-12-31&to=2026-01-01&grain=year&where=x`);
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json() as { errors: { path: string }[] }).errors.map((e) => e.path).sort();
    expect(paths).toEqual(['to', 'where']);
  });

  it('queues imports started at once into one company: each job reports what happened', async () => {
    const { client, companyId } = await signUp(h.app, 'Twice');
    const [a, b] = await Promise.all([
      importCsv(client, companyId, 'a.csv', salesCsv('A', 3000, 0)),
      importCsv(client, companyId, 'b.csv', salesCsv('B', 3000, 0)),
    ]);
    expect(a.job.state, JSON.stringify(a.job)).toBe('done');
    expect(b.job.state, JSON.stringify(b.job)).toBe('done');
    expect(a.job.result.added + b.job.result.added).toBe(6000);
    const list = (await client.get(`/api/companies/${companyId}/imports`)).json() as { added: number }[];
    expect(list.map((r) => r.added).sort()).toEqual([3000, 3000]);
    const orders = await client.get(
      `/api/companies/${companyId}/kpi?metric=orders&from=2025-01-01&to=2026-12-31&grain=total`,
    );
    expect((orders.json() as { series: { value: number }[] }).series[0]?.value).toBe(6000);
  });
});
