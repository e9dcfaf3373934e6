import { todayIn } from '../../core/calendar/time-zones.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { matchFilterNames } from '../../core/goals/scope-match.ts';
import type { UnknownScopeName } from '../../core/goals/types.ts';
import { asOfToday } from '../../core/kpi/assemble.ts';
import { kpiResultInCurrencyUnits } from '../../core/kpi/currency-units.ts';
import { type GlossaryEntry, glossaryIn, type KpiLocale } from '../../core/kpi/glossary.ts';
import { DIMENSIONS, type Dimension, type KpiResult } from '../../core/kpi/types.ts';
import { type KpiQueryInput, validateKpiQuery } from '../../core/kpi/validate-query.ts';
import { type Actor, authorize } from '../access.ts';
import type { AppContext } from '../ports.ts';
import { computeKpi } from './compute-kpi.ts';
import { type DataCaveat, kpiDataCaveats } from './data-caveats.ts';
import { kpiCacheOf } from './kpi-cache.ts';
import { loadScopeCatalog } from './scope-catalog.ts';

/**
 * A KPI for a scope × periods × breakdown, with the same periods last year; money in currency units
 * (1500.5). Bad questions answer VALIDATION_FAILED with every problem by path. Filter names the data
 * does not hold come back in `unknownFilters` with the closest names (their KPI is zero, said).
 */
export async function getKpi(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  input: KpiQueryInput,
): Promise<KpiResult & { caveats: DataCaveat[]; unknownFilters: UnknownScopeName[]; today: string }> {
  await authorize(ctx, actor, companyId, 'kpi.read');
  const checked = validateKpiQuery(input);
  if (!checked.ok) throw new AppError('VALIDATION_FAILED', checked.problems);
  const profile = await ctx.repos.profiles.get(companyId);
  if (!profile) throw new AppError('COMPANY_NOT_FOUND');
  const settings = { fiscalYearStartMonth: profile.fiscalYearStartMonth, currency: profile.currency };
  const repo = ctx.repos.kpi;
  const version = await repo.dataVersion(companyId);
  // Keyed on the question as asked: the catalog changes only with the data version, so the filter
  // names' matching (the data's spelling; names the data lacks said, with the closest) is cached too.
  const question = JSON.stringify([checked.query, settings]);
  const result = await kpiCacheOf<KpiResult & { caveats: DataCaveat[]; unknownFilters: UnknownScopeName[] }>(
    repo,
  ).get(companyId, version, question, async () => {
    let query = checked.query;
    let unknownFilters: UnknownScopeName[] = [];
    if (query.where && Object.keys(query.where).length > 0) {
      const matched = matchFilterNames(query.where, await loadScopeCatalog(ctx, companyId));
      query = { ...query, where: matched.where };
      unknownFilters = matched.unknown;
    }
    const [kpi, caveats] = await Promise.all([
      computeKpi(repo, companyId, query, settings),
      kpiDataCaveats(ctx, companyId, query),
    ]);
    return { ...kpi, caveats, unknownFilters };
  });
  const shown = kpiResultInCurrencyUnits(result);
  // The company's today (its time zone, not the asker's): the day the series is marked as of.
  const today = todayIn(profile.timeZone, ctx.clock.now());
  return {
    ...shown,
    series: asOfToday(shown.series, today),
    caveats: result.caveats,
    unknownFilters: result.unknownFilters,
    today,
  };
}

/** The KPI glossary in the reader's language. */
export async function getKpiGlossary(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  locale: KpiLocale,
): Promise<GlossaryEntry[]> {
  await authorize(ctx, actor, companyId, 'kpi.read');
  return glossaryIn(locale);
}

export function isDimension(value: string): value is Dimension {
  return (DIMENSIONS as readonly string[]).includes(value);
}

/** The names of a dimension's members, for filters. */
export async function listDimensionMembers(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  dimension: string,
): Promise<string[]> {
  await authorize(ctx, actor, companyId, 'kpi.read');
  if (!isDimension(dimension)) throw new AppError('NOT_FOUND');
  return ctx.repos.kpi.dimensionMembers(companyId, dimension);
}
