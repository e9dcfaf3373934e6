/**
 * Grading a plan's phase goals in bulk: every child asks the same KPI questions as one goal's grading
 * (goal-history.ts: the monthly series, the same period last year, the recent level, the actual so
 * far, revenue per rep), each for its own scope and period. This reader collects the questions the
 * children ask in the same turn of the event loop and answers each group with one read: the children
 * that differ only in one member of a dimension (Q1 × 拿鐵, Q1 × 美式, …) are read by that dimension,
 * the periods they ask about as the buckets of the same read (overlapping ones in separate reads).
 * Each answer is what the KPI engine gives the child alone (the same facts and the same assembly),
 * in currency units like goal-history's own reader.
 */
import { type DateRange, daysBetween } from '../../core/calendar/dates.ts';
import type { CalendarSettings } from '../../core/calendar/periods.ts';
import { assembleSeries, type Bucket, planBuckets } from '../../core/kpi/assemble.ts';
import { kpiResultInCurrencyUnits } from '../../core/kpi/currency-units.ts';
import { KPI_GLOSSARY } from '../../core/kpi/glossary.ts';
import type { Dimension, KpiMetric, KpiPoint, KpiResult } from '../../core/kpi/types.ts';
import { validateKpiQuery } from '../../core/kpi/validate-query.ts';
import type { ProfileRecord } from '../company/ports.ts';
import type { Kpi } from '../goals/goal-history.ts';
import { computeKpi, loadKpiFacts } from '../kpi/compute-kpi.ts';
import type { KpiRepository } from '../kpi/ports.ts';
import { rangeLayers } from './plan-data.ts';

interface Ask {
  member: string | null;
  range: DateRange;
  resolve: (r: KpiResult | { problems: string }) => void;
  reject: (e: unknown) => void;
}

interface Group {
  metric: KpiMetric;
  grain: 'month' | 'total';
  /** The dimension the children differ in (null: they share the scope). */
  dim: Dimension | null;
  /** The scope without `dim`. */
  where: Record<string, string[]>;
  asks: Ask[];
}

/** Ten short buckets a read (the engine's CASE over the buckets costs rows × buckets); longer ones 60. */
const chunkSize = (ranges: readonly DateRange[]) =>
  ranges.every((r) => daysBetween(r.start, r.end) >= 28) ? 60 : 10;

