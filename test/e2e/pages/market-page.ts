import type { Page } from 'playwright-core';
import { expectToast } from './antd.ts';

/** Market analysis editor, in zh-TW. */
export class MarketPage {
  constructor(private readonly page: Page) {}
  async waitForIt(): Promise<void> {
    await this.page.getByRole('heading', { name: '市場分析', level: 3 }).waitFor();
    await this.page.locator('form#market').waitFor();
  }
  async setPositioning(text: string): Promise<void> {
    await this.page.locator('#market_positioning').fill(text);
  }
  /** Adds a market-size row (kind stays TAM, currency the company's) with its amount and source. */
  async addMarketSize(amount: string, source: string): Promise<void> {
    await this.page.getByRole('button', { name: '新增市場規模' }).click();
    await this.page.locator('#market_marketSizes_0_amount').fill(amount);
    await this.page.locator('#market_marketSizes_0_source').fill(source);
  }
  async addStrength(text: string): Promise<void> {
    const quadrant = this.page.locator('div', { hasText: /^優勢 Strengths/ }).last();
    await quadrant.getByRole('button', { name: '新增' }).click();
    await this.page.locator('#market_swot_strength_0_text').fill(text);
  }
  async addObjective(title: string): Promise<void> {
    await this.page.getByRole('button', { name: '新增策略目標' }).click();
    await this.page.locator('#market_objectives_0_title').fill(title);
  }
  async save(): Promise<void> {
    await this.page.getByRole('button', { name: '儲存', exact: true }).click();
    await expectToast(this.page, '市場分析已儲存');
  }
  summary() {
    return this.page.getByText(/TAM \d{4}: /);
  }
}
