import { z } from 'zod';
import { idSchema, textSchema } from './common.ts';

export const catalogTableSchema = z.enum(['products', 'categories', 'channels', 'reps', 'regions']);
export const catalogEntrySchema = z.object({ id: z.string(), name: z.string(), lines: z.number().int() });
export type CatalogEntryDto = z.infer<typeof catalogEntrySchema>;
export const catalogParamsSchema = z.object({ companyId: idSchema, table: catalogTableSchema });
export const catalogEntryParamsSchema = catalogParamsSchema.extend({ entryId: z.string().max(20) });
export const renameEntryBodySchema = z.object({ name: textSchema.trim().min(1).max(200) });
/** Merge the entry in the path into `intoId`: its lines move, it disappears. */
export const mergeEntryBodySchema = z.object({ intoId: z.string().max(20) });
