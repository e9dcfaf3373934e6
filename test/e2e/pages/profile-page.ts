import type { Page } from 'playwright-core';
import { chooseOption, expectToast } from './antd.ts';

export interface ProfileInputZh {
  stageLabel: string;
  industry: string;
  currency: string;
  fiscalMonth: string;
  timeZone: string;
  description: string;
}

/** Company profile page, in zh-TW. */
export class ProfilePage {
  constructor(private readonly page: Page) {}
  async waitForIt(title = '公司概況'): Promise<void> {
    await this.page.getByRole('heading', { name: title, level: 3 }).waitFor();
    await this.page.locator('form#profile').waitFor();
  }
  async fill(p: ProfileInputZh): Promise<void> {
    await this.page.getByText(p.stageLabel).click();
    await this.page.getByLabel('產業').fill(p.industry);
    await chooseOption(this.page, this.page.getByLabel('幣別'), p.currency);
    await chooseOption(this.page, this.page.getByLabel('會計年度起始月'), p.fiscalMonth);
    await chooseOption(this.page, this.page.getByLabel('時區'), p.timeZone);
    await this.page.getByLabel('公司簡介').fill(p.description);
  }
  async save(): Promise<void> {
    await this.page.getByRole('button', { name: '儲存', exact: true }).click();
    await expectToast(this.page, '公司概況已儲存');
  }
  /** Saves and expects the "someone else changed this" warning (409); returns its reload button. */
  async saveExpectingConflict() {
    await this.page.getByRole('button', { name: '儲存', exact: true }).click();
    const alert = this.page.locator('.ant-alert', { hasText: '其他人剛剛也修改了這份資料' });
    await alert.waitFor();
    return alert.getByRole('button', { name: '重新載入最新版本' });
  }
  async setIndustry(value: string): Promise<void> {
    await this.page.getByLabel('產業').fill(value);
  }
  async industry(label = '產業'): Promise<string> {
    return this.page.getByLabel(label).inputValue();
  }
}
