import { Alert, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DataFreshnessView } from '../../../contract/freshness.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { DownloadLink } from '../../lib/download-link.tsx';
import { errorMessage } from '../../lib/form-errors.ts';
import { PageHeader } from '../../lib/page-header.tsx';
import { Panel } from '../../lib/panel.tsx';
import { useCurrentCompany } from '../../lib/use-company.ts';
import { DataFreshnessBanner, useDataFreshness } from '../../shell/data-freshness-banner.tsx';
import { KpiBreakdownPanel } from './kpi-breakdown-panel.tsx';
import { TrendChart } from './kpi-charts.tsx';
import { KpiControls } from './kpi-controls.tsx';
import { KpiEmpty } from './kpi-empty.tsx';
import { KpiFiguresTable } from './kpi-figures-table.tsx';
import { KpiGlossaryCard } from './kpi-glossary-card.tsx';
import { KpiSummary, KpiUnknownFilters } from './kpi-summary.tsx';
import { isEmptySeries } from './kpi-view.ts';
import { useKpiData } from './use-kpi-data.ts';
import { useKpiView } from './use-kpi-view.ts';

/**
 * The KPI explorer: choose a metric and a view (kept in the address), see its trend, parts and figures.
 * Its presets ("this month") are the company's, as of the company's today from the server (the
 * data-freshness answer), not the browser's date.
 */
export default function KpiPage() {
  const { t } = useTranslation();
  const { companyId, can } = useCurrentCompany();
  const freshness = useDataFreshness(companyId);
  const { view, range, update } = useKpiView(freshness.data?.today);
  if (range && freshness.data)
    return (
      <KpiExplorer
        view={view}
        range={range}
        today={freshness.data.today}
        update={update}
        freshness={freshness.data}
        canImport={can('data.import')}
      />
    );
  return (
    <>
      <PageHeader title={t('kpi.title')} help={t('kpi.help')} />
      {freshness.isError ? (
        <Alert type="error" showIcon title={errorMessage(freshness.error, t)} />
      ) : (
        <Spin spinning>
          <div style={{ height: 320 }} />
        </Spin>
      )}
    </>
  );
}

function KpiExplorer({
  view,
  range,
  today,
  update,
  freshness,
  canImport,
}: ReturnType<typeof useKpiView> & {
  range: { from: string; to: string };
  today: string;
  freshness: DataFreshnessView;
  canImport: boolean;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const data = useKpiData(view, range);
  const { entry, trend, by } = data;
  const result = trend.data;
  const empty = result ? isEmptySeries(result.series) : false;
  const name = entry?.name ?? view.metric;
  return (
    <>
      <PageHeader title={t('kpi.title')} help={t('kpi.help')} />
      <DataFreshnessBanner freshness={freshness} canImport={canImport} />
      <KpiControls
        view={view}
        range={range}
        today={today}
        update={update}
        glossary={data.glossary}
        dims={data.dims}
        by={by}
        filter={data.filter}
        members={data.members}
      />
      {entry && <KpiGlossaryCard entry={entry} />}
      {(trend.isError || data.glossary.isError) && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={errorMessage(trend.error ?? data.glossary.error, t)}
        />
      )}
      <Panel
        title={t('kpi.trend')}
        style={{ marginBottom: 16 }}
        extra={
          <Space size="small">
            <Typography.Text type="secondary">{t('kpi.download')}</Typography.Text>
            <DownloadLink href={data.exportHref('csv')} testId="kpi-export-csv">
              CSV
            </DownloadLink>
            <DownloadLink href={data.exportHref('xlsx')} testId="kpi-export-xlsx">
              Excel
            </DownloadLink>
          </Space>
        }
      >
        <Spin spinning={trend.isFetching}>
          {!result ? (
            <div style={{ height: 320 }} />
          ) : empty && (result.unknownFilters ?? []).length > 0 ? (
            <KpiUnknownFilters result={result} />
          ) : empty ? (
            <KpiEmpty metric={view.metric} series={result.series} />
          ) : (
            <>
              <KpiSummary result={result} />
              <TrendChart
                result={result}
                lang={lang}
                labels={{
                  current: t('kpi.thisPeriod'),
                  lastYear: t('kpi.sameLastYear'),
                  partial: t('kpi.partial'),
                }}
              />
            </>
          )}
        </Spin>
      </Panel>
      {by && !empty && (
        <KpiBreakdownPanel by={by} breakdown={data.breakdown} withoutCustomers={data.withoutCustomers} />
      )}
      {/* A KPI with nothing in the range has no figures to list: a column of NT$0 or — beside "no
          data" would only look like data. */}
      {!empty && (
        <Panel title={t('kpi.figures')}>
          <KpiFiguresTable result={result} name={name} loading={trend.isPending} />
        </Panel>
      )}
    </>
  );
}
