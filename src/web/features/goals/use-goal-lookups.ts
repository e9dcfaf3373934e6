/** What the goal wizard picks from and names things with: the KPI glossary, members, objectives, currency. */
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { Locale } from '../../../contract/common.ts';
import type { KpiMetric } from '../../../core/kpi/types.ts';
import type { KpiUnit } from '../kpi/kpi-view.ts';
import type { HistoryContext } from './goal-format.ts';
import { lookupApi } from './goals-api.ts';

export function useGoalLookups(companyId: string, lang: Locale, t: TFunction) {
  const glossary = useQuery({
    queryKey: ['kpi', companyId, 'glossary', lang],
    queryFn: () => lookupApi.glossary(companyId),
    staleTime: 10 * 60_000,
  });
  const members = useQuery({
    queryKey: ['members', companyId],
    queryFn: () => lookupApi.members(companyId),
  });
  const market = useQuery({ queryKey: ['market', companyId], queryFn: () => lookupApi.market(companyId) });
  const profile = useQuery({ queryKey: ['profile', companyId], queryFn: () => lookupApi.profile(companyId) });

  const entryOf = (metric: string | undefined) => glossary.data?.find((g) => g.metric === metric);
  const unitOf = (metric: string | undefined): KpiUnit => entryOf(metric)?.unit ?? 'money';
  const currency = profile.data?.currency ?? 'TWD';
  const historyContext: HistoryContext = {
    unitOf,
    metricName: (m) => entryOf(m)?.name ?? m,
    memberName: (id) => members.data?.find((m) => m.userId === id)?.name,
    objectiveTitle: (id) => market.data?.objectives.find((o) => o.id === id)?.title,
    currency,
    lang,
    t,
  };
  return {
    glossary,
    members,
    market,
    entryOf,
    unitOf,
    currency,
    historyContext,
    metricOptions: (glossary.data ?? []).map((g) => ({ value: g.metric as KpiMetric, label: g.name })),
  };
}

export type GoalLookups = ReturnType<typeof useGoalLookups>;
