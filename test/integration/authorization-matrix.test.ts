import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type Harness, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { addMember, buildTeam, type RoleName, type Team } from './team-fixture.ts';

/**
 * SECURITY.md's authorization matrix: every API route × {anonymous, viewer, member, manager, owner,
 * another company's owner}. A route the server has that is not listed here fails the test.
 */
type Caller = 'anonymous' | RoleName | 'otherOwner';
const CALLERS: Caller[] = ['anonymous', 'viewer', 'member', 'manager', 'owner', 'otherOwner'];
const ALL_ROLES: RoleName[] = ['owner', 'manager', 'member', 'viewer'];

interface Req {
  url: string;
  body?: unknown;
}
interface Entry {
  /** Send the body as a multipart file upload instead of JSON. */
  upload?: { fileName: string; content: string };
  /** 'public': anyone; 'user': any logged-in user (acts on their own account); else the allowed roles. */
  access: 'public' | 'user' | RoleName[];
  success: number;
  /** Builds the request for a caller (fresh targets for destructive routes). `companyId` is company A. */
  make(t: Team, h: Harness, caller: Caller): Promise<Req>;
}

const co = (t: Team) => `/api/companies/${t.companyId}`;
let seq = 0;
const fresh = () => `p${++seq}-${Math.random().toString(36).slice(2, 8)}@example.com`;

const SALES_CSV =
  '訂單編號,日期,品名,數量,單價,金額\nA1,2026/01/05,拿鐵,2,120,240\nA2,2026/01/06,美式咖啡,1,80,80\nA3,2026/13/06,美式咖啡,1,80,80\n';

