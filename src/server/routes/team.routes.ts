import type { FastifyInstance } from 'fastify';
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  previewInvitation,
  revokeInvitation,
} from '../../app/team/invitations.ts';
import { changeMemberRole, listMembers, removeMember } from '../../app/team/members.ts';
import { sessionSchema } from '../../contract/auth.ts';
import { companyParamsSchema } from '../../contract/common.ts';
import {
  acceptInvitationBodySchema,
  changeRoleBodySchema,
  createdInvitationSchema,
  createInvitationBodySchema,
  invitationParamsSchema,
  invitationPreviewSchema,
  invitationSchema,
  invitationTokenParamsSchema,
  memberParamsSchema,
  memberSchema,
} from '../../contract/members.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { requireActor, setSessionCookie } from '../auth.ts';
import { type RouteDeps, zodApp } from './deps.ts';

const tags = ['team'];

export function teamRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const r = zodApp(app);
  const { ctx } = deps;
  const config = { access: 'company' as const };

  r.get(
    '/api/companies/:companyId/members',
    { config, schema: { tags, params: companyParamsSchema, response: { 200: memberSchema.array() } } },
    async (req) => listMembers(ctx, requireActor(req), req.params.companyId),
  );

  r.patch(
    '/api/companies/:companyId/members/:userId',
    {
      config,
      schema: {
        tags,
        params: memberParamsSchema,
        body: changeRoleBodySchema,
        response: { 200: memberSchema.array() },
      },
    },
    async (req) =>
      changeMemberRole(ctx, requireActor(req), req.params.companyId, req.params.userId, req.body.role),
  );

  r.delete(
    '/api/companies/:companyId/members/:userId',
    { config, schema: { tags, params: memberParamsSchema } },
    async (req, reply) => {
      await removeMember(ctx, requireActor(req), req.params.companyId, req.params.userId);
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/companies/:companyId/invitations',
    { config, schema: { tags, params: companyParamsSchema, response: { 200: invitationSchema.array() } } },
    async (req) => (await listInvitations(ctx, requireActor(req), req.params.companyId)).map(toInvitation),
  );

  r.post(
    '/api/companies/:companyId/invitations',
    {
      config,
      schema: {
        tags,
        params: companyParamsSchema,
        body: createInvitationBodySchema,
        response: { 201: createdInvitationSchema },
      },
    },
    async (req, reply) => {
      const { invitation, token } = await createInvitation(
        ctx,
        requireActor(req),
        req.params.companyId,
        req.body,
      );
      const base = deps.publicUrl ?? `${req.protocol}://${req.host}`;
      return reply.code(201).send({ ...toInvitation(invitation), token, url: `${base}/invite/${token}` });
    },
  );

  r.delete(
    '/api/companies/:companyId/invitations/:invitationId',
    { config, schema: { tags, params: invitationParamsSchema } },
    async (req, reply) => {
      await revokeInvitation(ctx, requireActor(req), req.params.companyId, req.params.invitationId);
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/invitations/:token',
    {
      config: { access: 'public' },
      schema: { tags, params: invitationTokenParamsSchema, response: { 200: invitationPreviewSchema } },
    },
    async (req) => previewInvitation(ctx, req.params.token),
  );

  r.post(
    '/api/invitations/:token/accept',
    {
      config: { access: 'public', rateLimit: deps.authRateLimit },
      schema: {
        tags,
        params: invitationTokenParamsSchema,
        body: acceptInvitationBodySchema,
        response: { 200: sessionSchema },
      },
    },
    async (req, reply) => {
      // An API token cannot accept invitations on someone's behalf.
      if (req.actor && !req.session) throw new AppError('FORBIDDEN');
      const result = await acceptInvitation(ctx, req.params.token, req.session, req.body);
      if (result.kind === 'joined') return result.view;
      setSessionCookie(reply, deps.cookie, result.started.token);
      return result.started.view;
    },
  );
}

function toInvitation(inv: {
  id: string;
  email: string;
  role: 'owner' | 'manager' | 'member' | 'viewer';
  invitedByName: string;
  createdAt: string;
  expiresAt: string;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
}) {
  return {
    id: inv.id,
    email: inv.email,
    role: inv.role,
    invitedBy: inv.invitedByName,
    createdAt: inv.createdAt,
    expiresAt: inv.expiresAt,
    status: inv.status,
  };
}
