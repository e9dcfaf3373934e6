import { z } from 'zod';
import { targetFieldProblem } from '../core/goals/target-limits.ts';
import type * as core from '../core/goals/types.ts';
import { DATA_GAPS } from '../core/ingest/data-gaps.ts';
import { DIMENSIONS, KPI_METRICS } from '../core/kpi/types.ts';
import {
  FINDING_SEVERITIES,
  LETTER_GRADES,
  RATE_PERS,
  SMART_LETTERS,
  TARGET_KINDS,
} from '../core/smart/types.ts';
import {
  idSchema,
  isoDateTimeSchema,
  localDateSchema as localDate,
  multilineTextSchema,
  textSchema,
} from './common.ts';
import { dataFreshnessSchema } from './freshness.ts';

/** The goal vocabulary is core's (core/smart/types.ts); the web imports it from here. */
export type { Grades, LetterGrade, RatePer, SmartLetter, TargetKind } from '../core/goals/types.ts';
export { LETTER_GRADES, SMART_LETTERS };

export const goalMetricSchema = z.enum(KPI_METRICS);
export const ratePerSchema = z.enum(RATE_PERS);
export const targetKindSchema = z.enum(TARGET_KINDS);

/**
 * A numeric target: reach X (absolute), change by ±X % (percent_change) or by ±X (absolute_change).
 * Money in currency units; percentages and rates as percent numbers (3.5 = 3.5 %); `per` makes it a
 * rate (每月100單 → absolute 100 per month).
 */
export const goalTargetSchema = z.object({
  metric: goalMetricSchema,
  kind: targetKindSchema,
  value: z.number().finite().min(-1e13).max(1e13),
  per: ratePerSchema.nullable().default(null),
});
export type GoalTarget = z.infer<typeof goalTargetSchema>;

/** The goal's scope: member names per dimension (empty or missing: everything). */
export const goalScopeSchema = z
  .object(
    Object.fromEntries(
      DIMENSIONS.map((d) => [d, z.array(textSchema.trim().min(1).max(200)).max(50).optional()]),
    ),
  )
  .strict();
export type GoalScope = Partial<Record<(typeof DIMENSIONS)[number], string[]>>;

export const goalPeriodSchema = z
  .object({ start: localDate, end: localDate })
  .refine((p) => p.start <= p.end, { message: 'end_before_start', path: ['end'] });

/** A goal as stored and answered (targets as they were saved); requests are checked by goalInputSchema. */
const goalFieldsSchema = z.object({
  name: textSchema.trim().min(1).max(200),
  /** The sentence the goal was written as, if any (kept for the record). */
  statement: multilineTextSchema.trim().max(2000).default(''),
  metric: goalMetricSchema,
  scope: goalScopeSchema.default({}),
  /** The main target, on `metric`. */
  target: goalTargetSchema,
  /** Further targets named in the statement (「達到每月100單」). */
  extraTargets: z.array(goalTargetSchema).max(10).default([]),
  period: goalPeriodSchema,
  ownerUserId: idSchema.nullable().default(null),
  objectiveId: idSchema.nullable().default(null),
  strategies: z.array(textSchema.trim().min(1).max(300)).max(30).default([]),
  notes: multilineTextSchema.trim().max(5000).default(''),
});

/**
 * Targets no business can reach are refused with the field's path (target.value,
 * extraTargets.1.value): a negative amount or count, a rate outside 0–100 %, a fall of 100 % or more
 * (core/goals/target-limits.ts: the rule the use cases and the grading of a sentence apply too). The
 * message is a code of FIELD_MESSAGES, which the server words in the request's language.
 */
function refuseImpossibleTargets(
  goal: { target: GoalTarget; extraTargets: GoalTarget[] },
  ctx: z.RefinementCtx,
): void {
  const check = (t: GoalTarget, path: (string | number)[]) => {
    const code = targetFieldProblem(t);
    if (code) ctx.addIssue({ code: 'custom', path: [...path, 'value'], message: code });
  };
  check(goal.target, ['target']);
  goal.extraTargets.forEach((t, i) => {
    check(t, ['extraTargets', i]);
  });
}

