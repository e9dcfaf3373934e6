import { z } from 'zod';
import { idSchema, isoDateTimeSchema, multilineTextSchema } from './common.ts';
import { currencySchema } from './profile.ts';

export const marketSizeKindSchema = z.enum(['TAM', 'SAM', 'SOM']);
export const swotKindSchema = z.enum(['strength', 'weakness', 'opportunity', 'threat']);
export const priceLevelSchema = z.enum(['low', 'mid', 'high']);

const text = (max: number) => multilineTextSchema.trim().max(max);

/** Market size: amount in currency units (e.g. 1500000.5 NT$); stored as integer minor units. */
export const marketSizeSchema = z.object({
  kind: marketSizeKindSchema,
  year: z.number().int().min(1990).max(2100),
  amount: z.number().nonnegative().max(1e13),
  currency: currencySchema,
  source: text(300),
});
export const competitorSchema = z.object({
  name: text(120).min(1),
  priceLevel: priceLevelSchema.nullable(),
  strengths: text(1000),
  weaknesses: text(1000),
  notes: text(1000),
});
export const swotEntrySchema = z.object({ kind: swotKindSchema, text: text(500).min(1) });
/** A strategic objective; `id` is kept when editing so goals stay linked (the R of SMART). */
export const objectiveSchema = z.object({
  id: idSchema.optional(),
  title: text(200).min(1),
  description: text(2000),
});

export const marketAnalysisInputSchema = z.object({
  positioning: text(2000),
  marketSizes: z.array(marketSizeSchema).max(60),
  competitors: z.array(competitorSchema).max(100),
  swot: z.array(swotEntrySchema).max(200),
  objectives: z.array(objectiveSchema).max(50),
});
export type MarketAnalysisInput = z.infer<typeof marketAnalysisInputSchema>;

export const marketAnalysisSchema = marketAnalysisInputSchema.extend({
  objectives: z.array(objectiveSchema.extend({ id: idSchema })),
  version: z.number().int(),
  updatedAt: isoDateTimeSchema.nullable(),
});
export type MarketAnalysis = z.infer<typeof marketAnalysisSchema>;

export const saveMarketAnalysisBodySchema = marketAnalysisInputSchema.extend({
  version: z.number().int().min(0),
});
export type SaveMarketAnalysisBody = z.infer<typeof saveMarketAnalysisBodySchema>;
