import { z } from 'zod';

/** Roles of a member of a company, from most to least powerful. */
export const roleSchema = z.enum(['owner', 'manager', 'member', 'viewer']);
export type Role = z.infer<typeof roleSchema>;

export const localeSchema = z.enum(['zh-TW', 'en']);
export type Locale = z.infer<typeof localeSchema>;

export const idSchema = z.string().min(1).max(64);
export const companyParamsSchema = z.object({ companyId: idSchema });
export const isoDateTimeSchema = z.string();

/** RFC 9457 problem details, with Pacer's stable error code. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/** Header the web app sends on every state-changing request made with a session cookie. */
export const CSRF_HEADER = 'x-csrf-token';
