import { z } from 'zod';
import type { DataFreshness } from '../core/goals/data-freshness.ts';

/**
 * How old a company's sales data is (GET /api/companies/:companyId/data-freshness, and `freshness`
 * in every goal grading). Forecasts start after `lastCompleteMonth`, not at today.
 */
export const dataFreshnessSchema = z.object({
  /** First and last days with sales, YYYY-MM-DD; null when the company has no sales. */
  firstSaleDate: z.string().nullable(),
  lastSaleDate: z.string().nullable(),
  /** Days from the last sale to today (1 = yesterday). */
  daysOld: z.number().int().nullable(),
  /** The last whole month of data, YYYY-MM (never today's month). */
  lastCompleteMonth: z.string().nullable(),
  /** current: through last month or later; stale: older (forecast from its end); too_old: over 24 months; none: no sales. */
  status: z.enum(['current', 'stale', 'too_old', 'none']),
  /** The last day a forecast treats as known (yesterday when current, else the last complete month's end). */
  knownThrough: z.string().nullable(),
  /** Today in the company's time zone, the date the figures are as of. */
  today: z.string(),
});
export type DataFreshnessView = z.infer<typeof dataFreshnessSchema>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const assertSame = <T extends true>(): T | undefined => undefined;
assertSame<Same<Omit<DataFreshnessView, 'today'>, DataFreshness>>();
