import { z } from 'zod';
import { companyNameSchema } from './auth.ts';
import { idSchema, isoDateTimeSchema, roleSchema } from './common.ts';

export const companySchema = z.object({
  id: idSchema,
  name: z.string(),
  role: roleSchema,
  createdAt: isoDateTimeSchema,
});
export type Company = z.infer<typeof companySchema>;

export const createCompanyBodySchema = z.object({ name: companyNameSchema });
export const renameCompanyBodySchema = z.object({ name: companyNameSchema });