/** A reader per scope (`kpiFor(where)`), sharing one queue: questions asked together are read together. */
export function batchedKpi(
  repo: KpiRepository,
  companyId: string,
  profile: ProfileRecord,
): (where: Record<string, string[]>) => Kpi {
  const settings: CalendarSettings = { fiscalYearStartMonth: profile.fiscalYearStartMonth };
  let groups = new Map<string, Group>();
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    const now = groups;
    groups = new Map();
    for (const g of now.values())
      answer(g).catch((e: unknown) => {
        for (const a of g.asks) a.reject(e);
      });
  };

  const result = (g: Group, buckets: readonly Bucket[], points: KpiPoint[]): KpiResult =>
    kpiResultInCurrencyUnits({
      metric: g.metric,
      unit: KPI_GLOSSARY[g.metric].unit,
      currency: profile.currency,
      grain: g.grain,
      from: buckets[0]?.range.start ?? '',
      to: buckets[buckets.length - 1]?.range.end ?? '',
      by: null,
      series: points.map(({ key: _key, ...p }) => p),
      comparison: [],
      aggregation: 'sum',
      total: [],
      comparisonTotal: [],
    } as KpiResult);

  /** One read of the group's members over buckets (non-overlapping); points per member, bucket order. */
  const read = async (g: Group, buckets: readonly Bucket[]): Promise<Map<string | null, KpiPoint[]>> => {
    const members = g.dim ? [...new Set(g.asks.map((a) => a.member ?? ''))] : null;
    const where = g.dim && members ? { ...g.where, [g.dim]: members } : g.where;
    const checked = validateKpiQuery({
      metric: g.metric,
      from: buckets[0]?.range.start ?? '',
      to: buckets[buckets.length - 1]?.range.end ?? '',
      grain: g.grain,
      by: g.dim,
      where,
    });
    // Checked when the question was queued (a breakdown the metric refuses is not batched).
    if (!checked.ok) throw new Error(`batched KPI read refused: ${JSON.stringify(checked.problems)}`);
    const facts = await loadKpiFacts(
      repo,
      checked.query,
      { companyId, by: g.dim, where: checked.query.where ?? {} },
      buckets,
      settings,
    );
    const points = assembleSeries(g.metric, buckets, facts, members);
    const out = new Map<string | null, KpiPoint[]>();
    for (const p of points) {
      const k = g.dim ? (p.key ?? null) : null;
      const list = out.get(k) ?? [];
      list.push(p);
      out.set(k, list);
    }
    return out;
  };

  const answer = async (g: Group) => {
    if (g.grain === 'month') {
      // Asked over the same months (the key holds the range).
      const first = g.asks[0];
      if (!first) return;
      const buckets = planBuckets(first.range, 'month', settings);
      const byMember = await read(g, buckets);
      for (const a of g.asks) a.resolve(result(g, buckets, byMember.get(a.member) ?? []));
      return;
    }
    // Totals over each asked range: layers of non-overlapping ranges, read in chunks.
    const layers = rangeLayers(g.asks.map((a) => a.range));
    const found = new Map<string, KpiPoint>();
    await Promise.all(
      layers.map(async (layer) => {
        const size = chunkSize(layer);
        for (let i = 0; i < layer.length; i += size) {
          const part = layer.slice(i, i + size);
          const buckets: Bucket[] = part.map((r, j) => ({
            period: { grain: 'total', id: String(j), label: String(j), start: r.start, end: r.end },
            range: r,
          }));
          const byMember = await read(g, buckets);
          for (const [member, points] of byMember)
            points.forEach((p, j) => {
              const r = part[j];
              if (r) found.set(`${member ?? ''}\u0000${r.start}|${r.end}`, p);
            });
        }
      }),
    );
    for (const a of g.asks) {
      const p = found.get(`${a.member ?? ''}\u0000${a.range.start}|${a.range.end}`);
      const bucket = planBuckets(a.range, 'total', settings);
      // The period as the engine names a whole-range total.
      a.resolve(result(g, bucket, p ? [{ ...p, ...periodOf(bucket[0]) }] : []));
    }
  };

  return (where) => (metric, from, to, grain, by) => {
    const checked = validateKpiQuery({ metric, from, to, grain, by: by ?? null, where });
    if (!checked.ok)
      return Promise.resolve({ problems: checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ') });
    // The dimension the children differ in: one member of it (a child of a split by that dimension).
    const single = by
      ? undefined
      : (Object.entries(where) as [Dimension, string[]][]).find(([, names]) => names.length === 1);
    // Batched by that dimension only when the metric can be broken down by it.
    const dim =
      single && validateKpiQuery({ metric, from, to, grain, by: single[0], where }).ok ? single[0] : null;
    const rest = { ...where };
    if (dim) delete rest[dim];
    const key = JSON.stringify([
      metric,
      grain,
      by ?? null,
      dim,
      Object.entries(rest).sort(),
      grain === 'month' ? [from, to] : null,
    ]);
    if (by)
      // Not asked by the grading of one goal: answered alone, as goal-history's own reader does.
      return computeKpi(repo, companyId, checked.query, { ...settings, currency: profile.currency }).then(
        kpiResultInCurrencyUnits,
      );
    return new Promise((resolve, reject) => {
      let g = groups.get(key);
      if (!g) {
        g = { metric, grain, dim, where: rest, asks: [] };
        groups.set(key, g);
      }
      g.asks.push({
        member: dim ? (single?.[1][0] ?? null) : null,
        range: { start: from, end: to },
        resolve,
        reject,
      });
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
  };
}

const periodOf = (b: Bucket | undefined): Pick<KpiPoint, 'period' | 'label' | 'start' | 'end'> => ({
  period: b?.period.id ?? '',
  label: b?.period.label ?? '',
  start: b?.range.start ?? '',
  end: b?.range.end ?? '',
});
