/**
 * Reads what the company's data says about a goal's metric and scope through the KPI engine
 * (no SQL of its own): the monthly series, the same period last year, the recent run rate, the
 * actual since the period started, team capacity and the SOM; and the numbers the rewrite uses.
 */
import { addDays, addMonths, rangeLastYear } from '../../core/calendar/periods.ts';
import { type DataFreshness, fairBaseline, rangeCoverage } from '../../core/goals/data-freshness.ts';
import type { GoalDataCaveat, GoalDraft, GoalHistory, Lang } from '../../core/goals/index.ts';
import { type Finding, goalFinding, isAdditive } from '../../core/goals/index.ts';
import { kpiResultInCurrencyUnits } from '../../core/kpi/currency-units.ts';
import type { Dimension, KpiMetric, KpiQuery, KpiResult } from '../../core/kpi/types.ts';
import { validateKpiQuery } from '../../core/kpi/validate-query.ts';
import { currencySymbol, fromMinorUnits } from '../../core/money/currency.ts';
import type { CompanyNumbers } from '../../core/smart/index.ts';
import type { MarketAnalysisRecord, ProfileRecord } from '../company/ports.ts';
import { loadDataFreshness } from '../data/freshness.ts';
import { computeKpi } from '../kpi/compute-kpi.ts';
import { kpiDataCaveats } from '../kpi/data-caveats.ts';
import type { AppContext } from '../ports.ts';

const HISTORY_MONTHS = 36;
const RUN_RATE_DAYS = 90;

export type Kpi = (
  metric: KpiMetric,
  from: string,
  to: string,
  grain: 'month' | 'total',
  by?: Dimension,
) => Promise<KpiResult | { problems: string }>;

