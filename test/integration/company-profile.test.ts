import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';

const profile = {
  stage: 'fast_growth',
  industry: '咖啡餐飲',
  currency: 'TWD',
  fiscalYearStartMonth: 4,
  timeZone: 'Asia/Taipei',
  description: '社區咖啡店',
};

const market = {
  positioning: '專注高端市場',
  marketSizes: [
    { kind: 'TAM', year: 2026, amount: 85_000_000_000, currency: 'TWD', source: '經濟部統計處' },
    { kind: 'SOM', year: 2026, amount: 12_500_000.5, currency: 'TWD', source: '自行估算' },
  ],
  competitors: [{ name: '星巴克', priceLevel: 'high', strengths: '品牌', weaknesses: '價格', notes: '' }],
  swot: [
    { kind: 'strength', text: '自家烘焙' },
    { kind: 'threat', text: '便利商店咖啡' },
  ],
  objectives: [
    { title: '提高會員回購率', description: '' },
    { title: '拓展線上通路', description: '' },
  ],
};

describe.each(dialects())('company profile and market analysis (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it('saves the profile with its version, and refuses a stale version with 409', async () => {
    const { client, companyId } = await signUp(h.app);
    const url = `/api/companies/${companyId}/profile`;
    const first = await client.put(url, { ...profile, version: 0 });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ ...profile, version: 1 });
    expect(first.json().updatedAt).toBeTruthy();
    const stale = await client.put(url, { ...profile, industry: 'Other', version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect((await client.get(url)).json().industry).toBe('咖啡餐飲');
  });

  it('reports every invalid field by path, and loses nothing', async () => {
    const { client, companyId } = await signUp(h.app);
    const url = `/api/companies/${companyId}/profile`;
    await client.put(url, { ...profile, version: 0 });
    client.locale = 'zh-TW';
    const bad = await client.put(url, {
      ...profile,
      fiscalYearStartMonth: 13,
      currency: 'XXX',
      timeZone: 'Mars/Base',
      version: 1,
    });
    expect(bad.statusCode).toBe(400);
    const body = bad.json();
    expect(body.detail).toBe('部分欄位格式不正確。');
    const paths = body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['currency', 'fiscalYearStartMonth', 'timeZone']);
    expect((await client.get(url)).json()).toMatchObject({ ...profile, version: 1 });
  });

  it('saves the market analysis: money in minor units round-trips, objectives keep their ids', async () => {
    const { client, companyId } = await signUp(h.app);
    const url = `/api/companies/${companyId}/market-analysis`;
    const saved = await client.put(url, { ...market, version: 0 });
    expect(saved.statusCode).toBe(200);
    const a = saved.json();
    expect(a.marketSizes[1].amount).toBe(12_500_000.5);
    expect(a.marketSizes[0].amount).toBe(85_000_000_000);
    expect(a.objectives.map((o: { title: string }) => o.title)).toEqual(['提高會員回購率', '拓展線上通路']);
    const [keep, drop] = a.objectives as { id: string; title: string }[];
    const next = await client.put(url, {
      ...market,
      objectives: [
        { id: keep?.id, title: '提高會員回購率(修訂)', description: 'x' },
        { title: '新目標', description: '' },
      ],
      version: a.version,
    });
    const b = next.json();
    expect(b.objectives[0].id).toBe(keep?.id);
    expect(b.objectives[1].id).not.toBe(drop?.id);
    expect(b.objectives.map((o: { id: string }) => o.id)).not.toContain(drop?.id);
  });

  it("treats another company's objective id as a new objective", async () => {
    const a = await signUp(h.app);
    const b = await signUp(h.app);
    const saved = (
      await a.client.put(`/api/companies/${a.companyId}/market-analysis`, { ...market, version: 0 })
    ).json();
    const foreignId = saved.objectives[0].id as string;
    const res = await b.client.put(`/api/companies/${b.companyId}/market-analysis`, {
      ...market,
      objectives: [{ id: foreignId, title: 'Mine', description: '' }],
      version: 0,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().objectives[0].id).not.toBe(foreignId);
    const stillA = (await a.client.get(`/api/companies/${a.companyId}/market-analysis`)).json();
    expect(stillA.objectives[0]).toMatchObject({ id: foreignId, title: '提高會員回購率' });
  });

  it("gives 404 for another company's profile, market analysis and company, read or write", async () => {
    const a = await signUp(h.app);
    const b = await signUp(h.app);
    for (const path of [
      '',
      '/profile',
      '/market-analysis',
      '/members',
      '/invitations',
      '/tokens',
      '/audit-log',
    ]) {
      const res = await b.client.get(`/api/companies/${a.companyId}${path}`);
      expect(res.statusCode, path).toBe(404);
    }
    const w = await b.client.put(`/api/companies/${a.companyId}/profile`, { ...profile, version: 0 });
    expect(w.statusCode).toBe(404);
    expect((await a.client.get(`/api/companies/${a.companyId}/profile`)).json().version).toBe(0);
  });

  it('records profile changes in the audit log with old and new values', async () => {
    const { client, companyId } = await signUp(h.app);
    await client.put(`/api/companies/${companyId}/profile`, { ...profile, version: 0 });
    const log = (await client.get(`/api/companies/${companyId}/audit-log`)).json() as {
      action: string;
      details: Record<string, { from: unknown; to: unknown }>;
    }[];
    const entry = log.find((e) => e.action === 'profile.saved');
    expect(entry?.details.fiscalYearStartMonth).toEqual({ from: 1, to: 4 });
    expect(log.map((e) => e.action)).toContain('company.created');
  });
});
