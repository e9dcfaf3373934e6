import { describe, expect, it } from 'vitest';
import { marketAnalysisInputSchema } from '../../../src/contract/market.ts';
import { profileInputSchema } from '../../../src/contract/profile.ts';
import {
  buildDemoMarketAnalysis,
  DEMO_COMPANY_NAME,
  DEMO_COMPANY_PROFILE,
  DEMO_GOAL_STATEMENT,
} from '../../../src/core/demo/index.ts';

describe('the demo company', () => {
  it('carries the guide’s coffee-shop goal', () => {
    expect(DEMO_COMPANY_NAME).toBe('示範咖啡店');
    expect(DEMO_GOAL_STATEMENT).toContain('在接下來的3個月內');
    expect(DEMO_GOAL_STATEMENT).toContain('將平均每日銷售額提升15%,達到每日銷售額1500元');
  });

  it('has a profile and a market analysis the contract accepts', () => {
    expect(profileInputSchema.parse(DEMO_COMPANY_PROFILE)).toMatchObject({
      stage: 'fast_growth',
      currency: 'TWD',
    });
    const analysis = marketAnalysisInputSchema.parse(buildDemoMarketAnalysis(2026));
    expect(analysis.marketSizes.map((m) => m.kind)).toEqual(['TAM', 'SAM', 'SOM']);
    for (const m of analysis.marketSizes) expect(m.source).toContain('示範資料');
    expect(analysis.competitors).toHaveLength(3);
    expect(analysis.objectives).toHaveLength(3);
    expect(new Set(analysis.swot.map((s) => s.kind)).size).toBe(4);
  });
});
