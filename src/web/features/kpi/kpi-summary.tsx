import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiResultBody } from '../../../contract/kpi.ts';
import { isLowerBetter } from '../../../core/goals/metric-kinds.ts';
import { formatLocalDate, formatNumber } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { ChangeText } from './kpi-change.tsx';
import { formatKpi, lastCompleteIndex, partialPoints, wholeRangeNote } from './kpi-view.ts';

function Figure({ label, value, change }: { label: string; value: string; change: ReactNode }) {
  return (
    <div style={{ minWidth: 200 }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div style={{ fontSize: 24, fontWeight: 600, lineHeight: 1.4 }}>{value}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {change}
      </Typography.Text>
    </div>
  );
}

/**
 * The KPI over the whole range (a ratio from its summed parts, never a sum of ratios) and in the
 * last complete period, each against last year; a period not over yet (by the company's today, the
 * answer's `today`) is named, not compared.
 */
export function KpiSummary({ result }: { result: KpiResultBody }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const fmt = (v: number | null | undefined) => formatKpi(v, result.unit, result.currency, lang);
  const lower = isLowerBetter(result.metric);
  const total = result.total[0] ?? null;
  const lastYearTotal = result.comparisonTotal[0] ?? null;
  const i = lastCompleteIndex(result.series);
  const last = i >= 0 ? result.series[i] : undefined;
  const lastYear = i >= 0 ? result.comparison[i] : undefined;
  // Told apart as of the day the server marked the series by (the company's today).
  const { running, cut } = partialPoints(result.series, result.today);
  const named = (points: typeof running) =>
    points
      .map((p) =>
        t('kpi.summary.partialPeriod', {
          period: p.label,
          from: formatLocalDate(p.start, lang),
          to: formatLocalDate(p.end, lang),
        }),
      )
      .join(t('kpi.listSeparator'));
  const vsLastYear = (current: number | null, previous: number | null) => (
    <>
      {t('kpi.summary.vsLastYear')}{' '}
      <ChangeText unit={result.unit} current={current} previous={previous} lowerIsBetter={lower} />
    </>
  );
  return (
    <div style={{ marginBottom: 16 }} data-testid="kpi-summary">
      <div style={{ display: 'flex', gap: 40, flexWrap: 'wrap' }}>
        {total && (
          <Figure
            label={t(result.aggregation === 'sum' ? 'kpi.summary.total' : 'kpi.summary.wholeRange')}
            value={fmt(total.value)}
            change={vsLastYear(total.value, lastYearTotal?.value ?? null)}
          />
        )}
        {last && result.series.length > 1 && (
          <Figure
            label={t('kpi.summary.lastComplete', { period: last.label })}
            value={fmt(last.value)}
            change={vsLastYear(last.value, lastYear?.value ?? null)}
          />
        )}
      </div>
      {running.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="kpi-partial-note">
          {t('kpi.summary.partial', { periods: named(running) })}
        </Typography.Paragraph>
      )}
      {cut.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="kpi-cut-note">
          {t('kpi.summary.cutByRange', { periods: named(cut) })}
        </Typography.Paragraph>
      )}
      {total && wholeRangeNote(result) && (
        <Typography.Paragraph
          type="secondary"
          style={{ margin: '8px 0 0' }}
          data-testid="kpi-whole-range-note"
        >
          {t(wholeRangeNote(result) ?? '')}
        </Typography.Paragraph>
      )}
      {(result.caveats ?? []).map((c) => (
        <Typography.Paragraph
          key={c.gap}
          type="warning"
          style={{ margin: '8px 0 0' }}
          data-testid="kpi-caveat"
        >
          {t(`kpi.caveat.${c.gap}`, { n: formatNumber(c.lines, lang) })}
        </Typography.Paragraph>
      ))}
      <KpiUnknownFilters result={result} />
    </div>
  );
}

/**
 * Filter names the company's data does not hold (a view saved before a merge, a typo in a link):
 * said, with the closest names, instead of a silent zero. Shown on an empty KPI too, where it is
 * the reason for the emptiness (no import would fill it).
 */
export function KpiUnknownFilters({ result }: { result: KpiResultBody }) {
  const { t } = useTranslation();
  return (
    <>
      {(result.unknownFilters ?? []).map((u) => (
        <Typography.Paragraph
          key={`${u.dimension}\u0000${u.name}`}
          type="warning"
          style={{ margin: '8px 0 0' }}
          data-testid="kpi-unknown-filter"
        >
          {t('kpi.unknownFilter', { dimension: t(`kpi.dimensions.${u.dimension}`), name: u.name })}
          {u.suggestions.length > 0 &&
            ` ${t('kpi.unknownFilterClosest', {
              names: u.suggestions
                .map((x) => `${t(`kpi.dimensions.${x.dimension}`)}「${x.name}」`)
                .join(t('kpi.listSeparator')),
            })}`}
        </Typography.Paragraph>
      ))}
    </>
  );
}
