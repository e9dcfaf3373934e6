import dayjs from 'dayjs';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type KpiViewState, kpiViewSearch, parseKpiView } from './kpi-url.ts';
import { presetRange } from './kpi-view.ts';

/**
 * The explorer's view, kept in the address: a reload or a shared link opens the same metric, period,
 * grain, breakdown and filter. Changes replace the address (the back button leaves the page).
 */
export function useKpiView() {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseKpiView(params), [params]);
  const today = dayjs().format('YYYY-MM-DD');
  const range =
    view.period === 'custom' && view.from && view.to
      ? { from: view.from, to: view.to }
      : presetRange(view.period === 'custom' ? 'last12m' : view.period, today);
  const update = useCallback(
    (patch: Partial<KpiViewState>) => setParams(kpiViewSearch({ ...view, ...patch }), { replace: true }),
    [view, setParams],
  );
  return { view, range, today, update };
}
