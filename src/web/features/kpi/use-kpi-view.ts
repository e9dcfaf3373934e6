import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type KpiViewState, kpiViewSearch, parseKpiView } from './kpi-url.ts';
import { viewRange } from './kpi-view.ts';

/**
 * The explorer's view, kept in the address: a reload or a shared link opens the same metric, period,
 * grain, breakdown and filter. Changes replace the address (the back button leaves the page).
 * `today` is the company's (the server's data-freshness answer), so that "this month" is the
 * company's month whatever the computer's clock or time zone; the range is null until it is known.
 */
export function useKpiView(today: string | undefined) {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseKpiView(params), [params]);
  const range = viewRange(view, today);
  const update = useCallback(
    (patch: Partial<KpiViewState>) => setParams(kpiViewSearch({ ...view, ...patch }), { replace: true }),
    [view, setParams],
  );
  return { view, range, update };
}
