import { addDays, addMonths } from '../../core/calendar/periods.ts';
import {
  buildDemoCatalog,
  buildDemoMarketAnalysis,
  buildDemoMarketing,
  computeDemoHistoryPeriod,
  DEMO_COMPANY_NAME,
  DEMO_COMPANY_PROFILE,
  DEMO_SEED,
  DemoActivityTally,
  type DemoCatalog,
  type DemoMarketingRow,
  type DemoSalesLine,
  type DemoSatisfactionRow,
  generateDemoSales,
} from '../../core/demo/index.ts';
import type { GoalSpec } from '../../core/goals/types.ts';
import { nowIso } from '../access.ts';
import { createUser } from '../auth/accounts.ts';
import { createCompanyForUser } from '../company/companies.ts';
import { saveMarketAnalysis } from '../company/market.ts';
import { saveProfile } from '../company/profile.ts';
import { createGoal } from '../goals/goal-use-cases.ts';
import type { AppContext } from '../ports.ts';

export const DEMO_LOGIN = {
  email: 'demo@pacer.local',
  password: 'pacer-demo-2026',
  name: '示範店長',
} as const;

/** The demo's marketing figures and survey answers, known once its sales have streamed past. */
export interface DemoExtras {
  marketing: readonly DemoMarketingRow[];
  satisfaction: readonly DemoSatisfactionRow[];
}

/** Writes the demo's dimensions and its sales history in bulk (db/ implements it per dialect). */
export interface DemoHistoryWriter {
  hasAnyCompany(): Promise<boolean>;
  /**
   * Inserts categories, products, channels, regions, reps and customers, streams the lines, then
   * writes `extras()` (called once every line has been consumed).
   */
  writeHistory(
    companyId: string,
    catalog: DemoCatalog,
    lines: Iterable<DemoSalesLine>,
    onProgress: (linesWritten: number) => void,
    extras: () => DemoExtras,
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
  const tally = new DemoActivityTally();
  const written = await writer.writeHistory(
    company.id,
    catalog,
    tally.track(lines),
    opts.onProgress ?? (() => {}),
    () => buildDemoMarketing(tally, DEMO_SEED),
  );
  const objectiveId = (await ctx.repos.market.get(company.id))?.objectives[0]?.id ?? null;
  for (const spec of demoGoals(opts.today, objectiveId)) {
    await createGoal(ctx, actor, company.id, spec, 'zh-TW');
  }
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

/**
 * A few goals of the demo shop, written the way owners write them, from well-formed to vague, so the
 * goals page shows the grading at work (the grades come from the data, as for any company).
 */
function demoGoals(today: string, objectiveId: string | null): GoalSpec[] {
  const nextMonth = addMonths(`${today.slice(0, 7)}-01`, 1);
  const quarterEnd = addDays(addMonths(nextMonth, 3), -1);
  const halfEnd = addDays(addMonths(nextMonth, 6), -1);
  const base = { ownerUserId: null, extraTargets: [], notes: '' };
  return [
    {
      ...base,
      name: '線上商店營收成長 12%',
      statement: '未來三個月,透過 Google 與 Facebook 廣告及會員日活動,讓線上商店營收比去年同期成長12%。',
      metric: 'revenue',
      scope: { channel: ['線上商店'] },
      target: { metric: 'revenue', kind: 'percent_change', value: 12, per: null },
      period: { start: nextMonth, end: quarterEnd },
      objectiveId,
      strategies: ['Google 與 Facebook 廣告', '會員日活動'],
    },
    {
      ...base,
      name: '客單價提升至 NT$340',
      statement: '未來六個月,以加購烘焙點心與禮盒組合,把客單價提升到340元。',
      metric: 'aov',
      scope: {},
      target: { metric: 'aov', kind: 'absolute', value: 340, per: null },
      period: { start: nextMonth, end: halfEnd },
      objectiveId,
      strategies: ['加購烘焙點心', '禮盒組合'],
    },
    {
      ...base,
      name: '下個月營收翻倍',
      statement: '下個月營收翻倍。',
      metric: 'revenue',
      scope: {},
      target: { metric: 'revenue', kind: 'percent_change', value: 100, per: null },
      period: { start: nextMonth, end: addDays(addMonths(nextMonth, 1), -1) },
      objectiveId: null,
      strategies: [],
    },
  ];
}