export const goalInputSchema = goalFieldsSchema.superRefine(refuseImpossibleTargets);
export type GoalInput = z.infer<typeof goalInputSchema>;

export const letterGradeSchema = z.enum(LETTER_GRADES);
export const smartGradesSchema = z.object({
  specific: letterGradeSchema,
  measurable: letterGradeSchema,
  achievable: letterGradeSchema,
  relevant: letterGradeSchema,
  time_bound: letterGradeSchema,
});
export const findingSchema = z.object({
  letter: z.enum(SMART_LETTERS),
  code: z.string(),
  severity: z.enum(FINDING_SEVERITIES),
  message: z.string(),
  fix: z.string(),
});

/** Money in currency units; the probability in [0, 1]. */
export const achievabilitySchema = z.object({
  verdict: z.enum(['too_easy', 'achievable', 'stretch', 'unrealistic', 'unknown']),
  /** What would decide it when the verdict is unknown (no history, …). */
  reason: z.string().nullable(),
  /**
   * total: targetValue, forecast and recommended are totals over the period (revenue, orders…);
   * level: they are levels (AOV, conversion, retention, CAC, ROAS, market share, CSAT…), never totals.
   */
  shape: z.enum(['total', 'level']),
  /** money: currency units; percent: a fraction (0.6 = 60 %); number: as is. */
  unit: z.enum(['money', 'percent', 'number']),
  /** The target over the goal's period: a total (rates and changes converted) or a level (see shape). */
  targetValue: z.number().nullable(),
  /**
   * Null is no data (not 0): last year's same period when the data does not cover every day of it,
   * the run rate when the data covers none of the last 90 days.
   */
  baseline: z.object({
    samePeriodLastYear: z.number().nullable(),
    recentRunRate: z.number().nullable(),
  }),
  /** Uplift the target needs over the baseline (0.2 = +20 %). */
  requiredUplift: z.number().nullable(),
  /** Where that uplift falls among the scope's past year-on-year changes (0–1), with their spread. */
  historicalGrowth: z
    .object({
      percentile: z.number(),
      p10: z.number(),
      p50: z.number(),
      p90: z.number(),
      samples: z.number().int(),
      /** The length in months of the windows compared (the goal's own length, up to 12). */
      months: z.number().int(),
    })
    .nullable(),
  /** The period's forecast: `mean` is the point forecast (the sample paths' median, inside its bands). */
  forecast: z
    .object({ mean: z.number(), lo80: z.number(), hi80: z.number(), lo95: z.number(), hi95: z.number() })
    .nullable(),
  probability: z.number().nullable(),
  /** Targets reached with 50 %, 70 % and 90 % probability: the recommended range (預留調整空間); never a total of 0. */
  recommended: z.object({ p50: z.number(), p70: z.number(), p90: z.number() }).nullable(),
  capacity: z
    .object({
      reps: z.number().int(),
      revenuePerRep: z.number(),
      months: z.number(),
      headroom: z.number(),
      capacity: z.number(),
    })
    .nullable(),
  /** The SOM a year, its share for the goal's own period (som × days / 365) and the target / periodSom. */
  market: z.object({ som: z.number(), periodSom: z.number(), share: z.number() }).nullable(),
  /** History and forecast by month for the chart: actuals, then mean with 80 % / 95 % bands. */
  chart: z.array(
    z.object({
      period: z.string(),
      actual: z.number().nullable(),
      mean: z.number().nullable(),
      lo80: z.number().nullable(),
      hi80: z.number().nullable(),
      lo95: z.number().nullable(),
      hi95: z.number().nullable(),
    }),
  ),
});
export type Achievability = z.infer<typeof achievabilitySchema>;

