import type { FastifyInstance } from 'fastify';
import { Client, signUp } from '../support/app-harness.ts';

export type RoleName = 'owner' | 'manager' | 'member' | 'viewer';

/** Invites a new person with `role` into the owner's company and returns their logged-in client. */
export async function addMember(
  app: FastifyInstance,
  owner: Client,
  companyId: string,
  role: RoleName,
  tag: string = role,
) {
  const email = `${tag}-${Math.random().toString(36).slice(2, 10)}@example.com`;
  const inv = await owner.post(`/api/companies/${companyId}/invitations`, { email, role });
  if (inv.statusCode !== 201) throw new Error(`invite failed: ${inv.body}`);
  const { token } = inv.json() as { token: string };
  const client = new Client(app);
  const acc = await client.post(`/api/invitations/${token}/accept`, {
    name: `${tag} person`,
    password: 'correct horse battery',
  });
  if (acc.statusCode !== 200) throw new Error(`accept failed: ${acc.body}`);
  const session = acc.json() as { user: { id: string } };
  return { client, email, userId: session.user.id };
}

export interface Team {
  companyId: string;
  otherCompanyId: string;
  clients: Record<RoleName | 'otherOwner', Client>;
  emails: Record<RoleName | 'otherOwner', string>;
  anonymous: Client;
}

export async function buildTeam(app: FastifyInstance): Promise<Team> {
  const owner = await signUp(app, 'Owner');
  const other = await signUp(app, 'Rival');
  const manager = await addMember(app, owner.client, owner.companyId, 'manager');
  const member = await addMember(app, owner.client, owner.companyId, 'member');
  const viewer = await addMember(app, owner.client, owner.companyId, 'viewer');
  return {
    companyId: owner.companyId,
    otherCompanyId: other.companyId,
    clients: {
      owner: owner.client,
      manager: manager.client,
      member: member.client,
      viewer: viewer.client,
      otherOwner: other.client,
    },
    emails: {
      owner: owner.email,
      manager: manager.email,
      member: member.email,
      viewer: viewer.email,
      otherOwner: other.email,
    },
    anonymous: new Client(app),
  };
}
