import type { UseQueryResult } from '@tanstack/react-query';
import { DatePicker, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DimensionMembersBody, KpiGlossaryBody } from '../../../contract/kpi.ts';
import type { KpiMetric } from '../../../core/kpi/types.ts';
import { formatLocalDate } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { Panel } from '../../lib/panel.tsx';
import type { KpiViewState } from './kpi-url.ts';
import {
  KPI_GRAINS,
  type KpiGrainChoice,
  PERIOD_PRESETS,
  type PeriodPreset,
  presetRange,
} from './kpi-view.ts';
import type { Dimension } from './use-kpi-data.ts';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 4, minWidth: 160 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      {children}
    </div>
  );
}

export interface KpiControlsProps {
  view: KpiViewState;
  range: { from: string; to: string };
  /** The day the presets count from ('YYYY-MM-DD'). */
  today: string;
  update: (patch: Partial<KpiViewState>) => void;
  glossary: UseQueryResult<KpiGlossaryBody>;
  dims: Dimension[];
  by: Dimension | null;
  filter: Dimension | null;
  members: UseQueryResult<DimensionMembersBody>;
}

/** Metric, period (or dates), grain, breakdown and filter: each choice goes to the address. */
export function KpiControls({
  view,
  range,
  today,
  update,
  glossary,
  dims,
  by,
  filter,
  members,
}: KpiControlsProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const rangeText = (r: { from: string; to: string }) =>
    t('kpi.range', { from: formatLocalDate(r.from, lang), to: formatLocalDate(r.to, lang) });
  const dimOptions = dims.map((d) => ({ value: d, label: t(`kpi.dimensions.${d}`) }));
  return (
    <Panel style={{ marginBottom: 16 }}>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }}>
        <Field label={t('kpi.metric')}>
          <Select<KpiMetric>
            aria-label={t('kpi.metric')}
            data-testid="kpi-metric"
            value={view.metric}
            onChange={(metric) => update({ metric })}
            loading={glossary.isPending}
            style={{ minWidth: 200 }}
            showSearch={{ optionFilterProp: 'label' }}
            options={(glossary.data ?? []).map((g) => ({ value: g.metric, label: g.name }))}
          />
        </Field>
        <Field label={t('kpi.period')}>
          <Select<PeriodPreset | 'custom'>
            aria-label={t('kpi.period')}
            value={view.period}
            onChange={(period) => update(period === 'custom' ? { period, ...range } : { period })}
            style={{ minWidth: 160 }}
            popupMatchSelectWidth={false}
            options={[
              // Each preset names its exact dates on hover.
              ...PERIOD_PRESETS.map((p) => ({
                value: p,
                label: t(`kpi.presets.${p}`),
                title: rangeText(presetRange(p, today)),
              })),
              { value: 'custom' as const, label: t('kpi.presets.custom') },
            ]}
          />
        </Field>
        {view.period === 'custom' && (
          <Field label={t('kpi.dates')}>
            <DatePicker.RangePicker
              allowClear={false}
              value={[dayjs(range.from), dayjs(range.to)]}
              onChange={(v) => {
                if (v?.[0] && v[1])
                  update({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') });
              }}
            />
          </Field>
        )}
        <Field label={t('kpi.grain')}>
          <Select<KpiGrainChoice>
            aria-label={t('kpi.grain')}
            value={view.grain}
            onChange={(grain) => update({ grain })}
            style={{ minWidth: 120 }}
            options={KPI_GRAINS.map((g) => ({ value: g, label: t(`kpi.grains.${g}`) }))}
          />
        </Field>
        <Field label={t('kpi.breakdown')}>
          <Select<Dimension | 'none'>
            aria-label={t('kpi.breakdown')}
            value={by ?? 'none'}
            onChange={(v) => update({ by: v === 'none' ? null : v })}
            style={{ minWidth: 140 }}
            options={[{ value: 'none' as const, label: t('kpi.noBreakdown') }, ...dimOptions]}
          />
        </Field>
        <Field label={t('kpi.filter')}>
          <Space.Compact>
            <Select<Dimension | 'none'>
              aria-label={t('kpi.filter')}
              value={filter ?? 'none'}
              onChange={(v) => update({ filter: v === 'none' ? null : v, values: [] })}
              style={{ minWidth: 120 }}
              options={[{ value: 'none' as const, label: t('kpi.noFilter') }, ...dimOptions]}
            />
            {filter && (
              <Select<string[]>
                mode="multiple"
                aria-label={t('kpi.filterValues')}
                placeholder={t('kpi.filterValues')}
                loading={members.isPending}
                value={view.values}
                onChange={(values) => update({ values })}
                maxTagCount="responsive"
                style={{ minWidth: 200 }}
                options={(members.data?.names ?? []).map((n) => ({ value: n, label: n }))}
              />
            )}
          </Space.Compact>
        </Field>
      </div>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }} data-testid="kpi-range">
        {rangeText(range)}
      </Typography.Text>
    </Panel>
  );
}
