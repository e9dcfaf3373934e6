import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './common.ts';

export const auditEntrySchema = z.object({
  id: idSchema,
  at: isoDateTimeSchema,
  userName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.string().optional(),
});
