import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';

describe.each(dialects())('accounts and sessions (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it('signs up: creates the company, its owner, and a session with a CSRF token', async () => {
    const c = new Client(h.app);
    const res = await c.post('/api/auth/signup', {
      email: 'Mei@Example.com ',
      password: 'a long enough secret',
      name: '林美',
      companyName: '美美咖啡',
    });
    expect(res.statusCode).toBe(201);
    const s = res.json();
    expect(s.user.email).toBe('mei@example.com');
    expect(s.memberships).toEqual([
      { companyId: s.currentCompanyId, companyName: '美美咖啡', role: 'owner' },
    ]);
    expect(s.csrfToken).toMatch(/^[\w-]{40,}$/);
    const cookie = res.cookies.find((x) => x.name === 'pacer_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const profile = await c.get(`/api/companies/${s.currentCompanyId}/profile`);
    expect(profile.json()).toMatchObject({
      currency: 'TWD',
      timeZone: 'Asia/Taipei',
      fiscalYearStartMonth: 1,
      version: 0,
    });
  });

  it('refuses a taken e-mail, a short or common password, with messages in both languages', async () => {
    const { email } = await signUp(h.app, 'Taken');
    const c = new Client(h.app, 'zh-TW');
    const taken = await c.post('/api/auth/signup', {
      email,
      password: 'another secret 1',
      name: 'x',
      companyName: 'y',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({
      code: 'EMAIL_TAKEN',
      detail: '這個電子郵件已經註冊過,請直接登入。',
    });
    expect(taken.headers['content-type']).toContain('application/problem+json');
    const short = await c.post('/api/auth/signup', {
      email: 'a@b.co',
      password: 'short',
      name: 'x',
      companyName: 'y',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().code).toBe('VALIDATION_FAILED');
    expect(short.json().errors[0].path).toBe('password');
    c.locale = 'en';
    const common = await c.post('/api/auth/signup', {
      email: 'b@b.co',
      password: 'password123',
      name: 'x',
      companyName: 'y',
    });
    expect(common.statusCode).toBe(400);
    expect(common.json()).toMatchObject({
      code: 'WEAK_PASSWORD',
      detail: expect.stringContaining('too common'),
    });
  });

  it('logs in and out; the old session stops working', async () => {
    const { client, email } = await signUp(h.app, 'Login');
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    const oldCookie = client.cookie;
    const after = await client.get('/api/auth/session');
    expect(after.statusCode).toBe(200);
    expect(after.json()).toBeNull();
    const again = new Client(h.app);
    expect(
      (await again.post('/api/auth/login', { email, password: 'correct horse battery' })).statusCode,
    ).toBe(200);
    expect(again.cookie).not.toBe(oldCookie);
    expect((await again.get('/api/auth/session')).statusCode).toBe(200);
  });

  it('answers the session query without a session with 200 and null, not an error', async () => {
    // The web app asks at every start; a first visit must not log a failed request in the console.
    const anonymous = new Client(h.app);
    const res = await anonymous.get('/api/auth/session');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json()).toBeNull();
    expect(res.cookies).toEqual([]);
    // A logged-in caller gets the session.
    const { client } = await signUp(h.app, 'Asks');
    expect((await client.get('/api/auth/session')).json()).toMatchObject({
      user: { name: expect.stringContaining('Asks') },
      csrfToken: expect.any(String),
    });
    // The state-changing account routes still need a session.
    expect((await anonymous.post('/api/auth/logout')).statusCode).toBe(401);
    expect((await anonymous.patch('/api/auth/me', { name: 'x' })).statusCode).toBe(401);
  });

  it('rotates the session at login: a cookie planted before login is not the one used after', async () => {
    const { email } = await signUp(h.app, 'Rotate');
    const c = new Client(h.app);
    await c.post('/api/auth/login', { email, password: 'correct horse battery' });
    const first = c.cookie;
    await c.post('/api/auth/login', { email, password: 'correct horse battery' });
    expect(c.cookie).not.toBe(first);
    const stale = new Client(h.app);
    stale.cookie = first;
    const res = await stale.get('/api/auth/session');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toBeNull();
    // The cookie of the ended session is cleared.
    expect(res.cookies.find((x) => x.name === 'pacer_session')?.value).toBe('');
    expect(stale.cookie).toBeNull();
  });

  it('records logins and failed logins (account and IP, never the password) in the audit log', async () => {
    const { client, email, userId, companyId } = await signUp(h.app, 'Audited');
    const c = new Client(h.app);
    expect((await c.post('/api/auth/login', { email, password: 'wrong password 42' })).statusCode).toBe(401);
    expect((await c.post('/api/auth/login', { email, password: 'correct horse battery' })).statusCode).toBe(
      200,
    );
    const unknownEmail = `nobody-${Date.now()}@example.com`;
    expect(
      (await c.post('/api/auth/login', { email: unknownEmail, password: 'wrong password 43' })).statusCode,
    ).toBe(401);
    const log = (await client.get(`/api/companies/${companyId}/audit-log`)).json() as {
      action: string;
      userName: string | null;
      entity: string;
      entityId: string | null;
      details: Record<string, unknown>;
    }[];
    const logins = log.filter((e) => e.action.startsWith('user.log'));
    expect(logins.map((e) => e.action)).toEqual(['user.logged_in', 'user.login_failed']);
    for (const e of logins) {
      expect(e).toMatchObject({ userName: 'Audited', entity: 'user', entityId: userId });
      expect(e.details).toEqual({ email, ip: expect.any(String) });
    }
    expect(JSON.stringify(log)).not.toContain('wrong password');
    // An unknown account's attempt is kept outside any company, with the account as typed.
    const rows = await h.runtime.database.db
      .selectFrom('audit_log')
      .select(['company_id', 'user_id', 'details'])
      .where('action', '=', 'user.login_failed')
      .where('details', 'like', `%${unknownEmail}%`)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ company_id: null, user_id: null });
    expect(rows[0]?.details).not.toContain('wrong password');
  });

  it('locks an account after 5 failed logins, even with the right password', async () => {
    const { email } = await signUp(h.app, 'Locked');
    const c = new Client(h.app);
    for (let i = 0; i < 5; i++) {
      expect((await c.post('/api/auth/login', { email, password: 'wrong password!' })).statusCode).toBe(401);
    }
    const res = await c.post('/api/auth/login', { email, password: 'correct horse battery' });
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('gives the same answer for an unknown e-mail and a wrong password', async () => {
    const c = new Client(h.app);
    const unknown = await c.post('/api/auth/login', {
      email: 'nobody@example.com',
      password: 'whatever it is',
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('refuses a state change without the CSRF token, and from another origin', async () => {
    const { client, companyId } = await signUp(h.app, 'Csrf');
    const csrf = client.csrf;
    client.csrf = null;
    const res = await client.patch(`/api/companies/${companyId}`, { name: 'Hacked' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_FAILED');
    client.csrf = 'wrong';
    expect((await client.patch(`/api/companies/${companyId}`, { name: 'Hacked' })).statusCode).toBe(403);
    client.csrf = csrf;
    expect((await client.patch(`/api/companies/${companyId}`, { name: 'Fine' })).statusCode).toBe(200);
    const cross = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example', host: 'localhost' },
      payload: { email: 'a@b.co', password: 'x' },
    });
    expect(cross.statusCode).toBe(403);
  });

  it('changes the password, ends other sessions, and requires the current one', async () => {
    const { client, email } = await signUp(h.app, 'Pw');
    const other = new Client(h.app);
    await other.post('/api/auth/login', { email, password: 'correct horse battery' });
    const wrong = await client.post('/api/auth/password', {
      currentPassword: 'nope',
      newPassword: 'brand new secret',
    });
    expect(wrong.statusCode).toBe(401);
    const ok = await client.post('/api/auth/password', {
      currentPassword: 'correct horse battery',
      newPassword: 'brand new secret',
    });
    expect(ok.statusCode).toBe(204);
    expect((await client.get('/api/auth/session')).statusCode).toBe(200);
    expect((await other.get('/api/auth/session')).json()).toBeNull();
    const relog = new Client(h.app);
    expect((await relog.post('/api/auth/login', { email, password: 'brand new secret' })).statusCode).toBe(
      200,
    );
  });

  it('creates a second company and switches between them', async () => {
    const { client, companyId } = await signUp(h.app, 'Multi');
    const created = await client.post('/api/companies', { name: '第二家店' });
    expect(created.statusCode).toBe(201);
    const second = created.json().id as string;
    let s = (await client.get('/api/auth/session')).json();
    expect(s.memberships).toHaveLength(2);
    expect(s.currentCompanyId).toBe(second);
    s = (await client.post('/api/auth/switch-company', { companyId })).json();
    expect(s.currentCompanyId).toBe(companyId);
    const other = await signUp(h.app, 'Stranger');
    const refused = await client.post('/api/auth/switch-company', { companyId: other.companyId });
    expect(refused.statusCode).toBe(404);
  });

  it('saves the language preference', async () => {
    const { client } = await signUp(h.app, 'Lang');
    const res = await client.patch('/api/auth/me', { locale: 'en', name: 'Renamed' });
    expect(res.json().user).toMatchObject({ locale: 'en', name: 'Renamed' });
  });

  it('ignores an org id smuggled in a body and rejects unknown shapes cleanly', async () => {
    const { client } = await signUp(h.app, 'Smuggle');
    const res = await client.post('/api/companies', { name: 'Mine', companyId: 'someone-else', org_id: 'x' });
    expect(res.statusCode).toBe(201);
    expect(res.json().id).not.toBe('someone-else');
    const bad = await client.post('/api/companies', { name: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toMatch(/at .*\.ts|SELECT|INSERT/);
  });

  it('answers the security headers on API and no-store caching', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('serves the OpenAPI document', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/companies/{companyId}/profile');
    // The session query documents its answer without a session: null.
    const session = doc.paths['/api/auth/session'].get.responses['200'].content['application/json'].schema;
    expect(JSON.stringify(session)).toMatch(/"nullable":true|"type":"null"/);
  });

  it('answers a body it cannot read in the request language: not JSON, empty JSON, another media type', async () => {
    const post = (payload: string, type: string, lang: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': type, 'accept-language': lang },
        payload,
      });
    const bad = await post('{"email": ', 'application/json', 'zh-TW');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'BODY_NOT_JSON' });
    expect(bad.json().title).toContain('不是有效的 JSON');
    const empty = await post('', 'application/json', 'en');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().title).toContain('not valid JSON');
    const xml = await post('<login/>', 'application/xml', 'zh-TW');
    expect(xml.statusCode).toBe(415);
    expect(xml.json()).toMatchObject({ code: 'MEDIA_TYPE_UNSUPPORTED' });
    expect(xml.json().title).toContain('multipart/form-data');
  });

  it('answers unknown API paths with problem+json 404', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });
});

describe('per-IP rate limit on login', () => {
  it('answers 429 RATE_LIMITED past the limit', async () => {
    const h = await startHarness('sqlite', { authRateLimitPerMinute: 3 });
    try {
      const c = new Client(h.app);
      const codes: number[] = [];
      for (let i = 0; i < 5; i++)
        codes.push(
          (await c.post('/api/auth/login', { email: `x${i}@y.co`, password: 'whatever' })).statusCode,
        );
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      expect(codes[4]).toBe(429);
    } finally {
      await h.close();
    }
  });
});
