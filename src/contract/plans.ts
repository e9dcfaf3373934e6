/**
 * Phase goals (goal trees) over HTTP: split a goal by period and dimension (preview or save), read
 * the tree with actuals, edit or lock a child (its siblings re-balance), re-balance after the
 * parent changed, re-plan after a period closed, company-stage plans. Amounts in currency units,
 * percentages as percent numbers (25 = 25 %).
 */
import { z } from 'zod';
import { CHILD_STATES } from '../core/plan/period-state.ts';
import { COMPANY_STAGES } from '../core/plan/stage-templates.ts';
import { SPLIT_DIMENSIONS, SPLIT_GRAINS } from '../core/plan/types.ts';
import { idSchema, localDateSchema, textSchema } from './common.ts';
import { exportFormatSchema } from './exports.ts';
import { goalMetricSchema, goalScopeSchema, smartGradesSchema, targetKindSchema } from './goals.ts';

const periodSchema = z.object({ start: z.string(), end: z.string() });
const reasonSchema = textSchema.pipe(z.string().trim().min(1).max(500));

export const planParamsSchema = z.object({ companyId: idSchema, goalId: idSchema });
export const planChildParamsSchema = z.object({ companyId: idSchema, goalId: idSchema, childId: idSchema });

export const splitBodySchema = z
  .object({
    into: z.enum(SPLIT_GRAINS),
    by: z.enum(SPLIT_DIMENSIONS).nullable().default(null),
    method: z.enum(['equal', 'last-year', 'seasonal', 'ramp', 'manual']).default('equal'),
    /** Growth per period in percent (ramp). */
    rampPct: z.number().finite().gt(-100).max(1000).nullable().default(null),
    /**
     * manual: the children's targets (currency units, percents as 25), each with its lock. Every
     * child given: saved as given, a gap to the parent shown as `mismatch`; some given: the others
     * share the rest by days.
     */
    cells: z
      .array(
        z.object({
          periodId: z.string().min(1).max(20),
          member: z.string().max(200).nullable().default(null),
          target: z.number().finite().min(-1e13).max(1e13),
          locked: z.boolean().default(false),
        }),
      )
      .max(200_000)
      .optional(),
    /** Preview only: nothing is saved. */
    dryRun: z.boolean().default(false),
    today: localDateSchema.optional(),
  })
  .refine((b) => b.method !== 'ramp' || b.rampPct !== null, {
    message: 'ramp_needs_rampPct',
    path: ['rampPct'],
  })
  .refine((b) => b.cells === undefined || b.method === 'manual', {
    message: 'cells_need_manual',
    path: ['cells'],
  });

export const planNoteSchema = z.object({ code: z.string(), en: z.string(), zhTW: z.string() });

export const splitViewSchema = z.object({
  goalId: idSchema,
  method: z.string(),
  into: z.enum(SPLIT_GRAINS),
  by: z.enum(SPLIT_DIMENSIONS).nullable(),
  metric: goalMetricSchema,
  additive: z.boolean(),
  /** The parent's total (additive) or level (ratio). */
  total: z.number(),
  /** Additive: Σ children − total (non-zero only for a manual split that does not add up: shown, never hidden). */
  mismatch: z.number().nullable(),
  /** Ratio: the level the children imply, weighted as the saved tree weighs them; null for sums and for counts over the whole period (customers…). */
  implied: z.number().nullable(),
  children: z.array(
    z.object({
      /** null on a preview. */
      id: idSchema.nullable(),
      period: periodSchema,
      periodId: z.string(),
      partial: z.boolean(),
      scope: goalScopeSchema,
      member: z.string().nullable(),
      target: z.number(),
      /** Of the parent's total; null for ratios (never summed). */
      share: z.number().nullable(),
      /** Last year's actual; an estimate (`lastYearEstimated`) when the data covers only part of that period. */
      lastYear: z.number().nullable(),
      lastYearEstimated: z.boolean(),
      locked: z.boolean(),
    }),
  ),
  notes: z.array(planNoteSchema),
  /** The plan by month against last year's actuals, for the chart. */
  curve: z.array(z.object({ period: z.string(), plan: z.number(), lastYear: z.number().nullable() })),
  saved: z.boolean(),
});

const splitRecipeSchema = z.object({
  into: z.enum(SPLIT_GRAINS).nullable(),
  by: z.enum(SPLIT_DIMENSIONS).nullable(),
  method: z.string(),
  rampPct: z.number().nullable(),
});

