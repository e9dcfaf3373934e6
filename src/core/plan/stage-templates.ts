/**
 * The guide's table of phase goals by company stage (拆解銷售目標:階段性策略): three phases —
 * the first 3 months, months 3–6, months 6–12 — each with its phase goal and the KPIs that measure
 * it. Targets come from the company's own data (the recommended range of the SMART grading), chosen
 * by `suggestStageTarget` (stage-targets.ts); each KPI's `target` says the unit its target is in.
 * The titles are the company profile's stage names (web i18n `stages.<stage>.label`), and no
 * sentence shown to a user keeps the guide's blanks (X %, Y %): the figures are the goals' targets.
 */
import { addDays, addMonths, type DateRange } from '../calendar/dates.ts';
import type { KpiMetric } from '../kpi/types.ts';

export const COMPANY_STAGES = ['startup', 'growth', 'mature'] as const;
export type CompanyStage = (typeof COMPANY_STAGES)[number];

/** The profile's stage names → the plan's. */
export function stageFromProfile(stage: 'startup' | 'fast_growth' | 'mature'): CompanyStage {
  return stage === 'fast_growth' ? 'growth' : stage;
}

/**
 * What a KPI's target is: a level or total of the metric in its own unit (`level`), a change in %
 * from the company's baseline (`growth`: the KPI is a growth rate), or left to the user (`user`:
 * no metric measures it, e.g. new products' revenue, so any suggested number would be wrong).
 */
export type StageTargetKind = 'level' | 'growth' | 'user';

export interface StageGoalTemplate {
  metric: KpiMetric;
  /** The guide's words for the KPI. */
  kpiZh: string;
  kpiEn: string;
  /** Default `level`. */
  target?: StageTargetKind;
}

export interface StagePhaseTemplate {
  /** Months from the plan's start: [from, to). */
  months: readonly [number, number];
  nameZh: string;
  nameEn: string;
  goalZh: string;
  goalEn: string;
  goals: readonly StageGoalTemplate[];
}

export interface StageTemplate {
  stage: CompanyStage;
  titleZh: string;
  titleEn: string;
  phases: readonly [StagePhaseTemplate, StagePhaseTemplate, StagePhaseTemplate];
}

const PHASE_NAMES = [
  { zh: '第一階段(前3個月)', en: 'Phase 1 (first 3 months)', months: [0, 3] as const },
  { zh: '第二階段(3–6個月)', en: 'Phase 2 (months 3–6)', months: [3, 6] as const },
  { zh: '第三階段(6–12個月)', en: 'Phase 3 (months 6–12)', months: [6, 12] as const },
];

function phase(
  i: 0 | 1 | 2,
  goalZh: string,
  goalEn: string,
  goals: readonly StageGoalTemplate[],
): StagePhaseTemplate {
  const n = PHASE_NAMES[i] ?? { zh: '', en: '', months: [0, 3] as const };
  return { months: n.months, nameZh: n.zh, nameEn: n.en, goalZh, goalEn, goals };
}

