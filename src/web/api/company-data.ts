import type { QueryClient } from '@tanstack/react-query';

/**
 * After the company's data changed (an import done, an import undone): everything read from it is
 * asked again — the import list, KPI answers, the catalog and how old the data is.
 */
export function companyDataChanged(queryClient: QueryClient, companyId: string): void {
  for (const area of ['imports', 'kpi', 'catalog', 'data-freshness'])
    void queryClient.invalidateQueries({ queryKey: [area, companyId] });
}
