import { z } from 'zod';
import { idSchema, isoDateTimeSchema, localeSchema, roleSchema, textSchema } from './common.ts';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export const emailSchema = z.string().trim().toLowerCase().email().max(254);
export const passwordSchema = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);
export const personNameSchema = textSchema.trim().min(1).max(100);
export const companyNameSchema = textSchema.trim().min(1).max(120);

export const signupBodySchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: personNameSchema,
  companyName: companyNameSchema,
  locale: localeSchema.optional(),
});
export type SignupBody = z.infer<typeof signupBodySchema>;

export const loginBodySchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(PASSWORD_MAX),
  /** The language chosen on the login page: saved to the account, kept after login. */
  locale: localeSchema.optional(),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX),
  newPassword: passwordSchema,
});

export const switchCompanyBodySchema = z.object({ companyId: idSchema });
export const updateMeBodySchema = z.object({
  name: personNameSchema.optional(),
  locale: localeSchema.optional(),
});

export const membershipSummarySchema = z.object({
  companyId: idSchema,
  companyName: z.string(),
  role: roleSchema,
});
export type MembershipSummary = z.infer<typeof membershipSummarySchema>;

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  locale: localeSchema,
  createdAt: isoDateTimeSchema,
});
export type User = z.infer<typeof userSchema>;

/** What the web app needs after login: who, which companies, which one is current, the CSRF token. */
export const sessionSchema = z.object({
  user: userSchema,
  memberships: z.array(membershipSummarySchema),
  currentCompanyId: idSchema.nullable(),
  csrfToken: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;

/** GET /api/auth/session: the session of the cookie sent, or null when nobody is logged in. */
export const optionalSessionSchema = sessionSchema
  .nullable()
  .describe('The session of the cookie sent; null when nobody is logged in (or the session ended).');
export type OptionalSession = z.infer<typeof optionalSessionSchema>;
