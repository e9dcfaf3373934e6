/**
 * The KPI explorer's view as a table for the one CSV/XLSX writer (ingest/export-table.ts): one row
 * per period (× breakdown member) with last year beside it, the whole range's row(s), then what the
 * data lacked. Each column
 * says what it holds (dates, the KPI's money, percent, count or score), so the file shows the values
 * as the screen does.
 */
import { dataGapMessage } from '../../core/ingest/data-gaps.ts';
import { dimensionName } from '../../core/kpi/dimension-names.ts';
import type { KpiLocale } from '../../core/kpi/glossary.ts';
import type { KpiAggregation, KpiUnit } from '../../core/kpi/types.ts';
import type { KpiQueryInput } from '../../core/kpi/validate-query.ts';
import type { Actor } from '../access.ts';
import type { ExportColumn } from '../export-columns.ts';
import type { AppContext } from '../ports.ts';
import { getKpi, getKpiGlossary } from './kpi-use-cases.ts';

export interface KpiExport {
  /** File name without the extension. */
  name: string;
  sheet: string;
  rows: (string | number | null)[][];
  columns: ExportColumn[];
}

/**
 * The column of a KPI's values: money in the currency (totals in whole units, averages such as AOV
 * to the minor unit, as the explorer shows them), ratios as percents with one decimal, scores with
 * two, counts whole.
 */
export function kpiValueColumn(unit: KpiUnit, aggregation: KpiAggregation, currency: string): ExportColumn {
  switch (unit) {
    case 'money':
      return { kind: 'money', currency, precision: aggregation === 'sum' ? 'whole' : 'minor' };
    case 'ratio':
      return { kind: 'percent', decimals: 1 };
    case 'score':
      return { kind: 'decimal', decimals: 2 };
    default:
      return { kind: 'count' };
  }
}

export async function exportKpiView(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  query: KpiQueryInput,
  locale: KpiLocale,
): Promise<KpiExport> {
  const result = await getKpi(ctx, actor, companyId, query);
  const glossary = await getKpiGlossary(ctx, actor, companyId, locale);
  const label = glossary.find((g) => g.metric === result.metric)?.name ?? result.metric;
  const en = locale === 'en';
  const by = result.by ? [dimensionName(result.by, locale)] : [];
  const header = en
    ? ['Period', 'From', 'To', ...by, label, 'Same period last year']
    : ['期間', '起', '迄', ...by, label, '去年同期'];
  const value = kpiValueColumn(result.unit, result.aggregation, result.currency);
  const wholeRange = result.aggregation === 'sum' ? (en ? 'Total' : '合計') : en ? 'Whole range' : '整段期間';
  const columns: ExportColumn[] = [
    { kind: 'text' },
    { kind: 'date' },
    { kind: 'date' },
    ...by.map((): ExportColumn => ({ kind: 'text' })),
    value,
    value,
  ];
  const rows: KpiExport['rows'] = [
    header,
    ...result.series.map((p, i) => {
      // The comparison is the same buckets last year, in the same order as the series.
      const ly = result.comparison[i];
      const lastYearValue = ly && (ly.key ?? '') === (p.key ?? '') ? ly.value : null;
      return [p.label, p.start, p.end, ...(result.by ? [p.key ?? ''] : []), p.value, lastYearValue];
    }),
    // The whole range (per breakdown member), as the explorer's last row and summary show it: a sum's
    // total, or a ratio or a count over the whole range, never the rows added up.
    ...result.total.map((t, i) => {
      const ly = result.comparisonTotal[i];
      const lastYearValue = ly && (ly.key ?? '') === (t.key ?? '') ? ly.value : null;
      return [wholeRange, t.start, t.end, ...(result.by ? [t.key ?? ''] : []), t.value, lastYearValue];
    }),
    // What the files in the range lacked that this KPI depends on, as the explorer and CLI say it.
    ...(result.caveats.length > 0 ? [[]] : []),
    ...result.caveats.map((c) => [en ? 'Note' : '注意', dataGapMessage(c.gap, c.lines, locale)]),
  ];
  return { name: `${label}-${result.from}-${result.to}`, sheet: label, rows, columns };
}
