/**
 * SMART goals: create, edit (optimistic version, a version row per change), archive / restore, list,
 * read with the full five-letter grading, read a sentence into a draft, grade a draft.
 */

import { todayIn } from '../../core/calendar/time-zones.ts';
import { AppError, type FieldError } from '../../core/errors/app-error.ts';
import {
  type GoalDraft,
  type GoalSpec,
  type GoalTarget,
  type Grading,
  gradeGoal,
  type Lang,
} from '../../core/goals/index.ts';
import { matchScope, type ScopeCatalog, type ScopeMatch } from '../../core/goals/scope-match.ts';
import { targetFieldProblem, targetProblem } from '../../core/goals/target-limits.ts';
import type { Dimension } from '../../core/kpi/types.ts';
import { parseGoalStatement } from '../../core/smart/index.ts';
import { type Actor, authorize, nowIso } from '../access.ts';
import type { MarketAnalysisRecord, ProfileRecord } from '../company/ports.ts';
import { loadDataFreshness } from '../data/freshness.ts';
import { loadScopeCatalog } from '../kpi/scope-catalog.ts';
import type { AppContext } from '../ports.ts';
import { newId } from '../security/secrets.ts';
import { type Kpi, loadGoalHistory } from './goal-history.ts';
import type { GoalRecord, GoalStatus } from './ports.ts';

export interface GoalView extends GoalSpec {
  id: string;
  status: GoalStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdByName: string | null;
  ownerName: string | null;
  objectiveTitle: string | null;
  score: number | null;
  grades: GoalRecord['grades'];
}
export interface GoalWithGrading extends GoalView {
  grading: Grading;
}

export interface GoalListFilter {
  status: GoalStatus | 'all';
  q?: string | undefined;
  metric?: GoalSpec['metric'] | undefined;
}

function view(r: GoalRecord): GoalView {
  return {
    ...r.spec,
    id: r.id,
    status: r.status,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    createdByName: r.createdByName,
    ownerName: r.ownerName,
    objectiveTitle: r.objectiveTitle,
    score: r.score,
    grades: r.grades,
  };
}

async function companyData(
  ctx: AppContext,
  companyId: string,
): Promise<{ profile: ProfileRecord; market: MarketAnalysisRecord | null; today: string }> {
  const [profile, market] = await Promise.all([
    ctx.repos.profiles.get(companyId),
    ctx.repos.market.get(companyId),
  ]);
  if (!profile) throw new AppError('COMPANY_NOT_FOUND');
  return { profile, market, today: todayIn(profile.timeZone, ctx.clock.now()) };
}

/** Words that name the business itself (its name, its industry): never a scope. */
async function companyWords(ctx: AppContext, companyId: string, profile: ProfileRecord): Promise<string[]> {
  const company = await ctx.repos.companies.findById(companyId);
  return [company?.name ?? '', profile.industry].filter((w) => w.trim() !== '');
}

/**
 * Grades a draft against the company's data as of `today` (in its time zone unless given). The
 * scope is matched against the catalog first: names the data does not hold are graded unknown, not
 * on the whole company; `matched` (from the reader) skips that step.
 */
async function grade(
  ctx: AppContext,
  companyId: string,
  draft: GoalDraft,
  lang: Lang,
  todayOverride?: string,
  matched?: Pick<ScopeMatch, 'unknown'>,
  shared?: SharedGrading,
) {
  const { profile, market, today: localToday } = shared?.company ?? (await companyData(ctx, companyId));
  const today = todayOverride ?? localToday;
  let unknownScope = matched?.unknown ?? [];
  let graded = draft;
  if (!matched) {
    const m = matchScope(draft.scope, shared?.catalog ?? (await loadScopeCatalog(ctx, companyId)), {
      acrossKinds: false,
      companyWords: shared?.words ?? (await companyWords(ctx, companyId, profile)),
    });
    unknownScope = m.unknown;
    graded = { ...draft, scope: m.scope };
  }
  const loaded = await loadGoalHistory(ctx, companyId, profile, market, graded, today, lang, shared?.history);
  const objectives = market?.objectives ?? [];
  const objective = draft.objectiveId ? objectives.find((o) => o.id === draft.objectiveId) : undefined;
  return gradeGoal(graded, {
    today,
    lang,
    history: loaded.history,
    freshness: loaded.freshness,
    unknownScope,
    ...(loaded.caveats ? { caveats: loaded.caveats } : {}),
    ...(loaded.problem ? { historyProblem: loaded.problem } : {}),
    relevance: {
      objectiveTitle: objective?.title ?? null,
      objectiveTitles: objectives.map((o) => o.title),
      positioning: market?.positioning ?? '',
    },
    company: loaded.company,
  });
}

