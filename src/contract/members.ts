import { z } from 'zod';
import { emailSchema } from './auth.ts';
import { idSchema, isoDateTimeSchema, roleSchema, textSchema } from './common.ts';

export const memberSchema = z.object({
  userId: idSchema,
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  joinedAt: isoDateTimeSchema,
});
export type Member = z.infer<typeof memberSchema>;
export const memberParamsSchema = z.object({ companyId: idSchema, userId: idSchema });
export const changeRoleBodySchema = z.object({ role: roleSchema });

export const invitationSchema = z.object({
  id: idSchema,
  email: z.string(),
  role: roleSchema,
  invitedBy: z.string(),
  createdAt: isoDateTimeSchema,
  expiresAt: isoDateTimeSchema,
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
});
export type Invitation = z.infer<typeof invitationSchema>;
export const createInvitationBodySchema = z.object({ email: emailSchema, role: roleSchema });
/** The link is shown once, at creation: only a hash of its token is stored. */
export const createdInvitationSchema = invitationSchema.extend({ token: z.string(), url: z.string() });
export const invitationParamsSchema = z.object({ companyId: idSchema, invitationId: idSchema });

export const invitationTokenParamsSchema = z.object({ token: z.string().min(10).max(200) });
/** What an invitee sees before accepting (public, by token). */
export const invitationPreviewSchema = z.object({
  companyName: z.string(),
  email: z.string(),
  role: roleSchema,
  invitedBy: z.string(),
  expiresAt: isoDateTimeSchema,
  accountExists: z.boolean(),
});
/** Accept while logged in (empty body), or create the account at the same time (name + password). */
export const acceptInvitationBodySchema = z.object({
  name: textSchema.trim().min(1).max(100).optional(),
  password: z.string().min(8).max(128).optional(),
});
