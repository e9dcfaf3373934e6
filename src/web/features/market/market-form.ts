import type {
  MarketAnalysis,
  MarketAnalysisInput,
  SaveMarketAnalysisBody,
} from '../../../contract/market.ts';
import type { FieldPath } from '../../lib/form-errors.ts';

export const SWOT_KINDS = ['strength', 'weakness', 'opportunity', 'threat'] as const;
export type SwotKind = (typeof SWOT_KINDS)[number];

/** The editor's shape: SWOT split into four quadrants, everything else as in the contract. */
export interface MarketFormValues {
  positioning: string;
  marketSizes: MarketAnalysisInput['marketSizes'];
  competitors: MarketAnalysisInput['competitors'];
  objectives: MarketAnalysisInput['objectives'];
  swot: Record<SwotKind, { text: string }[]>;
}

export function toFormValues(m: MarketAnalysis): MarketFormValues {
  const swot: MarketFormValues['swot'] = { strength: [], weakness: [], opportunity: [], threat: [] };
  for (const e of m.swot) swot[e.kind].push({ text: e.text });
  return {
    positioning: m.positioning,
    marketSizes: m.marketSizes,
    competitors: m.competitors,
    objectives: m.objectives,
    swot,
  };
}

/**
 * The request body, plus a function mapping an error path of the body (swot.N.text) back to the
 * editor's field (swot.<kind>.<i>.text).
 */
export function toBody(
  v: MarketFormValues,
  version: number,
): { body: SaveMarketAnalysisBody; mapPath: (p: FieldPath) => FieldPath } {
  const swot: SaveMarketAnalysisBody['swot'] = [];
  const origin: [SwotKind, number][] = [];
  for (const kind of SWOT_KINDS) {
    (v.swot?.[kind] ?? []).forEach((e, i) => {
      swot.push({ kind, text: e?.text ?? '' });
      origin.push([kind, i]);
    });
  }
  const body: SaveMarketAnalysisBody = {
    positioning: v.positioning ?? '',
    marketSizes: (v.marketSizes ?? []).map((s) => ({ ...s, source: s.source ?? '' })),
    competitors: (v.competitors ?? []).map((c) => ({
      name: c.name ?? '',
      priceLevel: c.priceLevel ?? null,
      strengths: c.strengths ?? '',
      weaknesses: c.weaknesses ?? '',
      notes: c.notes ?? '',
    })),
    swot,
    objectives: (v.objectives ?? []).map((o) => ({
      ...(o.id ? { id: o.id } : {}),
      title: o.title ?? '',
      description: o.description ?? '',
    })),
    version,
  };
  const mapPath = (p: FieldPath): FieldPath => {
    if (p[0] === 'swot' && typeof p[1] === 'number') {
      const o = origin[p[1]];
      if (o) return ['swot', o[0], o[1], ...p.slice(2)];
    }
    return p;
  };
  return { body, mapPath };
}

export interface SizeWarning {
  year: number;
  currency: string;
  smaller: 'SAM' | 'SOM';
  larger: 'TAM' | 'SAM';
}

/** TAM ≥ SAM ≥ SOM should hold for the same year and currency; each violation is reported once. */
export function marketSizeWarnings(
  sizes: readonly (Partial<MarketAnalysisInput['marketSizes'][number]> | undefined)[],
): SizeWarning[] {
  const groups = new Map<string, Partial<Record<'TAM' | 'SAM' | 'SOM', number>>>();
  for (const s of sizes) {
    if (!s?.kind || !s.year || !s.currency || typeof s.amount !== 'number') continue;
    const key = `${s.year}|${s.currency}`;
    const g = groups.get(key) ?? {};
    g[s.kind] = Math.max(g[s.kind] ?? 0, s.amount);
    groups.set(key, g);
  }
  const out: SizeWarning[] = [];
  for (const [key, g] of groups) {
    const [year = '0', currency = ''] = key.split('|');
    const pairs: ['SAM' | 'SOM', 'TAM' | 'SAM'][] = [
      ['SAM', 'TAM'],
      ['SOM', 'SAM'],
    ];
    for (const [smaller, larger] of pairs) {
      const a = g[smaller];
      const b = g[larger];
      if (a !== undefined && b !== undefined && a > b)
        out.push({ year: Number(year), currency, smaller, larger });
    }
  }
  return out;
}

/**
 * A new market-size row: TAM in the company's currency, for the year of the company's today (the
 * server's, from the data-freshness answer, not the browser's date); no year until that is known.
 */
export function newMarketSize(today: string | undefined, currency: string) {
  return {
    kind: 'TAM' as const,
    year: today ? Number(today.slice(0, 4)) : null,
    amount: null,
    currency,
    source: '',
  };
}