/**
 * A target no business can reach (revenue −500,000, a fall of 150 %), as a field problem named by the
 * code the contract refuses it with (core/goals/target-limits.ts): worded by the server and the CLI
 * from the field messages, by the web from its own.
 */
function impossibleTarget(t: GoalTarget, path: string): FieldError | null {
  const code = targetFieldProblem(t);
  return code ? { path, message: code } : null;
}

/**
 * ownerUserId and objectiveId must be this company's; the main target is on the goal's metric; no
 * target is one no business can reach (the contract refuses those too; the CLI saves through here).
 */
async function checkReferences(ctx: AppContext, companyId: string, spec: GoalSpec): Promise<void> {
  const errors: FieldError[] = [];
  for (const [t, path] of [
    [spec.target, 'target.value'],
    ...spec.extraTargets.map((x, i) => [x, `extraTargets.${i}.value`] as const),
  ] as const) {
    const problem = impossibleTarget(t, path);
    if (problem) errors.push(problem);
  }
  if (spec.ownerUserId) {
    const members = await ctx.repos.companies.members(companyId);
    if (!members.some((m) => m.userId === spec.ownerUserId))
      errors.push({ path: 'ownerUserId', message: 'not_a_member' });
  }
  if (spec.objectiveId) {
    const market = await ctx.repos.market.get(companyId);
    if (!(market?.objectives ?? []).some((o) => o.id === spec.objectiveId))
      errors.push({ path: 'objectiveId', message: 'unknown_objective' });
  }
  if (spec.target.metric !== spec.metric)
    errors.push({ path: 'target.metric', message: 'must_equal_metric' });
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors);
}

function asDraft(spec: GoalSpec): GoalDraft {
  return { ...spec };
}

async function load(ctx: AppContext, companyId: string, goalId: string): Promise<GoalRecord> {
  const goal = await ctx.repos.goals.get(companyId, goalId);
  if (!goal) throw new AppError('GOAL_NOT_FOUND');
  return goal;
}

export async function listGoals(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  filter: GoalListFilter,
): Promise<GoalView[]> {
  await authorize(ctx, actor, companyId, 'goals.read');
  const rows = await ctx.repos.goals.list(companyId, {
    status: filter.status,
    ...(filter.metric ? { metric: filter.metric } : {}),
  });
  const q = filter.q?.trim().toLowerCase();
  const hits = q
    ? rows.filter((r) =>
        [r.spec.name, r.spec.statement, r.spec.notes, ...r.spec.strategies].some((t) =>
          t.toLowerCase().includes(q),
        ),
      )
    : rows;
  return hits.map(view);
}

export async function getGoal(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  goalId: string,
  lang: Lang,
): Promise<GoalWithGrading> {
  await authorize(ctx, actor, companyId, 'goals.read');
  const goal = await load(ctx, companyId, goalId);
  const grading = await grade(ctx, companyId, asDraft(goal.spec), lang);
  return { ...view(goal), grading };
}

export async function createGoal(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  spec: GoalSpec,
  lang: Lang,
  /** The day the grading (and the score saved) is as of; default today in the company's time zone. */
  today?: string,
): Promise<GoalWithGrading> {
  await authorize(ctx, actor, companyId, 'goals.write');
  await checkReferences(ctx, companyId, spec);
  const grading = await grade(ctx, companyId, asDraft(spec), lang, today);
  const id = newId();
  const at = nowIso(ctx);
  await ctx.repos.goals.create(
    companyId,
    id,
    { spec, status: 'active', score: grading.score, grades: grading.grades },
    actor.userId,
    at,
    '',
  );
  await ctx.repos.audit.append(
    {
      companyId,
      userId: actor.userId,
      action: 'goal.created',
      entity: 'goal',
      entityId: id,
      details: { name: spec.name },
    },
    at,
  );
  return { ...view(await load(ctx, companyId, id)), grading };
}