const nodeFields = {
  id: idSchema,
  name: z.string(),
  metric: z.string(),
  period: periodSchema,
  scope: z.record(z.string(), z.array(z.string()).optional()),
  target: z.number(),
  status: z.string(),
  version: z.number().int(),
  score: z.number().nullable(),
  grades: smartGradesSchema.nullable(),
  periodId: z.string().nullable(),
  dimension: z.string().nullable(),
  member: z.string().nullable(),
  locked: z.boolean(),
  split: splitRecipeSchema.nullable(),
  actual: z.number().nullable(),
  share: z.number().nullable(),
  /** Additive: what the children add up to, and the gap to the target (0 when consistent). */
  childrenTotal: z.number().nullable(),
  mismatch: z.number().nullable(),
  /** Ratio: the level the children imply, weighted as `impliedWeighting` says. */
  implied: z.number().nullable(),
  /**
   * How a ratio's children weigh: 'last-year' by each child's denominator (orders for AOV, …: a closed
   * child's own, last year's for the others), 'days' when last year is unknown; null for sums.
   */
  impliedWeighting: z.enum(['last-year', 'days']).nullable(),
  /**
   * A ratio's child: its weight in its parent's implied level (its denominator as `impliedWeighting`
   * says, or its days); null for sums, counts over the whole period and the root.
   */
  weight: z.number().nullable(),
};
export type PlanNode = z.infer<z.ZodObject<typeof nodeFields>> & { children: PlanNode[] };
export const planNodeSchema: z.ZodType<PlanNode> = z.object({
  ...nodeFields,
  children: z.array(z.lazy(() => planNodeSchema)),
});

export const planTreeSchema = z.object({
  goal: z.object(nodeFields),
  children: z.array(planNodeSchema),
  today: z.string(),
  nodes: z.number().int(),
});
export const planTreeQuerySchema = z.object({ today: localDateSchema.optional() });

export const childEditBodySchema = z
  .object({
    /** The child's new target (it is locked at it unless `locked` says otherwise). */
    target: z.number().finite().min(-1e13).max(1e13).optional(),
    locked: z.boolean().optional(),
    reason: reasonSchema,
  })
  .refine((b) => b.target !== undefined || b.locked !== undefined, {
    message: 'target_or_locked',
    path: ['target'],
  });

export const rebalanceBodySchema = z.object({ reason: reasonSchema });

export const replanBodySchema = z.object({
  today: localDateSchema.optional(),
  mode: z.enum(['spread', 'keep']),
  reason: reasonSchema,
  /** Preview only: the new targets and run rates are computed, nothing is recorded. */
  dryRun: z.boolean().default(false),
});

/** The plan tree as a file (one row per node, indented by level). */
export const planExportQuerySchema = z.object({
  today: localDateSchema.optional(),
  format: exportFormatSchema.default('xlsx'),
});

export const replanViewSchema = z.object({
  goalId: idSchema,
  metric: goalMetricSchema,
  mode: z.enum(['spread', 'keep']),
  /** false for a ratio (AOV, conversion, …): levels, never summed. */
  additive: z.boolean(),
  /**
   * How the children's levels make the parent's value (ratios): weighted by each period's
   * denominator (the closed periods' own, last year's for the open ones: 'last-year'), or by days
   * when last year is unknown; 'sum' for additive metrics.
   */
  weighting: z.enum(['sum', 'last-year', 'days']),
  /** Ratios: the one level the open periods now need, the level so far, the parent's value after a spread. */
  requiredLevel: z.number().nullable(),
  currentLevel: z.number().nullable(),
  impliedAfter: z.number().nullable(),
  today: z.string(),
  reason: z.string(),
  total: z.number(),
  actualToDate: z.number(),
  difference: z.number(),
  remainingDays: z.number().int(),
  requiredRunRate: z.number().nullable(),
  currentRunRate: z.number().nullable(),
  children: z.array(
    z.object({
      id: idSchema,
      periodId: z.string().nullable(),
      period: periodSchema,
      /** Closed with an actual (what a re-plan closes at its actual). */
      closed: z.boolean(),
      /** Where the period stands; a closed level without a value (no orders: no AOV) is closed-no-data. */
      state: z.enum(CHILD_STATES),
      locked: z.boolean(),
      actual: z.number().nullable(),
      target: z.number(),
      newTarget: z.number(),
    }),
  ),
  version: z.number().int(),
});

export const stageBodySchema = z.object({
  /** Default: the company profile's stage. */
  stage: z.enum(COMPANY_STAGES).nullable().default(null),
  /** Default: today. */
  start: localDateSchema.nullable().default(null),
  dryRun: z.boolean().default(false),
});

export const stagePlanSchema = z.object({
  stage: z.enum(COMPANY_STAGES),
  title: z.string(),
  start: z.string(),
  saved: z.boolean(),
  phases: z.array(
    z.object({
      name: z.string(),
      goal: z.string(),
      period: periodSchema,
      goals: z.array(
        z.object({
          id: idSchema.nullable(),
          metric: goalMetricSchema,
          name: z.string(),
          kpi: z.string(),
          /** null: the user sets it (suggestedFrom 'user': no KPI measures it; not saved, not graded). */
          target: z.number().nullable(),
          targetKind: targetKindSchema.nullable(),
          suggestedFrom: z.enum(['recommended', 'baseline', 'no_data', 'user']),
          /** What the target is measured from (last year only when the data fairly covers it: its first day and 90 % of its days); null: no baseline. */
          basis: z.enum(['same_period_last_year', 'recent_run_rate']).nullable(),
          /** Why no number is proposed (target null), in the request's language. */
          reason: z.string().nullable(),
          recommended: z.object({ p50: z.number(), p70: z.number(), p90: z.number() }).nullable(),
          grades: smartGradesSchema.nullable(),
          score: z.number().nullable(),
        }),
      ),
    }),
  ),
});
