import type { KpiQueryInput } from '../../core/kpi/validate-query.ts';

/** The KPI question of a query string (the KPI route and its export ask the same question). */
export function kpiQueryOf(q: {
  metric: string;
  from: string;
  to: string;
  grain: string;
  by?: string | undefined;
  where?: string | undefined;
}): KpiQueryInput {
  return { metric: q.metric, from: q.from, to: q.to, grain: q.grain, by: q.by, where: q.where };
}