function diff(before: GoalSpec, after: GoalSpec): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof GoalSpec)[]) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
      changes[key] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  return changes;
}

export async function updateGoal(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  goalId: string,
  spec: GoalSpec,
  version: number,
  reason: string,
  lang: Lang,
): Promise<GoalWithGrading> {
  await authorize(ctx, actor, companyId, 'goals.write');
  const before = await load(ctx, companyId, goalId);
  if (before.version !== version) throw new AppError('VERSION_CONFLICT');
  await checkReferences(ctx, companyId, spec);
  const grading = await grade(ctx, companyId, asDraft(spec), lang);
  const at = nowIso(ctx);
  const changes = diff(before.spec, spec);
  const ok = await ctx.repos.goals.update(
    companyId,
    goalId,
    { spec, status: before.status, score: grading.score, grades: grading.grades },
    version,
    { reason, changes },
    actor.userId,
    at,
  );
  if (!ok) throw new AppError('VERSION_CONFLICT');
  await ctx.repos.audit.append(
    {
      companyId,
      userId: actor.userId,
      action: 'goal.updated',
      entity: 'goal',
      entityId: goalId,
      details: changes,
    },
    at,
  );
  return { ...view(await load(ctx, companyId, goalId)), grading };
}

async function setStatus(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  goalId: string,
  status: GoalStatus,
): Promise<GoalView> {
  await authorize(ctx, actor, companyId, 'goals.write');
  const before = await load(ctx, companyId, goalId);
  if (before.status === status) return view(before);
  const at = nowIso(ctx);
  const ok = await ctx.repos.goals.update(
    companyId,
    goalId,
    { spec: before.spec, status, score: before.score, grades: before.grades },
    before.version,
    { reason: '', changes: { status: { from: before.status, to: status } } },
    actor.userId,
    at,
  );
  if (!ok) throw new AppError('VERSION_CONFLICT');
  await ctx.repos.audit.append(
    {
      companyId,
      userId: actor.userId,
      action: status === 'archived' ? 'goal.archived' : 'goal.restored',
      entity: 'goal',
      entityId: goalId,
    },
    at,
  );
  return view(await load(ctx, companyId, goalId));
}

export const archiveGoal = (ctx: AppContext, actor: Actor, companyId: string, goalId: string) =>
  setStatus(ctx, actor, companyId, goalId, 'archived');
export const restoreGoal = (ctx: AppContext, actor: Actor, companyId: string, goalId: string) =>
  setStatus(ctx, actor, companyId, goalId, 'active');

export async function listGoalVersions(ctx: AppContext, actor: Actor, companyId: string, goalId: string) {
  await authorize(ctx, actor, companyId, 'goals.read');
  await load(ctx, companyId, goalId);
  return ctx.repos.goals.versions(companyId, goalId);
}

/** The live SMART panel: grades a goal not saved yet (an unknown objective counts as none). */
export async function gradeGoalDraft(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  spec: GoalSpec,
  lang: Lang,
  today?: string,
): Promise<Grading> {
  await authorize(ctx, actor, companyId, 'goals.read');
  return grade(ctx, companyId, asDraft(spec), lang, today);
}

/** What grading many drafts of one company shares: read once (gradeGoalDrafts). */
interface SharedGrading {
  company: Awaited<ReturnType<typeof companyData>>;
  catalog: ScopeCatalog;
  words: string[];
  history: NonNullable<Parameters<typeof loadGoalHistory>[7]>;
}

/**
 * Grades many drafts at once (a plan's phase goals): the company, catalog and data freshness read
 * once, and the drafts graded together through `kpiFor`, a reader that can batch their KPI questions
 * (app/plan/batched-kpi.ts); each grade is the one gradeGoalDraft gives.
 */
export async function gradeGoalDrafts(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  specs: readonly GoalSpec[],
  lang: Lang,
  kpiFor: (profile: ProfileRecord) => (where: Record<string, string[]>) => Kpi,
  /** The day the gradings are as of (a split's or re-plan's `today`); default the company's today. */
  today?: string,
): Promise<Grading[]> {
  await authorize(ctx, actor, companyId, 'goals.read');
  const local = await companyData(ctx, companyId);
  const company = today ? { ...local, today } : local;
  const [catalog, words, freshness] = await Promise.all([
    loadScopeCatalog(ctx, companyId),
    companyWords(ctx, companyId, company.profile),
    loadDataFreshness(ctx, companyId, company.today),
  ]);
  const shared: SharedGrading = {
    company,
    catalog,
    words,
    history: { freshness, kpiFor: kpiFor(company.profile) },
  };
  return Promise.all(
    specs.map((spec) => grade(ctx, companyId, asDraft(spec), lang, undefined, undefined, shared)),
  );
}

