import { Button, Descriptions, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../contract/common.ts';
import type { Achievability } from '../../../contract/goals.ts';
import { monthsText } from '../../../core/goals/target-conversion.ts';
import { formatPercent } from '../../i18n/format.ts';
import { formatKpi, type KpiUnit } from '../kpi/kpi-view.ts';
import { ForecastChart } from './forecast-chart.tsx';
import { roundFor } from './forecast-chart-options.ts';
import { perMonthEquivalent } from './goal-form.ts';

const VERDICT_COLORS: Record<Achievability['verdict'], string> = {
  too_easy: 'blue',
  achievable: 'green',
  stretch: 'gold',
  unrealistic: 'red',
  unknown: 'default',
};

/** The achievability card: verdict, probability, baselines, uplift against history, recommended range, chart. */
export function AchievabilityCard({
  ach,
  unit,
  currency,
  lang,
  period,
  onUseTarget,
}: {
  ach: Achievability;
  unit: KpiUnit;
  currency: string;
  lang: Locale;
  period: { start: string; end: string } | null;
  /** Sets the goal's target to a recommended value, a period total or a level (absent for read-only users). */
  onUseTarget?: (recommended: number) => void;
}) {
  const { t } = useTranslation();
  const fmt = (v: number | null | undefined) => formatKpi(roundFor(v, unit), unit, currency, lang);
  // A baseline the data does not cover (before the first sale, or only in part) is no data, not 0.
  const baselineText = (v: number | null) => (v === null ? t('goals.ach.noData') : fmt(v));
  const pct = (v: number) => `${v >= 0 ? '+' : ''}${formatPercent(v, lang)}`;
  // Only totals add up over a period: a level (AOV NT$250, retention 60 %) is shown as the level.
  const total = ach.shape === 'total';
  // A total of 0 is no target to recommend (data that ended long ago reads as no sales).
  const recommended = ach.recommended && !(total && ach.recommended.p90 <= 0) ? ach.recommended : null;
  const targetPerMonth =
    ach.targetValue !== null && period
      ? perMonthEquivalent(ach.targetValue, period.start, period.end, total)
      : null;
  const growth = ach.historicalGrowth;

  return (
    <div data-testid="achievability">
      <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap', marginBottom: 12 }}>
        {ach.probability !== null && (
          <Progress
            type="dashboard"
            size={96}
            percent={Math.round(ach.probability * 100)}
            format={(p) => `${p ?? 0}%`}
            strokeColor={ach.probability >= 0.7 ? '#16a34a' : ach.probability >= 0.3 ? '#d97706' : '#dc2626'}
          />
        )}
        <div style={{ minWidth: 0, flex: 1 }}>
          <Tag
            color={VERDICT_COLORS[ach.verdict]}
            style={{ fontSize: 15, padding: '2px 10px' }}
            data-testid="achievability-verdict"
            data-verdict={ach.verdict}
          >
            {t(`goals.verdicts.${ach.verdict}`)}
          </Tag>
          <Typography.Paragraph style={{ margin: '6px 0 0' }}>
            {ach.probability !== null
              ? t('goals.ach.probability', { p: formatPercent(ach.probability, lang, 0) })
              : (ach.reason ?? t('goals.ach.noProbability'))}
          </Typography.Paragraph>
          {ach.targetValue !== null && (
            <Typography.Text type="secondary" data-testid="target-as-read">
              {total
                ? t('goals.ach.targetTotal', { value: fmt(ach.targetValue) })
                : t('goals.ach.targetLevel', { value: fmt(ach.targetValue) })}
              {targetPerMonth !== null && total
                ? ` · ${t('goals.ach.perMonth', { value: fmt(targetPerMonth) })}`
                : ''}
            </Typography.Text>
          )}
        </div>
      </div>

      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 12 }}
        styles={{ label: { width: 116, minWidth: 116 } }}
        items={[
          {
            key: 'ly',
            label: t('goals.ach.samePeriodLastYear'),
            children: baselineText(ach.baseline.samePeriodLastYear),
          },
          {
            key: 'run',
            label: t('goals.ach.recentRunRate'),
            children: baselineText(ach.baseline.recentRunRate),
          },
          // A point forecast is only shown inside its own band (the band alone otherwise).
          ...(ach.forecast
            ? [
                {
                  key: 'fc',
                  label: t('goals.ach.forecast'),
                  children:
                    ach.forecast.mean >= ach.forecast.lo80 && ach.forecast.mean <= ach.forecast.hi80
                      ? t('goals.ach.forecastRange', {
                          mean: fmt(ach.forecast.mean),
                          lo: fmt(ach.forecast.lo80),
                          hi: fmt(ach.forecast.hi80),
                        })
                      : t('goals.ach.forecastBand', {
                          lo: fmt(ach.forecast.lo80),
                          hi: fmt(ach.forecast.hi80),
                        }),
                },
              ]
            : []),
          ...(ach.requiredUplift !== null
            ? [
                {
                  key: 'up',
                  label: t('goals.ach.requiredUplift'),
                  children: (
                    <span data-testid="required-uplift">
                      {pct(ach.requiredUplift)}
                      {growth && (
                        <Typography.Text type="secondary" style={{ display: 'block' }}>
                          {t('goals.ach.growth', {
                            p10: pct(growth.p10),
                            p50: pct(growth.p50),
                            p90: pct(growth.p90),
                            percentile: formatPercent(growth.percentile, lang, 0),
                            samples: growth.samples,
                            months: growth.months,
                          })}
                        </Typography.Text>
                      )}
                    </span>
                  ),
                },
              ]
            : []),
          ...(ach.capacity
            ? [
                {
                  key: 'cap',
                  label: t('goals.ach.capacity'),
                  children: t('goals.ach.capacityText', {
                    reps: ach.capacity.reps,
                    perRep: fmt(ach.capacity.revenuePerRep),
                    months: monthsText(ach.capacity.months),
                    headroom: ach.capacity.headroom,
                    capacity: fmt(ach.capacity.capacity),
                  }),
                },
              ]
            : []),
          ...(ach.market
            ? [
                {
                  key: 'mkt',
                  label: t('goals.ach.market'),
                  children: t('goals.ach.marketText', {
                    som: fmt(ach.market.som),
                    periodSom: fmt(ach.market.periodSom),
                    share: formatPercent(ach.market.share, lang),
                  }),
                },
              ]
            : []),
        ]}
      />

      {recommended && (
        <div data-testid="recommended-range" style={{ marginBottom: 12 }}>
          <Typography.Text strong>{t('goals.ach.recommended')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: '2px 0 6px' }}>
            {t('goals.ach.recommendedHelp')}
          </Typography.Paragraph>
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            {(['p90', 'p70', 'p50'] as const).map((k) => (
              <div
                key={k}
                style={{ border: '1px solid #e5e7eb', borderRadius: 6, padding: '6px 10px', minWidth: 120 }}
              >
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`goals.ach.${k}`)}
                </Typography.Text>
                <div>
                  <Typography.Text strong>{fmt(recommended[k])}</Typography.Text>
                </div>
              </div>
            ))}
          </div>
          {onUseTarget && (
            <Button
              style={{ marginTop: 8 }}
              data-testid="use-p70"
              onClick={() => {
                onUseTarget(recommended.p70);
              }}
            >
              {t('goals.ach.useP70')}
            </Button>
          )}
        </div>
      )}

      {ach.chart.length > 0 ? (
        <ForecastChart
          rows={ach.chart}
          unit={unit}
          currency={currency}
          lang={lang}
          targetPerMonth={targetPerMonth}
          labels={{
            actual: t('goals.chart.actual'),
            forecast: t('goals.chart.forecast'),
            band80: t('goals.chart.band80'),
            band95: t('goals.chart.band95'),
            target: total ? t('goals.chart.targetPerMonth') : t('goals.chart.target'),
          }}
        />
      ) : (
        <Typography.Paragraph type="secondary">{t('goals.chart.noHistory')}</Typography.Paragraph>
      )}
    </div>
  );
}