async function freshUpload(t: Team): Promise<string> {
  const res = await t.clients.owner.upload(`${co(t)}/imports/uploads`, 'sales.csv', SALES_CSV);
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.body}`);
  return (res.json() as { uploadId: string }).uploadId;
}

async function waitForJob(t: Team, jobId: string): Promise<{ importId: string | null; state: string }> {
  for (let i = 0; i < 200; i++) {
    const job = (await t.clients.owner.get(`${co(t)}/imports/jobs/${jobId}`)).json() as {
      state: string;
      importId: string | null;
    };
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import job did not finish');
}

async function freshImport(t: Team): Promise<string> {
  const uploadId = await freshUpload(t);
  const res = await t.clients.owner.post(`${co(t)}/imports`, { uploadId, kind: 'sales' });
  const job = await waitForJob(t, (res.json() as { jobId: string }).jobId);
  if (!job.importId) throw new Error(`import failed: ${JSON.stringify(job)}`);
  return job.importId;
}

const GOAL = {
  name: '拿鐵下季成長',
  metric: 'revenue',
  scope: { product: ['拿鐵'] },
  target: { metric: 'revenue', kind: 'percent_change', value: 10, per: null },
  period: { start: '2027-01-01', end: '2027-03-31' },
  strategies: ['社群媒體行銷'],
};

async function freshGoal(t: Team): Promise<{ id: string; version: number }> {
  const res = await t.clients.owner.post(`${co(t)}/goals`, GOAL);
  if (res.statusCode !== 201) throw new Error(`goal failed: ${res.body}`);
  return res.json() as { id: string; version: number };
}

/** A goal with an absolute target over 2027, split into quarters by the owner (for the plan routes). */
async function freshPlan(t: Team): Promise<{ id: string; childId: string }> {
  const res = await t.clients.owner.post(`${co(t)}/goals`, {
    ...GOAL,
    name: '拿鐵年度',
    target: { metric: 'revenue', kind: 'absolute', value: 120_000, per: null },
    period: { start: '2027-01-01', end: '2027-12-31' },
  });
  if (res.statusCode !== 201) throw new Error(`goal failed: ${res.body}`);
  const id = (res.json() as { id: string }).id;
  const split = await t.clients.owner.post(`${co(t)}/plans/${id}/split`, { into: 'quarter' });
  if (split.statusCode !== 200) throw new Error(`split failed: ${split.body}`);
  return { id, childId: (split.json() as { children: { id: string }[] }).children[0]?.id ?? '' };
}

async function freshInvitationToken(t: Team): Promise<string> {
  const res = await t.clients.owner.post(`${co(t)}/invitations`, { email: fresh(), role: 'viewer' });
  return (res.json() as { token: string }).token;
}

const MATRIX: Record<string, Entry> = {
  'GET /api/health': { access: 'public', success: 200, make: async () => ({ url: '/api/health' }) },
  // Anyone may ask: nobody logged in is answered 200 with null (a first visit's console stays clean).
  'GET /api/auth/session': {
    access: 'public',
    success: 200,
    make: async () => ({ url: '/api/auth/session' }),
  },
  'POST /api/auth/signup': {
    access: 'public',
    success: 201,
    make: async () => ({
      url: '/api/auth/signup',
      body: { email: fresh(), password: 'correct horse battery', name: 'N', companyName: 'New Co' },
    }),
  },
  'POST /api/auth/login': {
    access: 'public',
    success: 401,
    make: async () => ({ url: '/api/auth/login', body: { email: fresh(), password: 'wrong password' } }),
  },
  'POST /api/auth/logout': { access: 'user', success: 204, make: async () => ({ url: '/api/auth/logout' }) },
  'POST /api/auth/password': {
    access: 'user',
    success: 401,
    // A wrong current password: proves the route is reachable without changing anyone's password.
    make: async () => ({
      url: '/api/auth/password',
      body: { currentPassword: 'not it', newPassword: 'another long secret' },
    }),
  },
  'PATCH /api/auth/me': {
    access: 'user',
    success: 200,
    make: async () => ({ url: '/api/auth/me', body: { locale: 'en' } }),
  },
  'POST /api/auth/switch-company': {
    access: 'user',
    success: 404,
    make: async () => ({ url: '/api/auth/switch-company', body: { companyId: 'no-such-company' } }),
  },
  'POST /api/companies': {
    access: 'user',
    success: 201,
    make: async () => ({ url: '/api/companies', body: { name: 'Side business' } }),
  },
  'GET /api/companies/:companyId': { access: ALL_ROLES, success: 200, make: async (t) => ({ url: co(t) }) },
  'PATCH /api/companies/:companyId': {
    access: ['owner'],
    success: 200,
    make: async (t) => ({ url: co(t), body: { name: 'Renamed Co' } }),
  },
  'GET /api/companies/:companyId/profile': {
    access: ALL_ROLES,
    success: 200,
    make: async (t) => ({ url: `${co(t)}/profile` }),
  },
  'PUT /api/companies/:companyId/profile': {
    access: ['owner', 'manager'],
    success: 200,
    make: async (t) => {
      const current = (await t.clients.owner.get(`${co(t)}/profile`)).json() as { version: number };
      return {
        url: `${co(t)}/profile`,
        body: {
          stage: 'mature',
          industry: 'Retail',
          currency: 'TWD',
          fiscalYearStartMonth: 1,
          timeZone: 'Asia/Taipei',
          description: '',
          version: current.version,
        },
      };
    },
  },
  'GET /api/companies/:companyId/market-analysis': {
    access: ALL_ROLES,
    success: 200,
    make: async (t) => ({ url: `${co(t)}/market-analysis` }),
  },
  'PUT /api/companies/:companyId/market-analysis': {
    access: ['owner', 'manager'],
    success: 200,
    make: async (t) => {
      const current = (await t.clients.owner.get(`${co(t)}/market-analysis`)).json() as { version: number };
      return {
        url: `${co(t)}/market-analysis`,
        body: {
          positioning: 'High end',
          marketSizes: [],
          competitors: [],
          swot: [],
          objectives: [],
          version: current.version,
        },
      };
    },
  },
  'GET /api/companies/:companyId/members': {
    access: ALL_ROLES,
    success: 200,
    make: async (t) => ({ url: `${co(t)}/members` }),
  },
  'PATCH /api/companies/:companyId/members/:userId': {
    access: ['owner'],
    success: 200,
    make: async (t, h) => {
      const target = await addMember(h.app, t.clients.owner, t.companyId, 'viewer', 'target');
      return { url: `${co(t)}/members/${target.userId}`, body: { role: 'member' } };
    },
  },
  'DELETE /api/companies/:companyId/members/:userId': {
    access: ['owner'],
    success: 204,
    make: async (t, h) => {
      const target = await addMember(h.app, t.clients.owner, t.companyId, 'viewer', 'target');
      return { url: `${co(t)}/members/${target.userId}` };
    },
  },
  'GET /api/companies/:companyId/invitations': {
    access: ['owner', 'manager'],
    success: 200,
    make: async (t) => ({ url: `${co(t)}/invitations` }),
  },
  'POST /api/companies/:companyId/invitations': {
    access: ['owner', 'manager'],
    success: 201,
    make: async (t) => ({ url: `${co(t)}/invitations`, body: { email: fresh(), role: 'member' } }),
  },
  'DELETE /api/companies/:companyId/invitations/:invitationId': {
    access: ['owner', 'manager'],
    success: 204,
    make: async (t) => {
      const res = await t.clients.owner.post(`${co(t)}/invitations`, { email: fresh(), role: 'viewer' });
      return { url: `${co(t)}/invitations/${(res.json() as { id: string }).id}` };
    },
  },
  'GET /api/invitations/:token': {
    access: 'public',
    success: 200,
    make: async (t) => ({ url: `/api/invitations/${await freshInvitationToken(t)}` }),
  },
  'POST /api/invitations/:token/accept': {
    access: 'public',
    success: 200,
    make: async (t, _h, caller) => ({
      url: `/api/invitations/${await freshInvitationToken(t)}/accept`,
      // A logged-in caller's e-mail differs from the invitation's: 409; anonymous creates an account: 200.
      body: caller === 'anonymous' ? { name: 'Newcomer', password: 'correct horse battery' } : {},
    }),
  },
  'GET /api/companies/:companyId/tokens': {
    access: ['owner', 'manager'],
    success: 200,
    make: async (t) => ({ url: `${co(t)}/tokens` }),
  },
  'POST /api/companies/:companyId/tokens': {
    access: ['owner', 'manager'],
    success: 201,
    make: async (t) => ({ url: `${co(t)}/tokens`, body: { name: 'Script' } }),
  },
  'DELETE /api/companies/:companyId/tokens/:tokenId': {
    access: ['owner', 'manager'],
    success: 204,
    make: async (t) => {
      const res = await t.clients.owner.post(`${co(t)}/tokens`, { name: 'to revoke' });
      return { url: `${co(t)}/tokens/${(res.json() as { id: string }).id}` };
    },
  },
  'GET /api/companies/:companyId/kpi': {
    access: ALL_ROLES,
    success: 200,
    make: async (t) => ({
      url: `${co(t)}/kpi?metric=revenue&from=2026-01-01&to=2026-01-31&grain=week&by=channel`,
    }),
  },
  'GET /api/companies/:companyId/kpi/glossary': {
    access: ALL_ROLES,
    success: 200,
    make: async (t) => ({ url: `${co(t)}/kpi/glossary` }),
  },
  'GET /api/companies/:companyId/dimensions/:kind': {
    access: ALL_ROLES,
    success: 200,
    make: async (t) => ({ url: `${co(t)}/dimensions/channel` }),
  },
  'GET /api/companies/:companyId/data-freshness': {
    access: ALL_ROLES,
    success: 200,
    make: async (t) => ({ url: `${co(t)}/data-freshness` }),
  },
  'GET /api/companies/:companyId/goals': {
    access: ALL_ROLES,
    success: 200,
    make: async (t) => ({ url: `${co(t)}/goals?status=all` }),
  },
  'POST /api/companies/:companyId/goals': {
    access: ['owner', 'manager', 'member'],
    success: 201,
    make: async (t) => ({ url: `${co(t)}/goals`, body: GOAL }),
  },
  'POST /api/companies/:companyId/goals/parse': {
    access: ALL_ROLES,
    success: 200,
    make: async (t) => ({
      url: `${co(t)}/goals/parse`,
      body: {
        statement: '在接下來的3個月內,將平均每日銷售額提升15%,達到每日銷售額1500元。',
        today: '2026-11-27',
      },
    }),
  },
  'POST /api/companies/:companyId/goals/grade': {
    access: ALL_ROLES,
    success: 200,
    make: async (t) => ({ url: `${co(t)}/goals/grade`, body: GOAL }),
  },
  'GET /api/companies/:companyId/goals/:goalId': {
    access: ALL_ROLES,
    success: 200,
    make: async (t) => ({ url: `${co(t)}/goals/${(await freshGoal(t)).id}` }),
  },
  'PUT /api/companies/:companyId/goals/:goalId': {
    access: ['owner', 'manager', 'member'],
    success: 200,
    make: async (t) => {
      const goal = await freshGoal(t);
      return { url: `${co(t)}/goals/${goal.id}`, body: { ...GOAL, version: goal.version, reason: 'matrix' } };
    },
  },
  'POST /api/companies/:companyId/goals/:goalId/archive': {
    access: ['owner', 'manager', 'member'],
    success: 200,
    make: async (t) => ({ url: `${co(t)}/goals/${(await freshGoal(t)).id}/archive` }),
  },
  'POST /api/companies/:companyId/goals/:goalId/restore': {
    access: ['owner', 'manager', 'member'],
    success: 200,
    make: async (t) => {
      const goal = await freshGoal(t);
      await t.clients.owner.post(`${co(t)}/goals/${goal.id}/archive`);
      return { url: `${co(t)}/goals/${goal.id}/restore` };
    },
  },
  'GET /api/companies/:companyId/goals/:goalId/versions': {
    access: ALL_ROLES,
    success: 200,
    make: async (t) => ({ url: `${co(t)}/goals/${(await freshGoal(t)).id}/versions` }),
  },
  'POST /api/companies/:companyId/plans/stage': {
    access: ['owner', 'manager', 'member'],
    success: 200,
    make: async (t) => ({ url: `${co(t)}/plans/stage`, body: { stage: 'startup', start: '2027-01-01' } }),
  },
  'GET /api/companies/:companyId/plans/:goalId': {
    access: ALL_ROLES,
    success: 200,
    make: async (t) => ({ url: `${co(t)}/plans/${(await freshPlan(t)).id}` }),
  },
  'GET /api/companies/:companyId/plans/:goalId/export': {
    access: ALL_ROLES,
    success: 200,
    make: async (t) => ({ url: `${co(t)}/plans/${(await freshPlan(t)).id}/export?format=xlsx` }),
  },
  'POST /api/companies/:companyId/plans/:goalId/split': {
    access: ['owner', 'manager', 'member'],
    success: 200,
    make: async (t) => ({ url: `${co(t)}/plans/${(await freshPlan(t)).id}/split`, body: { into: 'month' } }),
  },
  'PATCH /api/companies/:companyId/plans/:goalId/children/:childId': {
    access: ['owner', 'manager', 'member'],
    success: 200,
    make: async (t) => {
      const p = await freshPlan(t);
      return {
        url: `${co(t)}/plans/${p.id}/children/${p.childId}`,
        body: { target: 20_000, reason: 'matrix' },
      };
    },
  },
  'POST /api/companies/:companyId/plans/:goalId/rebalance': {
    access: ['owner', 'manager', 'member'],
    success: 200,
    make: async (t) => ({
      url: `${co(t)}/plans/${(await freshPlan(t)).id}/rebalance`,
      body: { reason: 'matrix' },
    }),
  },
  'POST /api/companies/:companyId/plans/:goalId/replan': {
    access: ['owner', 'manager', 'member'],
    success: 200,
    make: async (t) => ({
      url: `${co(t)}/plans/${(await freshPlan(t)).id}/replan`,
      body: { today: '2027-04-01', mode: 'keep', reason: 'matrix' },
    }),
  },
  'GET /api/companies/:companyId/audit-log': {
    access: ['owner', 'manager'],
    success: 200,
    make: async (t) => ({ url: `${co(t)}/audit-log` }),
  },
  'POST /api/companies/:companyId/imports/uploads': {
    access: ['owner', 'manager'],
    success: 201,
    upload: { fileName: 'sales.csv', content: SALES_CSV },
    make: async (t) => ({ url: `${co(t)}/imports/uploads` }),
  },
  'POST /api/companies/:companyId/imports/preview': {
    access: ['owner', 'manager'],
    success: 200,
    make: async (t) => ({
      url: `${co(t)}/imports/preview`,
      body: { uploadId: await freshUpload(t), kind: 'sales' },
    }),
  },
  'POST /api/companies/:companyId/imports': {
    access: ['owner', 'manager'],
    success: 202,
    make: async (t) => ({ url: `${co(t)}/imports`, body: { uploadId: await freshUpload(t), kind: 'sales' } }),
  },
  'GET /api/companies/:companyId/imports/jobs/:jobId': {
    access: ['owner', 'manager'],
    success: 200,
    make: async (t) => {
      const res = await t.clients.owner.post(`${co(t)}/imports`, {
        uploadId: await freshUpload(t),
        kind: 'sales',
      });
      const { jobId } = res.json() as { jobId: string };
      await waitForJob(t, jobId);
      return { url: `${co(t)}/imports/jobs/${jobId}` };
    },
  },
  'GET /api/companies/:companyId/imports': {
    access: ['owner', 'manager'],
    success: 200,
    make: async (t) => ({ url: `${co(t)}/imports` }),
  },
  'GET /api/companies/:companyId/imports/:importId': {
    access: ['owner', 'manager'],
    success: 200,
    make: async (t) => ({ url: `${co(t)}/imports/${await freshImport(t)}` }),
  },
  'POST /api/companies/:companyId/imports/:importId/undo': {
    access: ['owner', 'manager'],
    success: 200,
    make: async (t) => ({ url: `${co(t)}/imports/${await freshImport(t)}/undo` }),
  },
  'GET /api/companies/:companyId/imports/:importId/errors': {
    access: ['owner', 'manager'],
    success: 200,
    make: async (t) => ({ url: `${co(t)}/imports/${await freshImport(t)}/errors` }),
  },
  'GET /api/companies/:companyId/mapping-presets': {
    access: ['owner', 'manager'],
    success: 200,
    make: async (t) => ({ url: `${co(t)}/mapping-presets` }),
  },
  'POST /api/companies/:companyId/mapping-presets': {
    access: ['owner', 'manager'],
    success: 201,
    make: async (t) => ({
      url: `${co(t)}/mapping-presets`,
      body: {
        kind: 'sales',
        name: `POS ${fresh()}`,
        mapping: { date: 1, product: 2, amount: 5 },
        headers: ['訂單編號', '日期', '品名', '數量', '單價', '金額'],
      },
    }),
  },
  'GET /api/companies/:companyId/exports/:table': {
    access: ['owner', 'manager'],
    success: 200,
    make: async (t) => ({ url: `${co(t)}/exports/sales?format=csv` }),
  },
  'GET /api/companies/:companyId/kpi/export': {
    access: ALL_ROLES,
    success: 200,
    make: async (t) => ({
      url: `${co(t)}/kpi/export?metric=revenue&from=2026-01-01&to=2026-03-31&format=csv`,
    }),
  },
  'GET /api/companies/:companyId/catalog/:table': {
    access: ALL_ROLES,
    success: 200,
    make: async (t) => ({ url: `${co(t)}/catalog/products` }),
  },
  'PATCH /api/companies/:companyId/catalog/:table/:entryId': {
    access: ['owner', 'manager'],
    success: 200,
    make: async (t) => {
      await freshImport(t);
      const list = (await t.clients.owner.get(`${co(t)}/catalog/products`)).json() as {
        id: string;
        name: string;
      }[];
      const latte = list.find((p) => p.name.startsWith('拿鐵'));
      return { url: `${co(t)}/catalog/products/${latte?.id}`, body: { name: `拿鐵 ${fresh()}` } };
    },
  },
  'POST /api/companies/:companyId/catalog/:table/:entryId/merge': {
    access: ['owner', 'manager'],
    success: 200,
    make: async (t) => {
      const csv = `訂單編號,日期,品名,金額\nM${fresh()},2026/02/01,合併品${fresh()},100\nN${fresh()},2026/02/01,目標品${fresh()},100\n`;
      const up = await t.clients.owner.upload(`${co(t)}/imports/uploads`, 'merge.csv', csv);
      const started = await t.clients.owner.post(`${co(t)}/imports`, {
        uploadId: (up.json() as { uploadId: string }).uploadId,
        kind: 'sales',
      });
      await waitForJob(t, (started.json() as { jobId: string }).jobId);
      const list = (await t.clients.owner.get(`${co(t)}/catalog/products`)).json() as {
        id: string;
        name: string;
      }[];
      const from = [...list].reverse().find((p) => p.name.startsWith('合併品'));
      const into = [...list].reverse().find((p) => p.name.startsWith('目標品'));
      return { url: `${co(t)}/catalog/products/${from?.id}/merge`, body: { intoId: into?.id } };
    },
  },
  'DELETE /api/companies/:companyId/mapping-presets/:presetId': {
    access: ['owner', 'manager'],
    success: 204,
    make: async (t) => {
      const res = await t.clients.owner.post(`${co(t)}/mapping-presets`, {
        kind: 'sales',
        name: `Temp ${fresh()}`,
        mapping: { date: 1 },
        headers: ['a', '日期'],
      });
      return { url: `${co(t)}/mapping-presets/${(res.json() as { id: string }).id}` };
    },
  },
};

/** Re-logs a role in with a fresh session (so logout and the like don't spoil the shared clients). */
async function freshClient(h: Harness, t: Team, caller: Caller): Promise<Client> {
  if (caller === 'anonymous') return new Client(h.app);
  const c = new Client(h.app);
  const res = await c.post('/api/auth/login', { email: t.emails[caller], password: 'correct horse battery' });
  expect(res.statusCode).toBe(200);
  return c;
}

function expected(entry: Entry, caller: Caller): number | 'success' {
  if (entry.access === 'public') return 'success';
  if (caller === 'anonymous') return 401;
  if (entry.access === 'user') return 'success';
  if (caller === 'otherOwner') return 404;
  return entry.access.includes(caller) ? 'success' : 403;
}

describe.each(dialects())('authorization matrix (%s)', (dialect) => {
  let h: Harness;
  let team: Team;
  beforeAll(async () => {
    h = await startHarness(dialect);
    team = await buildTeam(h.app);
  });
  afterAll(async () => h?.close());

  it('lists every API route the server has', () => {
    const actual = h.app.pacerRoutes
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => !k.includes('/api/docs'));
    const missing = actual.filter((k) => !(k in MATRIX));
    expect(missing, 'routes missing from the authorization matrix').toEqual([]);
    const stale = Object.keys(MATRIX).filter((k) => !actual.includes(k));
    expect(stale, 'matrix entries with no route').toEqual([]);
  });

  it('every route declares who may call it', () => {
    const undeclared = h.app.pacerRoutes.filter((r) => !r.url.startsWith('/api/docs') && !r.access);
    expect(undeclared).toEqual([]);
  });

  for (const [key, entry] of Object.entries(MATRIX)) {
    it(`${key}`, async () => {
      const [method, pattern] = key.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string];
      for (const caller of CALLERS) {
        const client = await freshClient(h, team, caller);
        const req = await entry.make(team, h, caller);
        // Another company's owner gets the same URL: company A's ids.
        const res = entry.upload
          ? await client.upload(req.url, entry.upload.fileName, entry.upload.content)
          : await client.request(
              method,
              req.url,
              method === 'GET' || method === 'DELETE' ? undefined : (req.body ?? {}),
            );
        const want = expected(entry, caller);
        const label = `${key} as ${caller} (${pattern}) → ${res.statusCode} ${res.body.slice(0, 400)}`;
        expect(res.statusCode, label).toBeLessThan(500);
        if (want === 'success') {
          const acceptable = [entry.success];
          if (key === 'POST /api/invitations/:token/accept' && caller !== 'anonymous') acceptable.push(409);
          expect(acceptable, label).toContain(res.statusCode);
        } else {
          expect(res.statusCode, label).toBe(want);
        }
        if (want === 404) {
          // Never a hint of the other company's data.
          expect(res.body).not.toContain(team.emails.owner);
          expect(res.json()).toMatchObject({ code: 'COMPANY_NOT_FOUND' });
        }
      }
    });
  }
});
