import { useQuery } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DataFreshnessView } from '../../contract/freshness.ts';
import { api, companyPath } from '../api/client.ts';
import { formatLocalDate } from '../i18n/format.ts';
import { currentLanguage } from '../i18n/index.ts';

export type FreshnessFacts = Omit<DataFreshnessView, 'today'>;

/** How old the company's sales data is (GET data-freshness), for pages without a grading at hand. */
export function useDataFreshness(companyId: string) {
  return useQuery({
    queryKey: ['data-freshness', companyId],
    queryFn: () => api.get<DataFreshnessView>(companyPath(companyId, '/data-freshness')),
    enabled: companyId !== '',
    // Asked again whenever a page showing it opens (one cheap read): an import or an undo on another
    // page, or by someone else, changes the answer.
    staleTime: 0,
  });
}

/**
 * How old the company's sales data is, said wherever figures come from it (goals, KPIs, dashboard):
 * nothing when the data is current; a warning when it stopped some months ago (forecasts start after
 * its last complete month) or over two years ago (nothing is forecast); a note when there is none.
 */
export function DataFreshnessBanner({
  freshness,
  canImport = true,
  style,
}: {
  freshness: FreshnessFacts | null | undefined;
  /** Offers the import page (for roles that may import). */
  canImport?: boolean;
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (!freshness || freshness.status === 'current') return null;
  const values = {
    date: formatLocalDate(freshness.lastSaleDate, lang),
    days: freshness.daysOld ?? 0,
    month: freshness.lastCompleteMonth ?? '—',
  };
  const key = freshness.status === 'too_old' ? 'tooOld' : freshness.status;
  return (
    <Alert
      type={freshness.status === 'none' ? 'info' : 'warning'}
      showIcon
      data-testid="data-freshness"
      data-status={freshness.status}
      style={{ marginBottom: 16, ...style }}
      title={t(`freshness.${key}Title`, values)}
      description={t(`freshness.${key}`, values)}
      action={
        canImport ? (
          <Link to="/imports">
            <Button size="small">
              {t(freshness.status === 'none' ? 'freshness.importFirst' : 'freshness.import')}
            </Button>
          </Link>
        ) : undefined
      }
    />
  );
}