export const gradingSchema = z.object({
  grades: smartGradesSchema,
  findings: z.array(findingSchema),
  score: z.number().int().min(0).max(100),
  achievability: achievabilitySchema,
  /** A SMART sentence built from the goal and the company's own numbers (never naming a scope the goal did not). */
  rewrite: z.string(),
  /** How old the company's data is (null when not read). */
  freshness: dataFreshnessSchema.omit({ today: true }).nullable(),
  /** Scope names not in the company's data, with the closest names of any kind; Achievable stays unknown until mapped. */
  unknownScope: z.array(
    z.object({
      dimension: z.enum(DIMENSIONS),
      name: z.string(),
      suggestions: z.array(z.object({ dimension: z.enum(DIMENSIONS), name: z.string() })),
    }),
  ),
  /** Facts the files behind the graded history lacked that the metric depends on, with the lines affected. */
  caveats: z.array(z.object({ gap: z.enum(DATA_GAPS), lines: z.number().int() })),
});
export type Grading = z.infer<typeof gradingSchema>;

export const goalSchema = goalFieldsSchema.extend({
  id: idSchema,
  status: z.enum(['active', 'archived']),
  version: z.number().int(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  createdByName: z.string().nullable(),
  ownerName: z.string().nullable(),
  objectiveTitle: z.string().nullable(),
  /** The grade summary as of the last save (the full grading comes with GET one goal). */
  score: z.number().int().nullable(),
  grades: smartGradesSchema.nullable(),
});
export type Goal = z.infer<typeof goalSchema>;

export const goalWithGradingSchema = goalSchema.extend({ grading: gradingSchema });

export const goalParamsSchema = z.object({ companyId: idSchema, goalId: idSchema });
export const goalListQuerySchema = z.object({
  status: z.enum(['active', 'archived', 'all']).default('active'),
  q: textSchema.max(200).optional(),
  metric: goalMetricSchema.optional(),
});
/**
 * The day a request is as of (parse, grade, create, split and re-plan take it alike): the grading
 * (and the score saved with a new goal) reads the data as of it. Defaults to today in the company's
 * time zone.
 */
const asOf = { today: localDate.optional() };
export const createGoalBodySchema = goalFieldsSchema.extend(asOf).superRefine(refuseImpossibleTargets);
/** Edit with the version read (409 VERSION_CONFLICT when stale) and why (kept in the history). */
export const updateGoalBodySchema = goalFieldsSchema
  .extend({
    version: z.number().int().min(1),
    reason: multilineTextSchema.trim().max(1000).default(''),
  })
  .superRefine(refuseImpossibleTargets);

/** Sentence → draft goal (for the wizard: writing a sentence fills the form). */
export const parseGoalBodySchema = z.object({
  statement: multilineTextSchema.trim().min(1).max(2000),
  ...asOf,
});
export const parsedGoalSchema = z.object({
  draft: goalFieldsSchema.partial().extend({ statement: z.string() }),
  /** Names the reader found that are not (yet) in the company's data, per dimension. */
  unknownNames: z.record(z.string(), z.array(z.string())),
  grading: gradingSchema,
});
/** Form → live SMART panel for a goal not saved yet. */
export const gradeDraftBodySchema = createGoalBodySchema;

export const goalVersionSchema = z.object({
  version: z.number().int(),
  at: isoDateTimeSchema,
  byName: z.string().nullable(),
  reason: z.string(),
  /** Field → { from, to } of what this version changed. */
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
});

// The compiler holds the contract to core's shapes: a drift on either side fails the typecheck.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const assertSame = <T extends true>(): T | undefined => undefined;
assertSame<Same<z.infer<typeof smartGradesSchema>, core.Grades>>();
assertSame<Same<z.infer<typeof findingSchema>, core.Finding>>();
assertSame<Same<z.infer<typeof goalTargetSchema>, core.GoalTarget>>();
assertSame<Same<z.infer<typeof achievabilitySchema>, core.Achievability>>();
assertSame<Same<z.infer<typeof gradingSchema>, core.Grading>>();
