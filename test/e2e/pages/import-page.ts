import type { Page } from 'playwright-core';
import { chooseOption } from './antd.ts';

/** /imports: the import wizard (zh-TW). */
export class ImportWizardPage {
  constructor(private readonly page: Page) {}
  async waitForIt(): Promise<void> {
    await this.page.getByRole('heading', { name: '資料匯入', level: 3 }).waitFor();
  }
  async chooseKind(label: '銷售明細' | '行銷成效' | '客戶滿意度'): Promise<void> {
    await this.page.getByRole('radio', { name: new RegExp(label) }).check();
  }
  async upload(path: string): Promise<void> {
    await this.page.locator('.ant-upload input[type=file]').setInputFiles(path);
    await this.page.getByTestId('upload-facts').waitFor();
  }
  detectedEncoding() {
    return this.page.getByTestId('detected-encoding');
  }
  async next(): Promise<void> {
    await this.page.getByRole('button', { name: '下一步' }).click();
    await this.page.getByTestId('mapping-table').waitFor();
  }
  /** Picks the file's column for a Pacer field in the mapping table. */
  async mapField(fieldLabel: string, header: string): Promise<void> {
    // type to filter first: the option list is virtual, so a header far down may not be rendered yet
    const field = this.page.getByLabel(`${fieldLabel} 對應的欄位`, { exact: true });
    await field.click();
    await field.fill(header);
    await this.page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: header,
      })
      .first()
      .click();
  }
  /** The text shown in the mapping Select of a field. */
  mappedColumn(fieldLabel: string) {
    return this.page
      .getByLabel(`${fieldLabel} 對應的欄位`, { exact: true })
      .locator('xpath=ancestor::div[contains(@class,"ant-select")][1]');
  }
  problemCells() {
    return this.page.getByTestId('preview-table').locator('.import-problem-cell');
  }
  async commit(): Promise<void> {
    await this.page.getByRole('button', { name: '開始匯入' }).click();
  }
  progressBar() {
    return this.page.getByTestId('import-progress').locator('.ant-progress');
  }
  result() {
    return this.page.getByTestId('import-result');
  }
  async resultCount(which: 'added' | 'duplicates' | 'rejected'): Promise<number> {
    const text = (await this.page.getByTestId(`result-${which}`).locator('div').last().textContent()) ?? '';
    return Number(text.replace(/[^\d]/g, ''));
  }
  errorReportLink() {
    return this.page.getByTestId('error-report-csv');
  }
}

/** /kpi: the KPI explorer (zh-TW). */
export class KpiExplorerPage {
  constructor(private readonly page: Page) {}
  async waitForIt(): Promise<void> {
    await this.page.getByRole('heading', { name: 'KPI 指標', level: 3 }).waitFor();
  }
  /** The trend chart once ECharts has drawn it. */
  trendChart() {
    return this.page.locator('[data-testid="kpi-trend-chart"][data-rendered="true"] canvas');
  }
  breakdownChart() {
    return this.page.locator('[data-testid="kpi-breakdown-chart"][data-rendered="true"] canvas');
  }
  glossary() {
    return this.page.getByTestId('kpi-glossary');
  }
  async breakDownBy(label: string): Promise<void> {
    await chooseOption(this.page, this.page.getByLabel('拆分方式', { exact: true }), label);
  }
}

/** /catalog: products, categories, channels, reps and regions (zh-TW). */
export class CatalogPage {
  constructor(private readonly page: Page) {}
  async waitForIt(): Promise<void> {
    await this.page.getByRole('heading', { name: '品項與通路', level: 3 }).waitFor();
  }
  async openTab(label: string): Promise<void> {
    await this.page.getByRole('tab', { name: label }).click();
  }
  row(name: string) {
    return this.page.locator('.ant-table-row').filter({
      has: this.page.getByText(name, { exact: true }),
    });
  }
  /** Opens the merge dialog of `from`, picks `into`; returns the dialog for checks before confirming. */
  async startMerge(from: string, into: string) {
    await this.row(from).getByRole('button', { name: '合併到…' }).click();
    const dialog = this.page.getByRole('dialog');
    await chooseOption(this.page, dialog.getByLabel('選擇要合併到哪一項'), into);
    return dialog;
  }
}