export const STAGE_TEMPLATES: Readonly<Record<CompanyStage, StageTemplate>> = {
  startup: {
    stage: 'startup',
    titleZh: '初創企業:穩步打基礎',
    titleEn: 'Startup: build the foundation',
    phases: [
      phase(
        0,
        '獲得特定數量的高質量客戶,收集客戶反饋,用於產品改進和市場策略調整。',
        'Win a set number of quality first customers and collect their feedback to improve the product and strategy.',
        [
          { metric: 'new_customers', kpiZh: '首批客戶數', kpiEn: 'first customers' },
          { metric: 'csat', kpiZh: '客戶滿意度', kpiEn: 'customer satisfaction' },
          { metric: 'cac', kpiZh: '客戶獲取成本', kpiEn: 'customer acquisition cost' },
        ],
      ),
      phase(
        1,
        '擴大客戶群體,提升客戶留存率,建立初步的品牌知名度。提升銷售額,並提高客戶滿意度(各項目標值見下表)。',
        'Grow the customer base, raise retention, build first brand awareness: more sales and higher satisfaction (the targets are below).',
        [
          { metric: 'revenue', kpiZh: '銷售額增長率', kpiEn: 'sales growth', target: 'growth' },
          { metric: 'retention_rate', kpiZh: '客戶留存率', kpiEn: 'retention rate' },
          { metric: 'csat', kpiZh: '客戶滿意度', kpiEn: 'customer satisfaction' },
        ],
      ),
      phase(
        2,
        '優化銷售流程,提高銷售效率,探索新的銷售渠道(例如線上銷售平台)。提升每位銷售人員的平均銷售額。',
        'Streamline selling, raise sales efficiency, open new channels (e.g. online): more revenue per rep.',
        [
          {
            metric: 'revenue_per_rep',
            kpiZh: '銷售效率(每位業務平均銷售額)',
            kpiEn: 'sales efficiency (revenue per rep)',
          },
          { metric: 'revenue', kpiZh: '銷售額', kpiEn: 'revenue' },
          { metric: 'new_channel_revenue', kpiZh: '新銷售渠道拓展情況', kpiEn: 'new-channel revenue' },
        ],
      ),
    ],
  },
  growth: {
    stage: 'growth',
    titleZh: '快速成長型:加速擴張',
    titleEn: 'Fast-growth: accelerate expansion',
    phases: [
      phase(
        0,
        '深耕現有市場,提升市場滲透率。提升現有客戶的平均消費額,或者拓展現有市場的覆蓋範圍。',
        'Deepen the existing market: raise average spend per order, reach more of it.',
        [
          { metric: 'aov', kpiZh: '平均消費額', kpiEn: 'average order value' },
          { metric: 'customers', kpiZh: '市場覆蓋(活躍客戶數)', kpiEn: 'market coverage (active customers)' },
        ],
      ),
      phase(
        1,
        '開拓新市場,擴大銷售網絡。進入新的地區市場,或者與新的經銷商合作。',
        'Open new markets and widen the sales network: new regions, new distributors.',
        [
          { metric: 'new_channel_revenue', kpiZh: '新市場拓展情況', kpiEn: 'new-market revenue' },
          { metric: 'new_customers', kpiZh: '新客戶數', kpiEn: 'new customers' },
        ],
      ),
      phase(
        2,
        '提升品牌影響力,提升市場佔有率。提升品牌知名度,或者在目標市場佔據更高的市場份額。',
        'Raise brand influence and market share.',
        [
          { metric: 'market_share', kpiZh: '市場佔有率', kpiEn: 'market share' },
          { metric: 'revenue', kpiZh: '銷售額', kpiEn: 'revenue' },
        ],
      ),
    ],
  },
  mature: {
    stage: 'mature',
    titleZh: '成熟企業:維持領先',
    titleEn: 'Mature: stay ahead',
    phases: [
      phase(
        0,
        '提升客戶忠誠度,增加客戶生命週期價值。提高客戶留存率,或者推出客戶忠誠度計劃。',
        'Raise loyalty and customer lifetime value: better retention, a loyalty programme.',
        [
          { metric: 'retention_rate', kpiZh: '客戶留存率', kpiEn: 'retention rate' },
          { metric: 'clv', kpiZh: '客戶生命週期價值', kpiEn: 'customer lifetime value' },
        ],
      ),
      phase(
        1,
        '開發新產品/服務,拓展產品線。推出新的產品或服務,並實現一定的銷售額。',
        'Develop new products or services and reach a set revenue with them.',
        [
          // No KPI measures new products' revenue (the revenue KPI is the whole shop's): the user sets it.
          { metric: 'revenue', kpiZh: '新產品銷售額', kpiEn: 'new-product revenue', target: 'user' },
          { metric: 'repeat_purchase_rate', kpiZh: '產品線拓展情況(回購率)', kpiEn: 'repeat purchase rate' },
        ],
      ),
      phase(
        2,
        '提升品牌形象,增強市場影響力。提升品牌認知度,或者參與行業盛事,提升品牌影響力。',
        'Strengthen the brand and market influence.',
        [
          { metric: 'nps', kpiZh: '品牌認知度(淨推薦值)', kpiEn: 'brand (net promoter score)' },
          { metric: 'market_share', kpiZh: '品牌影響力(市場佔有率)', kpiEn: 'market share' },
        ],
      ),
    ],
  },
};

/** A phase's dates from the plan's start. */
export function phasePeriod(start: string, p: StagePhaseTemplate): DateRange {
  return { start: addMonths(start, p.months[0]), end: addDays(addMonths(start, p.months[1]), -1) };
}
