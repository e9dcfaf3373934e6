import {
  buildDemoCatalog,
  buildDemoMarketAnalysis,
  computeDemoHistoryPeriod,
  DEMO_COMPANY_NAME,
  DEMO_COMPANY_PROFILE,
  DEMO_SEED,
  type DemoCatalog,
  type DemoSalesLine,
  generateDemoSales,
} from '../../core/demo/index.ts';
import { nowIso } from '../access.ts';
import { createUser } from '../auth/accounts.ts';
import { createCompanyForUser } from '../company/companies.ts';
import { saveMarketAnalysis } from '../company/market.ts';
import { saveProfile } from '../company/profile.ts';
import type { AppContext } from '../ports.ts';

export const DEMO_LOGIN = {
  email: 'demo@pacer.local',
  password: 'pacer-demo-2026',
  name: '示範店長',
} as const;

/** Writes the demo's dimensions and its sales history in bulk (db/ implements it per dialect). */
export interface DemoHistoryWriter {
  hasAnyCompany(): Promise<boolean>;
  /** Inserts categories, products, channels, regions, reps and customers, then streams the lines. */
  writeHistory(
    companyId: string,
    catalog: DemoCatalog,
    lines: Iterable<DemoSalesLine>,
    onProgress: (linesWritten: number) => void,
  ): Promise<number>;
}

export interface DemoSeedResult {
  companyId: string;
  lines: number;
  period: { start: string; end: string };
}

/**
 * Creates 「示範咖啡店」, the guide's coffee shop, with three years of generated history ending
 * yesterday (in Asia/Taipei), a demo owner login, its profile and market analysis.
 */
export async function seedDemoCompany(
  ctx: AppContext,
  writer: DemoHistoryWriter,
  opts: { today: string; scale?: number; onProgress?: (lines: number) => void },
): Promise<DemoSeedResult> {
  const existing = await ctx.repos.users.findByEmail(DEMO_LOGIN.email);
  const user = existing ?? (await createUser(ctx, { ...DEMO_LOGIN, locale: 'zh-TW' }));
  const company = await createCompanyForUser(ctx, user.id, DEMO_COMPANY_NAME);
  const actor = { userId: user.id, tokenCompanyId: null };
  await saveProfile(ctx, actor, company.id, { ...DEMO_COMPANY_PROFILE }, 0);
  const year = Number(opts.today.slice(0, 4));
  const market = buildDemoMarketAnalysis(year);
  await saveMarketAnalysis(
    ctx,
    actor,
    company.id,
    {
      positioning: market.positioning,
      marketSizes: market.marketSizes.map((s) => ({ ...s })),
      competitors: market.competitors.map((c) => ({ ...c })),
      swot: market.swot.map((s) => ({ ...s })),
      objectives: market.objectives.map((o) => ({ ...o })),
    },
    0,
  );
  const period = computeDemoHistoryPeriod(opts.today);
  const catalog = buildDemoCatalog(DEMO_SEED, period);
  const lines = generateDemoSales(catalog, { seed: DEMO_SEED, ...period, scale: opts.scale ?? 1 });
  const written = await writer.writeHistory(company.id, catalog, lines, opts.onProgress ?? (() => {}));
  await ctx.repos.audit.append(
    {
      companyId: company.id,
      userId: user.id,
      action: 'demo.seeded',
      entity: 'company',
      entityId: company.id,
      details: { lines: written, ...period },
    },
    nowIso(ctx),
  );
  return { companyId: company.id, lines: written, period };
}

/** Today's date in a time zone, as 'YYYY-MM-DD'. */
export function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
