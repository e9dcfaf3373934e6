import { z } from 'zod';
import { GRAINS } from '../core/calendar/periods.ts';
import { DATA_GAPS } from '../core/ingest/data-gaps.ts';
import { DIMENSIONS, KPI_METRICS } from '../core/kpi/types.ts';
import { companyParamsSchema, localDateSchema as localDate } from './common.ts';

export const kpiMetricSchema = z.enum(KPI_METRICS);
export const kpiGrainSchema = z.enum(GRAINS as [string, ...string[]]);
export const kpiDimensionSchema = z.enum(DIMENSIONS);
export const kpiUnitSchema = z.enum(['money', 'count', 'ratio', 'score']);
/** sum: values add up (and stack); ratio: Σ numerator ÷ Σ denominator; distinct: read over the whole range. */
export const kpiAggregationSchema = z.enum(['sum', 'ratio', 'distinct']);

/**
 * GET /api/companies/:companyId/kpi. `where` filters by member names: `key=value[,key=value]`,
 * a repeated key meaning either member (channel=門市,channel=線上商店,category=咖啡).
 */
export const kpiQuerystringSchema = z.object({
  metric: kpiMetricSchema,
  from: localDate,
  to: localDate,
  grain: kpiGrainSchema.default('month'),
  by: kpiDimensionSchema.optional(),
  where: z.string().max(2000).optional(),
});
export type KpiQuerystring = z.infer<typeof kpiQuerystringSchema>;

export const kpiPointSchema = z.object({
  period: z.string(),
  label: z.string(),
  start: z.string(),
  end: z.string(),
  key: z.string().nullable().optional(),
  /** Money in currency units (1500.5); ratios as plain numbers (0.25 = 25 %); null when undefined. */
  value: z.number().nullable(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  satisfiedShare: z.number().nullable().optional(),
  /** The point covers only part of its period (the month so far): not comparable as a whole period. */
  partial: z.boolean().optional(),
});

export const kpiResultSchema = z.object({
  metric: kpiMetricSchema,
  unit: kpiUnitSchema,
  currency: z.string(),
  grain: kpiGrainSchema,
  from: z.string(),
  to: z.string(),
  by: kpiDimensionSchema.nullable(),
  series: z.array(kpiPointSchema),
  comparison: z.array(kpiPointSchema),
  aggregation: kpiAggregationSchema,
  /** The KPI over the whole range per breakdown member (one point without `by`), computed by its kind. */
  total: z.array(kpiPointSchema),
  /** The same over the comparison periods last year. */
  comparisonTotal: z.array(kpiPointSchema),
  /**
   * Today in the company's time zone (YYYY-MM-DD): the series is as of it (a period not over by then is
   * partial, one that starts after it has no figure yet). Clients mark periods by it, not by their own clock.
   */
  today: z.string(),
  /**
   * Facts the KPI depends on that files in its range lacked, with the lines affected: noProduct (shown
   * under the placeholder product), assumedQuantity (1 per line), inventedOrders (one order per line),
   * blankOrderIds (an empty order-id cell: that line is its own order), noCustomer (no customer).
   * Counted over the whole range, whatever the filters.
   */
  caveats: z
    .array(
      z.object({
        gap: z.enum(DATA_GAPS),
        lines: z.number().int(),
      }),
    )
    .optional(),
  /** Filter names the company's data does not hold (their KPI is zero), with the closest names of any kind. */
  unknownFilters: z
    .array(
      z.object({
        dimension: kpiDimensionSchema,
        name: z.string(),
        suggestions: z.array(z.object({ dimension: kpiDimensionSchema, name: z.string() })),
      }),
    )
    .optional(),
});
export type KpiResultBody = z.infer<typeof kpiResultSchema>;

export const kpiGlossarySchema = z.array(
  z.object({
    metric: kpiMetricSchema,
    unit: kpiUnitSchema,
    aggregation: kpiAggregationSchema,
    name: z.string(),
    otherName: z.string(),
    definition: z.string(),
    formula: z.string(),
    dimensions: z.array(kpiDimensionSchema),
  }),
);
export type KpiGlossaryBody = z.infer<typeof kpiGlossarySchema>;

export const dimensionParamsSchema = companyParamsSchema.extend({ kind: kpiDimensionSchema });
export const dimensionMembersSchema = z.object({ kind: kpiDimensionSchema, names: z.array(z.string()) });
export type DimensionMembersBody = z.infer<typeof dimensionMembersSchema>;
