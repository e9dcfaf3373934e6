import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';

const PASSWORD = 'correct horse battery';

describe.each(dialects())('login lock-out by account and IP, the account’s language (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  /** A login from `ip` (no cookie, as a new browser on that address). */
  async function login(ip: string, email: string, password: string) {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: ip,
      headers: { 'accept-language': 'en' },
      payload: { email, password },
    });
    return { status: res.statusCode, code: (res.json() as { code?: string }).code };
  }

  it('locks the attacker’s IP for that account, not the owner; many IPs lock only unknown ones', async () => {
    const { email } = await signUp(h.app, 'Target');
    // The owner logs in from home once: a known IP for this account.
    expect((await login('10.0.0.1', email, PASSWORD)).status).toBe(200);

    // Someone who knows the e-mail fails five times from one address: that address is locked out…
    for (let i = 0; i < 5; i++)
      expect(await login('203.0.113.9', email, 'wrong password!')).toMatchObject({ status: 401 });
    expect(await login('203.0.113.9', email, PASSWORD)).toMatchObject({
      status: 429,
      code: 'TOO_MANY_ATTEMPTS',
    });
    // …but the owner still gets in, from home and from a new place.
    expect((await login('10.0.0.1', email, PASSWORD)).status).toBe(200);
    expect((await login('198.51.100.7', email, PASSWORD)).status).toBe(200);

    // Failures from many addresses (20 in all) lock the account for addresses it never logged in from.
    for (let ip = 1; ip <= 5; ip++)
      for (let i = 0; i < 3; i++)
        expect((await login(`192.0.2.${ip}`, email, 'wrong password!')).status).toBe(401);
    expect(await login('192.0.2.99', email, PASSWORD)).toMatchObject({
      status: 429,
      code: 'TOO_MANY_ATTEMPTS',
    });
    // The owner's own addresses still get in.
    expect((await login('10.0.0.1', email, PASSWORD)).status).toBe(200);
    expect((await login('198.51.100.7', email, PASSWORD)).status).toBe(200);
  });

  it('keeps the language chosen on the login page with the account', async () => {
    const { email } = await signUp(h.app, 'Lang');
    const c = new Client(h.app);
    const zh = await c.post('/api/auth/login', { email, password: PASSWORD });
    expect(zh.json().user.locale).toBe('zh-TW');
    const en = await c.post('/api/auth/login', { email, password: PASSWORD, locale: 'en' });
    expect(en.statusCode).toBe(200);
    expect(en.json().user.locale).toBe('en');
    // Kept for the next visit (a new browser that does not say which language it wants).
    const later = new Client(h.app);
    await later.post('/api/auth/login', { email, password: PASSWORD });
    expect((await later.get('/api/auth/session')).json().user.locale).toBe('en');
    // Changed in the app: PATCH /api/auth/me.
    const changed = await later.patch('/api/auth/me', { locale: 'zh-TW' });
    expect(changed.json().user.locale).toBe('zh-TW');
    expect((await c.get('/api/auth/session')).json().user.locale).toBe('zh-TW');
    expect(
      (await later.post('/api/auth/login', { email, password: PASSWORD, locale: 'fr' })).statusCode,
    ).toBe(400);
  });
});
