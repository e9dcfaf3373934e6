import { z } from 'zod';
import { idSchema, isoDateTimeSchema, textSchema } from './common.ts';

export const apiTokenSchema = z.object({
  id: idSchema,
  name: z.string(),
  prefix: z.string(),
  createdAt: isoDateTimeSchema,
  lastUsedAt: isoDateTimeSchema.nullable(),
  revokedAt: isoDateTimeSchema.nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;
export const createApiTokenBodySchema = z.object({ name: textSchema.trim().min(1).max(100) });
/** The secret is shown once; only its hash is stored. Use it as `Authorization: Bearer <token>`. */
export const createdApiTokenSchema = apiTokenSchema.extend({ token: z.string() });
export const tokenParamsSchema = z.object({ companyId: idSchema, tokenId: idSchema });
