import type { Page } from 'playwright-core';

/** The header and navigation around every logged-in page. */
export class AppShell {
  constructor(private readonly page: Page) {}
  companySwitcher() {
    return this.page.getByTestId('company-switcher');
  }
  async currentCompany(): Promise<string> {
    const text = await this.companySwitcher()
      .locator('.ant-select-content, .ant-select-selection-item')
      .first()
      .textContent();
    return text ?? '';
  }
  async switchLanguage(label: '中文' | 'EN'): Promise<void> {
    await this.page.locator('.ant-segmented-item', { hasText: label }).first().click();
  }
  async goTo(navLabel: string): Promise<void> {
    await this.page.getByRole('menuitem', { name: navLabel }).click();
  }
  async logOut(logoutLabel: string): Promise<void> {
    await this.page.getByTestId('user-menu').click();
    await this.page.getByRole('menuitem', { name: logoutLabel }).click();
  }
}
