import type { Command } from 'commander';
import { memberActor } from '../../app/company/operator.ts';
import { getKpi, listDimensionMembers } from '../../app/kpi/kpi-use-cases.ts';
import { dimensionWord } from '../../core/goals/grade-goal.ts';
import { formatMetricValue, isMoneyMetric, isPercentMetric } from '../../core/goals/index.ts';
import {
  countsCustomers,
  membersWithoutCustomers,
  WALK_IN_DIMENSIONS,
} from '../../core/goals/metric-kinds.ts';
import { dataGapMessage } from '../../core/ingest/data-gaps.ts';
import { KPI_GLOSSARY } from '../../core/kpi/glossary.ts';
import type { KpiMetric, KpiPoint, KpiResult } from '../../core/kpi/types.ts';
import { type CliLang, cliLang } from '../language.ts';
import { output, withDatabaseOption, withRuntime } from '../options.ts';
import { resolveCompany } from '../resolve-company.ts';

interface KpiOptions {
  from: string;
  to: string;
  grain: string;
  by?: string;
  where?: string;
  company?: string;
  data?: string;
  json?: boolean;
}

/** A value by its metric's kind: money in whole currency units, rates as percents, counts whole. */
const show = (metric: KpiMetric, v: number | null): string =>
  v === null ? '—' : formatMetricValue(metric, v);

/** The heading: the company, the KPI's name and what its figures are (money in the company's currency). */
function heading(company: string, r: KpiResult, lang: CliLang): string {
  const en = lang === 'en';
  const what = isMoneyMetric(r.metric)
    ? `${en ? 'amount' : '金額'}, ${r.currency}`
    : isPercentMetric(r.metric)
      ? en
        ? 'percent'
        : '百分比'
      : r.unit === 'count'
        ? en
          ? 'count'
          : '數量'
        : r.unit === 'score'
          ? en
            ? 'score'
            : '分數'
          : en
            ? 'ratio'
            : '比率';
  return `${company} · ${KPI_GLOSSARY[r.metric].name[lang]} ${r.metric} (${what})`;
}

export function registerKpiCommand(program: Command): void {
  withDatabaseOption(program.command('kpi'))
    .description('A KPI over periods, with a breakdown and filters / 關鍵績效指標')
    .argument(
      '<metric>',
      'revenue, units, orders, aov, conversion_rate, cac, roas, leads, new_customers, customers, retention_rate, churn_rate, repeat_purchase_rate, clv, csat, nps, market_share, revenue_per_rep, new_channel_revenue',
    )
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD')
    .option(
      '--grain <grain>',
      'day | week | month | quarter | year (calendar) | fiscal_year | total',
      'month',
    )
    .option(
      '--by <dimension>',
      'product | category | channel | rep | region | customer_type | age_band | member_tier',
    )
    .option('--where <filters>', 'key=value[,key=value...], e.g. channel=門市,category=咖啡')
    .option('--company <idOrName>', 'company (required when the database holds several)')
    .option('--json', 'print JSON (money in currency units, e.g. 1500.5; "caveats": facts the files lacked)')
    .action(async (metric: string, opts: KpiOptions) => {
      const locale = cliLang();
      await withRuntime(opts, async (rt) => {
        const company = await resolveCompany(rt, opts.company);
        const owner = await memberActor(rt.ctx, company.id);
        const result = await getKpi(rt.ctx, owner, company.id, {
          metric,
          from: opts.from,
          to: opts.to,
          grain: opts.grain,
          by: opts.by,
          where: opts.where,
        });
        const partial = locale === 'en' ? ' (partial)' : '（未完整）';
        const keyOf = (p: KpiPoint) => (p.key === undefined ? '' : `\t${p.key ?? '—'}`);
        const lines = result.series.map(
          (p: KpiPoint) =>
            `${p.period}${keyOf(p)}\t${show(result.metric, p.value)}${p.partial ? partial : ''}`,
        );
        // The whole range, computed by the KPI's kind (a ratio from its summed parts, never a sum).
        const totalLabel = locale === 'en' ? 'Total' : '合計';
        const totals = result.total.map(
          (p: KpiPoint) => `${totalLabel}${keyOf(p)}\t${show(result.metric, p.value)}`,
        );
        // What the files in the range lacked that this KPI depends on (no products, quantities...).
        const notes = result.caveats.map(
          (c) => `${locale === 'en' ? 'Note' : '注意'}: ${dataGapMessage(c.gap, c.lines, locale)}`,
        );
        for (const u of result.unknownFilters) {
          const closest = u.suggestions.map((x) => `${dimensionWord(x.dimension, locale)} “${x.name}”`);
          notes.push(
            locale === 'en'
              ? `Note: no ${dimensionWord(u.dimension, locale)} “${u.name}” in this company's data: the KPI is zero for it.${closest.length ? ` Closest: ${closest.join(', ')}.` : ''}`
              : `注意:這家公司的資料中沒有${dimensionWord(u.dimension, locale)}「${u.name}」,此指標對它是 0。${closest.length ? `最接近的名稱:${closest.join('、')}。` : ''}`,
          );
        }
        // A customer KPI by channel, rep or region has no value for members whose sales in the range
        // were all walk-ins: named, as the web app does (from the customers KPI over the same range).
        let withoutCustomers: string[] | undefined;
        const by = result.by;
        if (by && countsCustomers(result.metric) && WALK_IN_DIMENSIONS.includes(by)) {
          const [names, customers] = await Promise.all([
            listDimensionMembers(rt.ctx, owner, company.id, by),
            getKpi(rt.ctx, owner, company.id, {
              metric: 'customers',
              from: result.from,
              to: result.to,
              grain: 'total',
              by,
              where: opts.where,
            }),
          ]);
          withoutCustomers = membersWithoutCustomers(names, customers.total);
          if (withoutCustomers.length > 0)
            notes.push(
              locale === 'en'
                ? `Note: ${dimensionWord(by, locale)} not listed above (no sales to an identified customer in this range): ${withoutCustomers.join(', ')}`
                : `注意:此期間沒有記名客戶購買的${dimensionWord(by, locale)}(所以不在上面):${withoutCustomers.join('、')}`,
            );
        }
        output(
          opts.json,
          withoutCustomers === undefined ? result : { ...result, withoutCustomers },
          [heading(company.name, result, locale), ...lines, ...totals, ...notes].join('\n'),
        );
      });
    });
}
