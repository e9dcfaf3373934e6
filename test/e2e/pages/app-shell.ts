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
  /** Logs out and waits for the login page (a click on a menu still opening can be lost: try again). */
  async logOut(logoutLabel: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const item = this.page.getByRole('menuitem', { name: logoutLabel });
      if (!(await item.isVisible())) await this.page.getByTestId('user-menu').click();
      await item.click();
      try {
        await this.page.waitForURL(/\/login/, { timeout: 10_000 });
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  }
}
