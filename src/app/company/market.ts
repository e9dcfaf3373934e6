import { AppError } from '../../core/errors/app-error.ts';
import type { Currency } from '../../core/money/currency.ts';
import { fromMinorUnits, toMinorUnits } from '../../core/money/currency.ts';
import { type Actor, authorize, nowIso } from '../access.ts';
import type { AppContext } from '../ports.ts';
import { newId } from '../security/secrets.ts';
import type { CompetitorRecord, SwotRecord } from './ports.ts';

/** Market analysis as the API speaks it: amounts in currency units. */
export interface MarketAnalysisDto {
  positioning: string;
  marketSizes: {
    kind: 'TAM' | 'SAM' | 'SOM';
    year: number;
    amount: number;
    currency: Currency;
    source: string;
  }[];
  competitors: CompetitorRecord[];
  swot: SwotRecord[];
  objectives: { id: string; title: string; description: string }[];
  version: number;
  updatedAt: string | null;
}

export type MarketAnalysisInputDto = Omit<MarketAnalysisDto, 'version' | 'updatedAt' | 'objectives'> & {
  objectives: { id?: string | undefined; title: string; description: string }[];
};

export async function getMarketAnalysis(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
): Promise<MarketAnalysisDto> {
  await authorize(ctx, actor, companyId, 'market.read');
  const a = await ctx.repos.market.get(companyId);
  if (!a) throw new AppError('COMPANY_NOT_FOUND');
  return {
    ...a,
    marketSizes: a.marketSizes.map((s) => ({
      kind: s.kind,
      year: s.year,
      amount: fromMinorUnits(s.amountMinor, s.currency),
      currency: s.currency,
      source: s.source,
    })),
  };
}

/**
 * Replaces the market analysis (optimistic concurrency on `version`). Objectives keep their ids so
 * goals stay linked; an id this company does not own is treated as a new objective.
 */
export async function saveMarketAnalysis(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  input: MarketAnalysisInputDto,
  version: number,
): Promise<MarketAnalysisDto> {
  await authorize(ctx, actor, companyId, 'market.write');
  const before = await ctx.repos.market.get(companyId);
  if (!before) throw new AppError('COMPANY_NOT_FOUND');
  const knownIds = new Set(before.objectives.map((o) => o.id));
  const seen = new Set<string>();
  const objectives = input.objectives.map((o) => {
    const id = o.id && knownIds.has(o.id) && !seen.has(o.id) ? o.id : newId();
    seen.add(id);
    return { id, title: o.title, description: o.description };
  });
  const at = nowIso(ctx);
  const ok = await ctx.repos.market.save(
    companyId,
    {
      positioning: input.positioning,
      marketSizes: input.marketSizes.map((s) => ({
        kind: s.kind,
        year: s.year,
        amountMinor: toMinorUnits(s.amount, s.currency),
        currency: s.currency,
        source: s.source,
      })),
      competitors: input.competitors,
      swot: input.swot,
      objectives,
    },
    version,
    actor.userId,
    at,
  );
  if (!ok) throw new AppError('VERSION_CONFLICT');
  await ctx.repos.audit.append(
    {
      companyId,
      userId: actor.userId,
      action: 'market_analysis.saved',
      entity: 'market_analysis',
      entityId: companyId,
      details: {
        marketSizes: input.marketSizes.length,
        competitors: input.competitors.length,
        swot: input.swot.length,
        objectives: objectives.length,
      },
    },
    at,
  );
  return getMarketAnalysis(ctx, actor, companyId);
}
