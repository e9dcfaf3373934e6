import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, DatePicker, Select, Space, Spin, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DimensionMembersBody, KpiGlossaryBody, KpiResultBody } from '../../../contract/kpi.ts';
import { api, companyPath } from '../../api/client.ts';
import { formatPercent } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { PageHeader } from '../../lib/page-header.tsx';
import { Panel } from '../../lib/panel.tsx';
import { useCurrentCompany } from '../../lib/use-company.ts';
import { BreakdownChart, TrendChart, topKeys } from './kpi-charts.tsx';
import {
  change,
  formatKpi,
  isAdditive,
  KPI_GRAINS,
  type KpiGrainChoice,
  PERIOD_PRESETS,
  type PeriodPreset,
  presetRange,
  whereString,
} from './kpi-view.ts';

type Metric = KpiResultBody['metric'];
type Dimension = NonNullable<KpiResultBody['by']>;

function kpiUrl(companyId: string, q: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined) params.set(k, v);
  return companyPath(companyId, `/kpi?${params.toString()}`);
}

interface TrendRow {
  period: string;
  label: string;
  value: number | null;
  lastYear: number | null;
}

export default function KpiPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { companyId } = useCurrentCompany();
  const [metric, setMetric] = useState<Metric>('revenue');
  const [preset, setPreset] = useState<PeriodPreset | 'custom'>('last12m');
  const [custom, setCustom] = useState<{ from: string; to: string } | null>(null);
  const [grain, setGrain] = useState<KpiGrainChoice>('month');
  const [by, setBy] = useState<Dimension | null>(null);
  const [filterDim, setFilterDim] = useState<Dimension | null>(null);
  const [filterValues, setFilterValues] = useState<string[]>([]);

  const today = dayjs().format('YYYY-MM-DD');
  const range =
    preset === 'custom' && custom ? custom : presetRange(preset === 'custom' ? 'last12m' : preset, today);

  const glossary = useQuery({
    queryKey: ['kpi', companyId, 'glossary', lang],
    queryFn: () => api.get<KpiGlossaryBody>(companyPath(companyId, '/kpi/glossary')),
    staleTime: 10 * 60_000,
  });
  const entry = glossary.data?.find((g) => g.metric === metric);
  const dims = (entry?.dimensions ?? []) as Dimension[];
  const breakdownBy = by && dims.includes(by) ? by : null;
  const filterBy = filterDim && dims.includes(filterDim) ? filterDim : null;
  const where = whereString(filterBy, filterValues);

  const members = useQuery({
    queryKey: ['kpi', companyId, 'dimension', filterBy],
    queryFn: () => api.get<DimensionMembersBody>(companyPath(companyId, `/dimensions/${filterBy}`)),
    enabled: filterBy !== null,
  });

  const base = { metric, from: range.from, to: range.to, where };
  const trend = useQuery({
    queryKey: ['kpi', companyId, 'trend', base, grain, lang],
    queryFn: () => api.get<KpiResultBody>(kpiUrl(companyId, { ...base, grain })),
    placeholderData: keepPreviousData,
  });
  const additive = entry ? isAdditive(entry.unit) : true;
  const breakdownGrain = additive ? grain : 'total';
  const breakdown = useQuery({
    queryKey: ['kpi', companyId, 'breakdown', base, breakdownGrain, breakdownBy, lang],
    queryFn: () =>
      api.get<KpiResultBody>(
        kpiUrl(companyId, { ...base, grain: breakdownGrain, by: breakdownBy ?? undefined }),
      ),
    enabled: breakdownBy !== null,
    placeholderData: keepPreviousData,
  });

  const result = trend.data;
  const rows: TrendRow[] = useMemo(
    () =>
      (result?.series ?? []).map((p, i) => ({
        period: p.period,
        label: p.label,
        value: p.value,
        lastYear: result?.comparison[i]?.value ?? null,
      })),
    [result],
  );
  const fmt = (v: number | null) => (result ? formatKpi(v, result.unit, result.currency, lang) : '—');

  const breakdownRows = useMemo(() => {
    const b = breakdown.data;
    if (!b || !breakdownBy) return [];
    if (b.grain === 'total') return b.series.map((p) => ({ key: p.key ?? '', value: p.value }));
    const totals = new Map<string, number>();
    for (const p of b.series) totals.set(p.key ?? '', (totals.get(p.key ?? '') ?? 0) + (p.value ?? 0));
    return topKeys(b).map((k) => ({ key: k, value: totals.get(k) ?? 0 }));
  }, [breakdown.data, breakdownBy]);
  const memberName = (k: string) => (k === '' ? t('kpi.noneRecorded') : k);

  /** The server's file of the current view (with the breakdown when one is chosen); cookies go with a plain link. */
  const exportHref = (format: 'csv' | 'xlsx') =>
    `${kpiUrl(companyId, { ...base, grain, by: breakdownBy ?? undefined }).replace('/kpi?', '/kpi/export?')}&format=${format}`;

  const field = (label: string, control: ReactNode) => (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 4, minWidth: 160 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      {control}
    </div>
  );

  return (
    <>
      <PageHeader title={t('kpi.title')} help={t('kpi.help')} />
      <Panel style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }}>
          {field(
            t('kpi.metric'),
            <Select<Metric>
              aria-label={t('kpi.metric')}
              data-testid="kpi-metric"
              value={metric}
              onChange={setMetric}
              loading={glossary.isPending}
              style={{ minWidth: 200 }}
              showSearch={{ optionFilterProp: 'label' }}
              options={(glossary.data ?? []).map((g) => ({ value: g.metric, label: g.name }))}
            />,
          )}
          {field(
            t('kpi.period'),
            <Select<PeriodPreset | 'custom'>
              aria-label={t('kpi.period')}
              value={preset}
              onChange={(p) => {
                setPreset(p);
                if (p === 'custom' && !custom) setCustom(range);
              }}
              style={{ minWidth: 160 }}
              options={[
                ...PERIOD_PRESETS.map((p) => ({ value: p, label: t(`kpi.presets.${p}`) })),
                { value: 'custom' as const, label: t('kpi.presets.custom') },
              ]}
            />,
          )}
          {preset === 'custom' &&
            field(
              t('kpi.dates'),
              <DatePicker.RangePicker
                allowClear={false}
                value={[dayjs(range.from), dayjs(range.to)]}
                onChange={(v) => {
                  if (v?.[0] && v[1])
                    setCustom({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') });
                }}
              />,
            )}
          {field(
            t('kpi.grain'),
            <Select<KpiGrainChoice>
              aria-label={t('kpi.grain')}
              value={grain}
              onChange={setGrain}
              style={{ minWidth: 120 }}
              options={KPI_GRAINS.map((g) => ({ value: g, label: t(`kpi.grains.${g}`) }))}
            />,
          )}
          {field(
            t('kpi.breakdown'),
            <Select<Dimension | 'none'>
              aria-label={t('kpi.breakdown')}
              value={breakdownBy ?? 'none'}
              onChange={(v) => setBy(v === 'none' ? null : v)}
              style={{ minWidth: 140 }}
              options={[
                { value: 'none' as const, label: t('kpi.noBreakdown') },
                ...dims.map((d) => ({ value: d, label: t(`kpi.dimensions.${d}`) })),
              ]}
            />,
          )}
          {field(
            t('kpi.filter'),
            <Space.Compact>
              <Select<Dimension | 'none'>
                aria-label={t('kpi.filter')}
                value={filterBy ?? 'none'}
                onChange={(v) => {
                  setFilterDim(v === 'none' ? null : v);
                  setFilterValues([]);
                }}
                style={{ minWidth: 120 }}
                options={[
                  { value: 'none' as const, label: t('kpi.noFilter') },
                  ...dims.map((d) => ({ value: d, label: t(`kpi.dimensions.${d}`) })),
                ]}
              />
              {filterBy && (
                <Select<string[]>
                  mode="multiple"
                  aria-label={t('kpi.filterValues')}
                  placeholder={t('kpi.filterValues')}
                  loading={members.isPending}
                  value={filterValues}
                  onChange={setFilterValues}
                  maxTagCount="responsive"
                  style={{ minWidth: 200 }}
                  options={(members.data?.names ?? []).map((n) => ({ value: n, label: n }))}
                />
              )}
            </Space.Compact>,
          )}
        </div>
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t('kpi.range', { from: range.from, to: range.to })}
        </Typography.Text>
      </Panel>

      {entry && (
        <Panel small title={t('kpi.glossary')} style={{ marginBottom: 16 }}>
          <div data-testid="kpi-glossary">
            <Typography.Text strong>{entry.name}</Typography.Text>
            <Typography.Text type="secondary"> ({entry.otherName})</Typography.Text>
            <Typography.Paragraph style={{ margin: '6px 0' }}>{entry.definition}</Typography.Paragraph>
            <Typography.Text code>{entry.formula}</Typography.Text>
          </div>
        </Panel>
      )}

      {(trend.isError || glossary.isError) && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={errorMessage(trend.error ?? glossary.error, t)}
        />
      )}

      <Panel
        title={t('kpi.trend')}
        style={{ marginBottom: 16 }}
        extra={
          <Space size="small">
            <Typography.Text type="secondary">{t('kpi.download')}</Typography.Text>
            <a href={exportHref('csv')} download data-testid="kpi-export-csv">
              CSV
            </a>
            <a href={exportHref('xlsx')} download data-testid="kpi-export-xlsx">
              Excel
            </a>
          </Space>
        }
      >
        <Spin spinning={trend.isFetching}>
          {result ? (
            result.series.every((p) => p.value === null || p.value === 0) ? (
              <Typography.Paragraph type="secondary">{t('kpi.noData')}</Typography.Paragraph>
            ) : (
              <TrendChart
                result={result}
                lang={lang}
                labels={{ current: t('kpi.thisPeriod'), lastYear: t('kpi.sameLastYear') }}
              />
            )
          ) : (
            <div style={{ height: 320 }} />
          )}
        </Spin>
      </Panel>

      {breakdownBy && (
        <Panel
          title={t('kpi.breakdownTitle', { by: t(`kpi.dimensions.${breakdownBy}`) })}
          style={{ marginBottom: 16 }}
        >
          {breakdown.isError && <Alert type="error" showIcon title={errorMessage(breakdown.error, t)} />}
          <Spin spinning={breakdown.isFetching}>
            {breakdown.data ? (
              <BreakdownChart
                result={breakdown.data}
                lang={lang}
                labels={{ none: t('kpi.noneRecorded'), others: t('kpi.others') }}
              />
            ) : (
              <div style={{ height: 360 }} />
            )}
          </Spin>
          <Table
            size="small"
            rowKey="key"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={breakdownRows}
            columns={[
              { title: t(`kpi.dimensions.${breakdownBy}`), dataIndex: 'key', render: memberName },
              {
                title: additive ? t('kpi.table.total') : (entry?.name ?? metric),
                dataIndex: 'value',
                align: 'right',
                render: fmt,
              },
            ]}
          />
        </Panel>
      )}

      <Panel title={t('kpi.figures')}>
        <Table<TrendRow>
          size="small"
          rowKey="period"
          loading={trend.isPending}
          dataSource={rows}
          pagination={{ pageSize: 24, hideOnSinglePage: true }}
          scroll={{ x: 520 }}
          columns={[
            { title: t('kpi.table.period'), dataIndex: 'label' },
            { title: entry?.name ?? metric, dataIndex: 'value', align: 'right', render: fmt },
            { title: t('kpi.table.lastYear'), dataIndex: 'lastYear', align: 'right', render: fmt },
            {
              title: t('kpi.table.change'),
              key: 'change',
              align: 'right',
              render: (_: unknown, r) => {
                const c = change(r.value, r.lastYear);
                if (c === null) return '—';
                return (
                  <Typography.Text type={c >= 0 ? 'success' : 'danger'}>
                    {`${c >= 0 ? '+' : ''}${formatPercent(c, lang)}`}
                  </Typography.Text>
                );
              },
            },
          ]}
        />
      </Panel>
    </>
  );
}