function kpiReader(
  ctx: AppContext,
  companyId: string,
  profile: ProfileRecord,
  where: Record<string, string[]>,
): Kpi {
  return async (metric, from, to, grain, by) => {
    const checked = validateKpiQuery({ metric, from, to, grain, by: by ?? null, where });
    if (!checked.ok) return { problems: checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ') };
    const result = await computeKpi(ctx.repos.kpi, companyId, checked.query, {
      fiscalYearStartMonth: profile.fiscalYearStartMonth,
      currency: profile.currency,
    });
    return kpiResultInCurrencyUnits(result);
  };
}

const isResult = (r: KpiResult | { problems: string }): r is KpiResult => 'series' in r;
const firstValue = (r: KpiResult | { problems: string }): number | null =>
  isResult(r) ? (r.series[0]?.value ?? null) : null;

export function scopeWhere(scope: GoalDraft['scope']): Record<string, string[]> {
  const where: Record<string, string[]> = {};
  for (const [dim, names] of Object.entries(scope)) if (names && names.length > 0) where[dim] = names;
  return where;
}

export interface LoadedHistory {
  history: GoalHistory | null;
  problem?: Finding;
  company: CompanyNumbers;
  freshness: DataFreshness;
  /** What the files behind the history lacked that the metric depends on (single gradings only). */
  caveats?: GoalDataCaveat[];
}

function latestSom(market: MarketAnalysisRecord | null, year: number): number | null {
  const soms = (market?.marketSizes ?? []).filter((s) => s.kind === 'SOM' && s.amountMinor > 0);
  if (soms.length === 0) return null;
  const pick = soms.find((s) => s.year === year) ?? [...soms].sort((a, b) => b.year - a.year)[0];
  return pick ? fromMinorUnits(pick.amountMinor, pick.currency) : null;
}

/** The run rate's window: the last 90 days up to the last known day, and how many of them the data covers. */
function runRateWindow(freshness: DataFreshness, knownThrough: string) {
  const window = { start: addDays(knownThrough, 1 - RUN_RATE_DAYS), end: knownThrough };
  const covered = rangeCoverage(window, { firstSaleDate: freshness.firstSaleDate, knownThrough }).coveredDays;
  return { ...window, covered };
}

/** The scope's revenue per month over the days of the last 90 the data covers (for a goal with no target). */
async function companyNumbers(
  kpi: Kpi,
  freshness: DataFreshness,
  knownThrough: string,
  currency: string,
): Promise<CompanyNumbers> {
  const window = runRateWindow(freshness, knownThrough);
  const numbers: CompanyNumbers = { currencySymbol: currencySymbol(currency) };
  if (window.covered === 0) return numbers;
  const rr = firstValue(await kpi('revenue', window.start, window.end, 'total'));
  if (rr !== null && rr > 0) numbers.baselineRevenuePerMonth = Math.round((rr / window.covered) * 30);
  return numbers;
}

export async function loadGoalHistory(
  ctx: AppContext,
  companyId: string,
  profile: ProfileRecord,
  market: MarketAnalysisRecord | null,
  draft: GoalDraft,
  today: string,
  lang: Lang,
  /** Grading many goals at once: the freshness read once, and a KPI reader that batches their questions. */
  shared?: { freshness: DataFreshness; kpiFor: (where: Record<string, string[]>) => Kpi },
): Promise<LoadedHistory> {
  const where = scopeWhere(draft.scope);
  const kpi = shared ? shared.kpiFor(where) : kpiReader(ctx, companyId, profile, where);
  const freshness = shared?.freshness ?? (await loadDataFreshness(ctx, companyId, today));
  // Figures are read up to the last known day: data that ended months ago is not read as zero sales.
  const yesterday = freshness.knownThrough ?? addDays(today, -1);
  const company = await companyNumbers(kpi, freshness, yesterday, profile.currency);
  const extra: Pick<LoadedHistory, 'freshness' | 'caveats'> = { freshness };
  if (!draft.metric || !draft.period) return { history: null, company, ...extra };
  const metric = draft.metric;
  const period = draft.period;
  const additive = isAdditive(metric);
  // Complete months up to the last complete month of data (last month when the data is current).
  const lastMonthStart = freshness.lastCompleteMonth
    ? `${freshness.lastCompleteMonth}-01`
    : addMonths(`${today.slice(0, 7)}-01`, -1);
  const histFrom = addMonths(lastMonthStart, 1 - HISTORY_MONTHS);
  const histTo = addDays(addMonths(lastMonthStart, 1), -1);
  // The files behind that history: facts they lacked that the metric depends on (one goal at a time;
  // a plan's many children share their parent's history and are not asked).
  const caveats = shared
    ? undefined
    : await kpiDataCaveats(ctx, companyId, {
        metric,
        from: histFrom,
        to: yesterday > histTo ? yesterday : histTo,
        grain: 'month',
        where,
      } as KpiQuery);
  if (caveats) extra.caveats = caveats;
  const monthly = await kpi(metric, histFrom, histTo, 'month');
  if (!isResult(monthly))
    return {
      history: null,
      problem: goalFinding('achievable', 'SCOPE_NOT_FILTERABLE', 'info', lang, { detail: monthly.problems }),
      company,
      ...extra,
    };
  // What the data covers: from the first sale to the last known day. Days outside it have no data,
  // which is not zero sales: a same period last year the data does not fairly cover is no baseline.
  const data = { firstSaleDate: freshness.firstSaleDate, knownThrough: yesterday };
  const ly = rangeLastYear(period);
  const lastYearCoverage = rangeCoverage(ly, data);
  const started = period.start <= yesterday;
  const lastYear = fairBaseline(lastYearCoverage)
    ? await kpi(metric, ly.start, ly.end < yesterday ? ly.end : yesterday, 'total')
    : null;
  const runRate = runRateWindow(freshness, yesterday);
  const recent = runRate.covered > 0 ? await kpi(metric, runRate.start, runRate.end, 'total') : null;
  // A sum's actual so far; a level's (AOV, a rate: its parts summed over the period) once it is over.
  const toDate =
    additive && started
      ? await kpi(metric, period.start, period.end < yesterday ? period.end : yesterday, 'total')
      : !additive && period.end <= yesterday
        ? await kpi(metric, period.start, period.end, 'total')
        : null;
  // Revenue per rep over the last 12 months, per month of them the data covers (a shop with three
  // months of sales has three months of revenue per rep, not twelve).
  const repWindow = { start: addDays(yesterday, -364), end: yesterday };
  const repMonths = rangeCoverage(repWindow, data).coveredMonths;
  const perRep =
    metric === 'revenue' && repMonths > 0
      ? await kpi('revenue_per_rep', repWindow.start, repWindow.end, 'total')
      : null;
  const recentValue = recent ? firstValue(recent) : null;
  const repPoint = perRep && isResult(perRep) ? perRep.series[0] : undefined;
  const reps = repPoint?.denominator ?? null;
  const history: GoalHistory = {
    today,
    monthly: monthly.series.map((p) => ({ period: p.period, value: p.value })),
    samePeriodLastYear: lastYear ? firstValue(lastYear) : null,
    lastYearCoverage,
    recentDaily: recentValue === null ? null : additive ? recentValue / runRate.covered : recentValue,
    recentDays: runRate.covered,
    actualToDate: toDate ? firstValue(toDate) : null,
    reps: reps !== null && reps > 0 ? Math.round(reps) : null,
    revenuePerRepMonthly: repPoint?.value != null ? repPoint.value / repMonths : null,
    som: latestSom(market, Number(period.start.slice(0, 4))),
    freshness,
  };
  return { history, company, ...extra };
}
