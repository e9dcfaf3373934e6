import type { Page } from 'playwright-core';

export interface NewAccount {
  companyName: string;
  name: string;
  email: string;
  password: string;
}

/** /signup in zh-TW. */
export class SignupPage {
  constructor(private readonly page: Page) {}
  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/signup`);
    await this.page.getByRole('heading', { name: '建立帳號' }).waitFor();
  }
  async signUp(a: NewAccount): Promise<void> {
    await this.page.getByLabel('公司名稱').fill(a.companyName);
    await this.page.getByLabel('您的姓名').fill(a.name);
    await this.page.getByLabel('電子郵件').fill(a.email);
    await this.page.getByLabel('密碼').fill(a.password);
    await this.page.getByRole('button', { name: '註冊並建立公司' }).click();
  }
  /** The error shown under a field (antd Form.Item explain). */
  fieldError(label: string) {
    return this.page
      .locator('.ant-form-item', { has: this.page.getByLabel(label, { exact: true }) })
      .locator('.ant-form-item-explain-error');
  }
}

/** /login; labels depend on the language, so they are passed in. */
export class LoginPage {
  constructor(
    private readonly page: Page,
    private readonly labels = { email: '電子郵件', password: '密碼', submit: '登入' },
  ) {}
  async waitForIt(): Promise<void> {
    await this.page.getByLabel(this.labels.email).waitFor();
  }
  async logIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel(this.labels.email).fill(email);
    await this.page.getByLabel(this.labels.password).fill(password);
    await this.page.getByRole('button', { name: this.labels.submit, exact: true }).click();
  }
}

/** /invite/:token for someone without an account (zh-TW). */
export class InvitePage {
  constructor(private readonly page: Page) {}
  async open(link: string): Promise<string> {
    await this.page.goto(link);
    const company = this.page.getByTestId('invite-company');
    await company.waitFor();
    return (await company.textContent()) ?? '';
  }
  async createAccountAndJoin(name: string, password: string): Promise<void> {
    await this.page.getByLabel('您的姓名').fill(name);
    await this.page.getByLabel('密碼').fill(password);
    await this.page.getByRole('button', { name: '建立帳號並加入' }).click();
  }
}
