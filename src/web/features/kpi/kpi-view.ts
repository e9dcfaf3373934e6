/** Pure helpers of the KPI explorer: period presets, the `where` query string, value formats. */
import type { Locale } from '../../../contract/common.ts';
import { formatCompact, formatMoney, formatNumber, formatPercent } from '../../i18n/format.ts';

export const PERIOD_PRESETS = [
  'last12m',
  'thisYear',
  'lastYear',
  'thisQuarter',
  'lastQuarter',
  'thisMonth',
  'lastMonth',
  'last90d',
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const KPI_GRAINS = ['day', 'week', 'month', 'quarter', 'fiscal_year'] as const;
export type KpiGrainChoice = (typeof KPI_GRAINS)[number];

export type KpiUnit = 'money' | 'count' | 'ratio' | 'score';

const ymd = (y: number, m: number, d: number): string => {
  const date = new Date(Date.UTC(y, m, d));
  return date.toISOString().slice(0, 10);
};

/** The first and last day of a preset, relative to `today` ('YYYY-MM-DD'); ranges end today when current. */
export function presetRange(preset: PeriodPreset, today: string): { from: string; to: string } {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7)) - 1;
  const d = Number(today.slice(8, 10));
  const q = Math.floor(m / 3) * 3;
  switch (preset) {
    case 'last12m':
      return { from: ymd(y, m - 11, 1), to: today };
    case 'thisYear':
      return { from: ymd(y, 0, 1), to: today };
    case 'lastYear':
      return { from: ymd(y - 1, 0, 1), to: ymd(y - 1, 11, 31) };
    case 'thisQuarter':
      return { from: ymd(y, q, 1), to: today };
    case 'lastQuarter':
      return { from: ymd(y, q - 3, 1), to: ymd(y, q, 0) };
    case 'thisMonth':
      return { from: ymd(y, m, 1), to: today };
    case 'lastMonth':
      return { from: ymd(y, m - 1, 1), to: ymd(y, m, 0) };
    case 'last90d':
      return { from: ymd(y, m, d - 89), to: today };
  }
}

/** `channel=門市,channel=線上商店`: a repeated key means either member. */
export function whereString(dimension: string | null, values: readonly string[]): string | undefined {
  if (!dimension || values.length === 0) return undefined;
  return values.map((v) => `${dimension}=${v}`).join(',');
}

/** Money and counts add up across members; ratios and scores do not. */
export function isAdditive(unit: KpiUnit): boolean {
  return unit === 'money' || unit === 'count';
}

/** A KPI value for tables and tooltips. */
export function formatKpi(
  value: number | null | undefined,
  unit: KpiUnit,
  currency: string,
  lang: Locale,
): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  switch (unit) {
    case 'money':
      return formatMoney(Math.round(value * 100) / 100, currency, lang);
    case 'ratio':
      return formatPercent(value, lang);
    case 'score':
      return formatNumber(value, lang, 2);
    default:
      return formatNumber(value, lang);
  }
}

/** A KPI value on a chart axis (short). */
export function formatAxis(value: number, unit: KpiUnit, lang: Locale): string {
  return unit === 'ratio' ? formatPercent(value, lang, 0) : formatCompact(value, lang);
}

/** Change against last year as a ratio, or null when last year has nothing to compare with. */
export function change(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}
