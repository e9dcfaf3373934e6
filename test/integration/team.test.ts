import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { addMember } from './team-fixture.ts';

describe.each(dialects())('team, invitations and API tokens (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it('invites by link: preview, accept with a new account, then the link is spent', async () => {
    const { client, companyId } = await signUp(h.app, 'Boss');
    const inv = await client.post(`/api/companies/${companyId}/invitations`, {
      email: 'Rep@Example.com',
      role: 'member',
    });
    expect(inv.statusCode).toBe(201);
    const { token, url } = inv.json();
    expect(url).toMatch(new RegExp(`/invite/${token}$`));
    const anon = new Client(h.app);
    const preview = await anon.get(`/api/invitations/${token}`);
    expect(preview.json()).toMatchObject({ email: 'rep@example.com', role: 'member', accountExists: false });
    const needs = await anon.post(`/api/invitations/${token}/accept`, {});
    expect(needs.json().code).toBe('ACCOUNT_REQUIRED');
    const ok = await anon.post(`/api/invitations/${token}/accept`, {
      name: '業務小王',
      password: 'a good long secret',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().memberships).toEqual([expect.objectContaining({ companyId, role: 'member' })]);
    expect((await anon.get(`/api/invitations/${token}`)).statusCode).toBe(404);
    const list = (await client.get(`/api/companies/${companyId}/invitations`)).json();
    expect(list[0]).toMatchObject({ status: 'accepted' });
    const members = (await client.get(`/api/companies/${companyId}/members`)).json();
    expect(members.map((m: { role: string }) => m.role).sort()).toEqual(['member', 'owner']);
  });

  it('lets an existing user join a second company while logged in, only with their own e-mail', async () => {
    const a = await signUp(h.app, 'A');
    const b = await signUp(h.app, 'B');
    const inv = (
      await a.client.post(`/api/companies/${a.companyId}/invitations`, { email: b.email, role: 'viewer' })
    ).json();
    const c = await signUp(h.app, 'C');
    expect((await c.client.post(`/api/invitations/${inv.token}/accept`, {})).json().code).toBe(
      'INVITATION_EMAIL_MISMATCH',
    );
    const joined = await b.client.post(`/api/invitations/${inv.token}/accept`, {});
    expect(joined.statusCode).toBe(200);
    expect(joined.json().currentCompanyId).toBe(a.companyId);
    expect(joined.json().memberships).toHaveLength(2);
  });

  it('refuses a revoked invitation and an invitation for an existing member', async () => {
    const { client, companyId, email } = await signUp(h.app);
    const inv = (
      await client.post(`/api/companies/${companyId}/invitations`, { email: 'x@example.com', role: 'viewer' })
    ).json();
    expect((await client.delete(`/api/companies/${companyId}/invitations/${inv.id}`)).statusCode).toBe(204);
    expect((await new Client(h.app).get(`/api/invitations/${inv.token}`)).statusCode).toBe(404);
    const self = await client.post(`/api/companies/${companyId}/invitations`, { email, role: 'viewer' });
    expect(self.json().code).toBe('ALREADY_MEMBER');
  });

  it('does not let a manager invite an owner', async () => {
    const { client, companyId } = await signUp(h.app);
    const manager = await addMember(h.app, client, companyId, 'manager');
    const res = await manager.client.post(`/api/companies/${companyId}/invitations`, {
      email: 'o@example.com',
      role: 'owner',
    });
    expect(res.statusCode).toBe(403);
    expect(
      (
        await manager.client.post(`/api/companies/${companyId}/invitations`, {
          email: 'm@example.com',
          role: 'member',
        })
      ).statusCode,
    ).toBe(201);
  });

  it('changes roles, removes members, and always keeps one owner', async () => {
    const { client, companyId, userId } = await signUp(h.app);
    const last = await client.patch(`/api/companies/${companyId}/members/${userId}`, { role: 'manager' });
    expect(last.json().code).toBe('LAST_OWNER');
    const m = await addMember(h.app, client, companyId, 'member');
    const changed = await client.patch(`/api/companies/${companyId}/members/${m.userId}`, { role: 'owner' });
    expect(changed.json().find((x: { userId: string }) => x.userId === m.userId).role).toBe('owner');
    expect(
      (await client.patch(`/api/companies/${companyId}/members/${userId}`, { role: 'viewer' })).statusCode,
    ).toBe(200);
    // Now a viewer, the first user can no longer manage members.
    expect((await client.delete(`/api/companies/${companyId}/members/${m.userId}`)).statusCode).toBe(403);
    expect((await m.client.delete(`/api/companies/${companyId}/members/${userId}`)).statusCode).toBe(204);
    expect((await client.get(`/api/companies/${companyId}`)).statusCode).toBe(404);
    expect((await m.client.delete(`/api/companies/${companyId}/members/no-such-user`)).json().code).toBe(
      'MEMBER_NOT_FOUND',
    );
  });

  it('API tokens: shown once, hashed, scoped to one company, revocable, no CSRF needed', async () => {
    const a = await signUp(h.app);
    const b = await signUp(h.app);
    const created = (
      await a.client.post(`/api/companies/${a.companyId}/tokens`, { name: 'POS sync' })
    ).json();
    expect(created.token).toMatch(/^pcr_/);
    const listed = (await a.client.get(`/api/companies/${a.companyId}/tokens`)).json();
    expect(JSON.stringify(listed)).not.toContain(created.token);
    const row = await h.runtime.database.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).not.toContain(created.token);

    const bot = new Client(h.app);
    bot.bearer = created.token;
    expect((await bot.get(`/api/companies/${a.companyId}/profile`)).statusCode).toBe(200);
    expect((await bot.patch(`/api/companies/${a.companyId}`, { name: 'Via token' })).statusCode).toBe(200);
    // b's owner is not a member of a; and a's token cannot reach b's company even if a's owner joins it.
    expect((await bot.get(`/api/companies/${b.companyId}/profile`)).statusCode).toBe(404);
    expect((await bot.post('/api/companies', { name: 'x' })).statusCode).toBe(403);

    expect((await a.client.delete(`/api/companies/${a.companyId}/tokens/${created.id}`)).statusCode).toBe(
      204,
    );
    const revoked = await bot.get(`/api/companies/${a.companyId}/profile`);
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().code).toBe('INVALID_TOKEN');
  });

  it('a token stops working when its user leaves the company', async () => {
    const { client, companyId } = await signUp(h.app);
    const manager = await addMember(h.app, client, companyId, 'manager');
    const t = (await manager.client.post(`/api/companies/${companyId}/tokens`, { name: 'm' })).json();
    await client.delete(`/api/companies/${companyId}/members/${manager.userId}`);
    const bot = new Client(h.app);
    bot.bearer = t.token;
    expect((await bot.get(`/api/companies/${companyId}`)).statusCode).toBe(401);
  });
});
