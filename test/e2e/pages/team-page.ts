import type { Page } from 'playwright-core';
import { chooseOption } from './antd.ts';

/** Team page, in English. */
export class TeamPage {
  constructor(private readonly page: Page) {}
  async waitForIt(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Team', level: 3 }).waitFor();
  }
  async invite(email: string, roleLabel: string): Promise<string> {
    await this.page.getByLabel('Email').fill(email);
    await chooseOption(this.page, this.page.getByLabel('Role'), roleLabel);
    await this.page.getByRole('button', { name: 'Create invitation link' }).click();
    const link = this.page.getByTestId('invitation-link');
    await link.waitFor();
    return ((await link.textContent()) ?? '').trim();
  }
  pendingRow(email: string) {
    return this.page.locator('.ant-table-row', { hasText: email });
  }
}
