import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DimensionMembersBody, KpiGlossaryBody, KpiResultBody } from '../../../contract/kpi.ts';
import {
  countsCustomers,
  membersWithoutCustomers,
  WALK_IN_DIMENSIONS,
} from '../../../core/goals/metric-kinds.ts';
import { api, companyPath } from '../../api/client.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useCurrentCompany } from '../../lib/use-company.ts';
import type { KpiViewState } from './kpi-url.ts';
import { whereString } from './kpi-view.ts';

export type Dimension = NonNullable<KpiResultBody['by']>;

/** The API address of a KPI question (the export adds `/export` and a format). */
export function kpiUrl(companyId: string, q: Record<string, string | undefined>, path = '/kpi'): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined) params.set(k, v);
  return companyPath(companyId, `${path}?${params.toString()}`);
}

/** What the explorer shows for a view: the glossary, filter members, the trend and the breakdown. */
export function useKpiData(view: KpiViewState, range: { from: string; to: string }) {
  const lang = currentLanguage();
  const { companyId } = useCurrentCompany();
  const glossary = useQuery({
    queryKey: ['kpi', companyId, 'glossary', lang],
    queryFn: () => api.get<KpiGlossaryBody>(companyPath(companyId, '/kpi/glossary')),
    staleTime: 10 * 60_000,
  });
  const entry = glossary.data?.find((g) => g.metric === view.metric);
  const dims = (entry?.dimensions ?? []) as Dimension[];
  const by = view.by && dims.includes(view.by) ? view.by : null;
  const filter = view.filter && dims.includes(view.filter) ? view.filter : null;
  const where = whereString(filter, view.values);

  const members = useQuery({
    queryKey: ['kpi', companyId, 'dimension', filter],
    queryFn: () => api.get<DimensionMembersBody>(companyPath(companyId, `/dimensions/${filter}`)),
    enabled: filter !== null,
  });
  const base = { metric: view.metric, from: range.from, to: range.to, where, grain: view.grain };
  const trend = useQuery({
    queryKey: ['kpi', companyId, 'trend', base, lang],
    queryFn: () => api.get<KpiResultBody>(kpiUrl(companyId, base)),
    placeholderData: keepPreviousData,
  });
  const breakdown = useQuery({
    queryKey: ['kpi', companyId, 'breakdown', base, by, lang],
    queryFn: () => api.get<KpiResultBody>(kpiUrl(companyId, { ...base, by: by ?? undefined })),
    enabled: by !== null,
    placeholderData: keepPreviousData,
  });
  // A customer KPI by channel, rep or region: which members had no identified customer in the range
  // (their sales were walk-ins), so that the breakdown can say why they are not in it.
  const walkIns =
    by !== null && countsCustomers(view.metric) && (WALK_IN_DIMENSIONS as readonly string[]).includes(by);
  const byMembers = useQuery({
    queryKey: ['kpi', companyId, 'dimension', by],
    queryFn: () => api.get<DimensionMembersBody>(companyPath(companyId, `/dimensions/${by}`)),
    enabled: walkIns,
  });
  const customersBy = useQuery({
    queryKey: ['kpi', companyId, 'customers-by', base.from, base.to, where, by],
    queryFn: () =>
      api.get<KpiResultBody>(
        kpiUrl(companyId, {
          metric: 'customers',
          from: base.from,
          to: base.to,
          where,
          grain: 'total',
          by: by ?? undefined,
        }),
      ),
    enabled: walkIns,
  });
  const withoutCustomers =
    walkIns && byMembers.data && customersBy.data
      ? membersWithoutCustomers(byMembers.data.names, customersBy.data.total)
      : [];
  /** The server's file of the current view (with the breakdown when one is chosen), for a DownloadLink. */
  const exportHref = (format: 'csv' | 'xlsx') =>
    kpiUrl(companyId, { ...base, by: by ?? undefined, format }, '/kpi/export');
  return { glossary, entry, dims, by, filter, members, trend, breakdown, withoutCustomers, exportHref };
}
