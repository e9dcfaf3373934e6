/**
 * The KPI explorer's state in the address (metric, period, grain, breakdown, filter), so that a reload
 * or a shared link opens the same view. Unknown or missing values fall back to the defaults.
 */
import { daysBetween, isLocalDate } from '../../../core/calendar/dates.ts';
import { DIMENSIONS, type Dimension, isKpiMetric, type KpiMetric } from '../../../core/kpi/types.ts';
import { KPI_GRAINS, type KpiGrainChoice, PERIOD_PRESETS, type PeriodPreset } from './kpi-view.ts';

export interface KpiViewState {
  metric: KpiMetric;
  /** A named period relative to today, or 'custom' with its own dates. */
  period: PeriodPreset | 'custom';
  /** The custom range (YYYY-MM-DD), only with period 'custom'. */
  from?: string;
  to?: string;
  grain: KpiGrainChoice;
  by: Dimension | null;
  filter: Dimension | null;
  /** Members of the filter dimension to keep (either of them). */
  values: string[];
}

export const DEFAULT_KPI_VIEW: KpiViewState = {
  metric: 'revenue',
  period: 'last12m',
  grain: 'month',
  by: null,
  filter: null,
  values: [],
};

/** A real calendar day 'YYYY-MM-DD' (the calendar's own check: 2026-02-30 is not one). */
const isDate = (s: string | null): s is string => s !== null && isLocalDate(s);
const oneOf = <T extends string>(list: readonly T[], s: string | null): s is T =>
  s !== null && (list as readonly string[]).includes(s);

/** Reads the view from the query string. */
export function parseKpiView(params: URLSearchParams): KpiViewState {
  const metric = params.get('metric');
  const period = params.get('period');
  const from = params.get('from');
  const to = params.get('to');
  const grain = params.get('grain');
  const by = params.get('by');
  const filter = params.get('filter');
  const custom = period === 'custom' && isDate(from) && isDate(to) && from <= to;
  const view: KpiViewState = {
    metric: metric !== null && isKpiMetric(metric) ? metric : DEFAULT_KPI_VIEW.metric,
    period: custom ? 'custom' : oneOf(PERIOD_PRESETS, period) ? period : DEFAULT_KPI_VIEW.period,
    grain: oneOf(KPI_GRAINS, grain) ? grain : DEFAULT_KPI_VIEW.grain,
    by: oneOf(DIMENSIONS, by) ? by : null,
    filter: oneOf(DIMENSIONS, filter) ? filter : null,
    values: oneOf(DIMENSIONS, filter) ? params.getAll('value').filter((v) => v !== '') : [],
  };
  return custom ? { ...view, from, to } : view;
}

/** The query string of a view (without '?'); defaults are left out to keep links short. */
export function kpiViewSearch(view: KpiViewState): string {
  const params = new URLSearchParams();
  params.set('metric', view.metric);
  params.set('period', view.period);
  if (view.period === 'custom' && view.from && view.to) {
    params.set('from', view.from);
    params.set('to', view.to);
  }
  if (view.grain !== DEFAULT_KPI_VIEW.grain) params.set('grain', view.grain);
  if (view.by) params.set('by', view.by);
  if (view.filter) {
    params.set('filter', view.filter);
    for (const v of view.values) params.append('value', v);
  }
  return params.toString();
}

/** The explorer's address for a view. */
export function kpiViewHref(view: Partial<KpiViewState>): string {
  return `/kpi?${kpiViewSearch({ ...DEFAULT_KPI_VIEW, ...view })}`;
}

/** Days from `from` to `to`, both counted. */
function spanDays(from: string, to: string): number {
  return isLocalDate(from) && isLocalDate(to) ? daysBetween(from, to) : Number.NaN;
}

/** A grain that draws a range with a readable number of points: days up to ~2 months, weeks up to ~6. */
export function grainForRange(from: string, to: string): KpiGrainChoice {
  const days = spanDays(from, to);
  if (days <= 62) return 'day';
  if (days <= 190) return 'week';
  return 'month';
}

/** The KPI an import of each kind fills first. */
const METRIC_OF_IMPORT = { sales: 'revenue', marketing: 'leads', satisfaction: 'csat' } as const;

/** The explorer opened on what an import just brought: its own date range and its main KPI. */
export function importedKpiHref(
  kind: keyof typeof METRIC_OF_IMPORT,
  firstDate: string | null,
  lastDate: string | null,
): string {
  const metric = METRIC_OF_IMPORT[kind];
  if (!isDate(firstDate) || !isDate(lastDate) || firstDate > lastDate) return kpiViewHref({ metric });
  return kpiViewHref({
    metric,
    period: 'custom',
    from: firstDate,
    to: lastDate,
    grain: grainForRange(firstDate, lastDate),
  });
}
