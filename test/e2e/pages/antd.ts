import type { Locator, Page } from 'playwright-core';

/** Opens the antd Select labelled `label` and picks the option whose text is `option`. */
export async function chooseOption(page: Page, field: Locator, option: string | RegExp): Promise<void> {
  await field.click();
  const item = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
    hasText: option,
  });
  await item.first().click();
}

/** Waits for an antd message toast containing `text`. */
export async function expectToast(page: Page, text: string): Promise<void> {
  await page.locator('.ant-message-notice', { hasText: text }).first().waitFor({ state: 'visible' });
}
