import { z } from 'zod';
import { TIME_ZONES } from '../core/calendar/time-zones.ts';
import { CURRENCY_EXPONENT, type Currency } from '../core/money/currency.ts';
import { isoDateTimeSchema, multilineTextSchema, textSchema } from './common.ts';

/** 初創企業 / 快速成長型 / 成熟企業 (the guide's three stages). */
export const companyStageSchema = z.enum(['startup', 'fast_growth', 'mature']);
export type CompanyStage = z.infer<typeof companyStageSchema>;

export const currencySchema = z.enum(Object.keys(CURRENCY_EXPONENT) as [Currency, ...Currency[]]);
export type CurrencyCode = z.infer<typeof currencySchema>;

export const timeZoneSchema = z.enum(TIME_ZONES);

export const profileInputSchema = z.object({
  stage: companyStageSchema,
  industry: textSchema.trim().max(100),
  currency: currencySchema,
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  timeZone: timeZoneSchema,
  description: multilineTextSchema.trim().max(2000),
});
export type ProfileInput = z.infer<typeof profileInputSchema>;

export const profileSchema = profileInputSchema.extend({
  version: z.number().int(),
  updatedAt: isoDateTimeSchema.nullable(),
});
export type Profile = z.infer<typeof profileSchema>;

/** Save with the version read; a stale version answers 409 PROFILE_VERSION_CONFLICT. */
export const saveProfileBodySchema = profileInputSchema.extend({ version: z.number().int().min(0) });
export type SaveProfileBody = z.infer<typeof saveProfileBodySchema>;
