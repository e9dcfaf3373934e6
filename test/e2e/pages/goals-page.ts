import type { Locator, Page } from 'playwright-core';
import { chooseOption } from './antd.ts';

type Letter = 'specific' | 'measurable' | 'achievable' | 'relevant' | 'time_bound';

/** /goals: the goal list (table on wide screens, cards on phones). */
export class GoalListPage {
  constructor(private readonly page: Page) {}
  async waitForIt(title = '銷售目標'): Promise<void> {
    await this.page.getByRole('heading', { name: title, level: 3 }).waitFor();
  }
  async newGoal(label = '新增目標'): Promise<void> {
    await this.page.getByRole('button', { name: label }).click();
  }
  /** The table row (or phone card) of the goal whose name contains `name`. */
  goal(name: string): Locator {
    return this.page
      .locator('[data-testid="goal-table"] tr.ant-table-row, [data-testid="goal-cards"] section')
      .filter({ hasText: name })
      .first();
  }
  async grade(row: Locator, letter: Letter): Promise<string | null> {
    return row.locator(`[data-testid="smart-tags"] [data-letter="${letter}"]`).getAttribute('data-grade');
  }
  async open(row: Locator): Promise<void> {
    await row.locator('a').first().click();
  }
}

/** /goals/new and /goals/:id: the sentence, the form, the SMART panel and the achievability card. */
export class GoalWizardPage {
  constructor(private readonly page: Page) {}
  async waitForIt(): Promise<void> {
    await this.page.getByTestId('goal-statement').waitFor();
  }
  async writeSentence(text: string): Promise<void> {
    const box = this.page.getByTestId('goal-statement');
    await box.click();
    // the first part pasted, the rest typed: the reader runs once typing pauses
    const cut = Math.max(0, text.length - 12);
    await box.fill(text.slice(0, cut));
    await box.pressSequentially(text.slice(cut));
  }
  /** The text shown by the form field whose control has id `goal_<field>`. */
  async fieldText(field: string): Promise<string> {
    return (await this.formItem(field).locator('.ant-form-item-control').textContent()) ?? '';
  }
  formItem(field: string): Locator {
    return this.page.locator('.ant-form-item').filter({ has: this.page.locator(`#goal_${field}`) });
  }
  /** The period's two dates as shown by the RangePicker. */
  async period(): Promise<[string, string]> {
    const inputs = this.formItem('period').locator('input');
    return [await inputs.nth(0).inputValue(), await inputs.nth(1).inputValue()];
  }
  async chooseObjective(title: string): Promise<void> {
    await chooseOption(this.page, this.formItem('objectiveId').locator('.ant-select'), title);
  }
  letterGrade(letter: Letter): Promise<string | null> {
    return this.page.getByTestId(`smart-letter-${letter}`).getAttribute('data-grade');
  }
  smartPanel(): Locator {
    return this.page.getByTestId('smart-panel');
  }
  /** How the achievability card reads the target: a period total (with a monthly figure) or a level. */
  async targetAsRead(): Promise<string> {
    const el = this.page.getByTestId('target-as-read');
    return (await el.count()) ? ((await el.textContent()) ?? '') : '';
  }
  verdict(): Locator {
    return this.page.getByTestId('achievability-verdict');
  }
  /** The history + forecast chart once ECharts has drawn it. */
  chart(): Locator {
    return this.page.locator('[data-testid="goal-forecast-chart"][data-rendered="true"] canvas');
  }
  /** Resolves when no parse or grade request is pending. */
  async settled(): Promise<void> {
    await this.page.getByTestId('goal-busy').waitFor({ state: 'detached' });
  }
  async save(): Promise<void> {
    await this.page.getByTestId('goal-save').click();
  }
  history(): Locator {
    return this.page.getByTestId('goal-history');
  }
}