export interface ParsedGoalDraft {
  draft: Partial<GoalSpec> & { statement: string };
  unknownNames: Record<string, string[]>;
  grading: Grading;
}

/** Marketing means, not sales channels (「線上廣告」, 「社群行銷」, "email campaigns"). */
const MEANS_WORDS =
  /廣告|行銷|營銷|活動|促銷|優惠|推廣|宣傳|合作|直播|口碑|折扣|團購|贈品|(?<![A-Za-z])(?:ads?|advertising|marketing|campaigns?|promotions?|seo|influencers?|email)(?![A-Za-z])/i;

/** The key of `unknownNames` a dimension's names are listed under. */
const UNKNOWN_KEY: Record<Dimension, string> = {
  product: 'product',
  category: 'product',
  channel: 'channel',
  rep: 'segment',
  region: 'region',
  customer_type: 'segment',
  age_band: 'segment',
  member_tier: 'segment',
};

/** Reads a sentence into a draft goal: names matched against the company's dimension members. */
export async function parseGoalDraft(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  statement: string,
  todayInput: string | undefined,
  lang: Lang,
): Promise<ParsedGoalDraft> {
  await authorize(ctx, actor, companyId, 'goals.read');
  const { profile, today: localToday } = await companyData(ctx, companyId);
  const today = todayInput ?? localToday;
  const parsed = parseGoalStatement(statement, { today, fiscalYearStartMonth: profile.fiscalYearStartMonth });
  // Names are matched across kinds (「咖啡豆類別」 may be a category); the business itself
  // (「咖啡店」 for a coffee company) is not a scope; unknown names are kept and said.
  const matched = matchScope(
    {
      product: parsed.scope.products,
      channel: parsed.scope.channels,
      region: parsed.scope.regions,
      customer_type: parsed.scope.segments,
    },
    await loadScopeCatalog(ctx, companyId),
    { acrossKinds: true, companyWords: await companyWords(ctx, companyId, profile) },
  );
  const scope = matched.scope;
  // 「透過線上廣告」: a means the reader took for a channel the data does not hold is a strategy.
  const strategies = [...parsed.strategies];
  matched.unknown = matched.unknown.filter((u) => {
    if (u.dimension !== 'channel' || !MEANS_WORDS.test(u.name)) return true;
    if (!strategies.includes(u.name)) strategies.push(u.name);
    return false;
  });
  const unknownNames: Record<string, string[]> = {};
  for (const u of matched.unknown) {
    const key = UNKNOWN_KEY[u.dimension];
    unknownNames[key] = [...(unknownNames[key] ?? []), u.name];
  }

  const targets: GoalTarget[] = parsed.targets.map((t) => ({
    metric: t.metric,
    kind: t.kind,
    value: t.value,
    per: t.per,
  }));
  const metric = parsed.metric ?? targets[0]?.metric ?? null;
  const onMetric = targets.filter((t) => t.metric === metric);
  const main = onMetric.find((t) => t.kind === 'absolute') ?? onMetric[0] ?? null;
  const extraTargets = targets.filter((t) => t !== main);
  const name = statement.length > 60 ? `${statement.slice(0, 59)}…` : statement;
  const draft: GoalDraft = {
    name,
    statement,
    metric,
    scope,
    target: main,
    extraTargets,
    period: parsed.period,
    objectiveId: null,
    strategies,
    notes: '',
  };
  const grading = await grade(ctx, companyId, draft, lang, today, matched);
  // A target no business can reach (「營收下降150%」) is graded (a finding says why), never handed
  // back as the draft's target.
  const possible = (t: GoalTarget) => targetProblem(t, lang) === null;
  const out: ParsedGoalDraft['draft'] = {
    statement,
    name,
    scope,
    extraTargets: extraTargets.filter(possible),
    strategies,
  };
  if (metric) out.metric = metric;
  if (main && possible(main)) out.target = main;
  if (parsed.period) out.period = parsed.period;
  return { draft: out, unknownNames, grading };
}
