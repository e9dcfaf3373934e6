import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server.ts';
import { AppShell } from './pages/app-shell.ts';
import { InvitePage, LoginPage, SignupPage } from './pages/auth-pages.ts';
import { launchChromium, screenshot, watchProblems } from './pages/browser.ts';
import { GoalListPage } from './pages/goals-page.ts';
import { MarketPage } from './pages/market-page.ts';
import { ProfilePage } from './pages/profile-page.ts';
import { TeamPage } from './pages/team-page.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

describe('foundation: sign up, profile, languages, invitation, demo company', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    // the real server: API + the built web app (dist/web), fresh SQLite with the demo company
    server = await startTestServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Script errors and console errors (CSP violations, React errors); failed requests are expected (401, 409). */
  const problems: string[] = [];
  const watch = (page: Page) => watchProblems(page, problems);

  const shot = screenshot;

  it('shows a first-time visitor the login page with a clean console and the favicon', async () => {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      // Every console error counts here, failed requests too ("Failed to load resource": a 401).
      const context = await browser.newContext({ locale: 'zh-TW', viewport });
      const page = await context.newPage();
      const errors: string[] = [];
      const failed: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('response', (r) => {
        if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      });
      await page.goto(`${server.url}/`);
      await page.waitForURL(/\/login/);
      await new LoginPage(page).waitForIt();
      await page.waitForLoadState('networkidle');
      expect(failed).toEqual([]);
      expect(errors).toEqual([]);
      // The tab's icon: the page links the SVG, which the server answers as an image.
      expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/favicon.svg');
      const icon = await page.request.get(`${server.url}/favicon.svg`);
      expect(icon.status()).toBe(200);
      expect(icon.headers()['content-type']).toMatch(/^image\/svg\+xml/);
      expect(await icon.text()).toContain('<svg');
      await context.close();
    }
  });

  it('runs the main flow end to end in Chromium', async ({ onTestFailed }) => {
    const stamp = Date.now().toString(36);
    const owner = {
      companyName: '晨光烘焙坊',
      name: '林小姐',
      email: `owner-${stamp}@example.com`,
      password: 'Sunrise-bakery-2026',
    };
    const teammateEmail = `rep-${stamp}@example.com`;

    const context = await browser.newContext({ locale: 'zh-TW', viewport: { width: 1280, height: 900 } });
    context.on('page', watch);
    const page = await context.newPage();
    onTestFailed(async () => {
      await shot(page, 'failure');
    });
    const shell = new AppShell(page);

    // 1. Sign up: creates the company with the new user as its owner, lands on the profile.
    const signup = new SignupPage(page);
    await signup.open(server.url);
    await shot(page, '01-signup');
    // A common password is refused by the server; the reason shows under the password field.
    await signup.signUp({ ...owner, password: 'password123' });
    await signup.fieldError('密碼').filter({ hasText: '太常見' }).waitFor();
    await shot(page, '01b-signup-weak-password');
    await signup.signUp(owner);
    const profile = new ProfilePage(page);
    await profile.waitForIt();
    expect(await shell.currentCompany()).toContain(owner.companyName);

    // 2. Fill in the company profile in zh-TW and save; it is still there after a reload.
    await profile.fill({
      stageLabel: '快速成長型:加速擴張',
      industry: '烘焙餐飲',
      currency: 'HKD',
      fiscalMonth: '4月',
      timeZone: 'Asia/Hong_Kong',
      description: '自家烘焙麵包與咖啡,主要客群為上班族。',
    });
    await profile.save();
    await shot(page, '02-profile-saved-zh');
    await page.reload();
    await profile.waitForIt();
    expect(await profile.industry()).toBe('烘焙餐飲');
    expect(
      await page
        .getByLabel('幣別')
        .locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')
        .textContent(),
    ).toContain('HKD');

    // Two tabs edit the profile: the second save gets the conflict warning and reloads the first's.
    const other = await context.newPage();
    const otherProfile = new ProfilePage(other);
    await other.goto(`${server.url}/profile`);
    await otherProfile.waitForIt();
    await otherProfile.setIndustry('烘焙與咖啡');
    await otherProfile.save();
    await profile.setIndustry('麵包店');
    const reload = await profile.saveExpectingConflict();
    await shot(page, '02a-profile-conflict');
    await reload.click();
    await page.getByLabel('產業').and(page.locator('[value="烘焙與咖啡"]')).waitFor();
    await other.close();

    // The market analysis: positioning, a market size, a SWOT strength, an objective.
    await shell.goTo('市場分析');
    const market = new MarketPage(page);
    await market.waitForIt();
    await market.setPositioning('專注上班族的高品質早餐市場');
    await market.addMarketSize('1500000', '商圈調查 2026');
    await market.addStrength('每日現烤');
    await market.addObjective('成為商圈早餐首選');
    await market.save();
    expect(await market.summary().textContent()).toContain('HK$1,500,000');
    await shot(page, '02b-market-saved-zh');
    await shell.goTo('公司概況');
    await profile.waitForIt();

    // 3. Switch to English: labels follow, and the choice is remembered after a reload.
    await shell.switchLanguage('EN');
    await profile.waitForIt('Company profile');
    expect(await page.getByLabel('Industry').inputValue()).toBe('烘焙與咖啡');
    await page.getByText('Fast-growth: accelerate expansion').waitFor();
    await shot(page, '03-profile-en');
    await page.reload();
    await profile.waitForIt('Company profile');

    // 4. Invite a teammate and read the link.
    await shell.goTo('Team');
    const team = new TeamPage(page);
    await team.waitForIt();
    const link = await team.invite(teammateEmail, 'Member');
    expect(link).toMatch(/\/invite\/[^/\s]+$/);
    await team.pendingRow(teammateEmail).waitFor();
    await shot(page, '04-team-invited');

    // 5. The teammate opens the link in another browser (a phone), creates an account and joins.
    const phone = await browser.newContext({
      locale: 'zh-TW',
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    const phonePage = await phone.newPage();
    const invite = new InvitePage(phonePage);
    expect(await invite.open(link)).toBe(owner.companyName);
    await shot(phonePage, '05-invite-phone');
    expect(await phonePage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await invite.createAccountAndJoin('陳業務', 'Teammate-pass-2026');
    // Joining lands on the goals, not on a settings form.
    await new GoalListPage(phonePage).waitForIt();
    expect(new URL(phonePage.url()).pathname).toBe('/goals');
    const phoneShell = new AppShell(phonePage);
    expect(await phoneShell.currentCompany()).toContain(owner.companyName);
    // A member sees the profile read-only, and the navigation opens as a drawer on a phone.
    await phonePage.goto(`${server.url}/profile`);
    await new ProfilePage(phonePage).waitForIt();
    await phonePage.getByText('您的角色只能檢視這一頁').waitFor();
    await phonePage.getByRole('button', { name: '開啟選單' }).click();
    // trial click: waits until the drawer has finished sliding in (stable), without navigating
    await phonePage.getByRole('menuitem', { name: '團隊成員' }).click({ trial: true });
    expect(await phonePage.getByRole('menuitem', { name: 'API 金鑰' }).count()).toBe(0);
    await shot(phonePage, '06-phone-drawer');
    expect(await phonePage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.close();

    // The owner now sees the teammate among the members.
    await page.reload();
    await team.waitForIt();
    await page.locator('.ant-table-row', { hasText: teammateEmail }).waitFor();

    // 6. Log out, then log in to the demo company: the login page is in the English chosen in this
    // browser, and after login the app stays English (the demo account's Chinese does not take over)
    // and opens on the goals.
    await shell.logOut('Log out');
    const login = new LoginPage(page, { email: 'Email', password: 'Password', submit: 'Log in' });
    await login.waitForIt();
    await login.logIn('demo@pacer.local', 'pacer-demo-2026');
    await page.getByTestId('company-switcher').waitFor();
    expect(await shell.currentCompany()).toContain('示範咖啡店');
    await new GoalListPage(page).waitForIt('Sales goals');
    expect(new URL(page.url()).pathname).toBe('/goals');
    await shot(page, '07-demo-company');
    await shell.goTo('Market analysis');
    await page.getByRole('heading', { name: 'Market analysis', level: 3 }).waitFor();
    await page.locator('form#market').waitFor();
    await shot(page, '08-demo-market');
    await context.close();

    // The language chosen in step 3 was saved to the owner's account: a fresh browser follows it.
    const fresh = await browser.newContext({ locale: 'zh-TW', viewport: { width: 1280, height: 900 } });
    fresh.on('page', watch);
    const freshPage = await fresh.newPage();
    await freshPage.goto(`${server.url}/login`);
    const freshLogin = new LoginPage(freshPage);
    await freshLogin.waitForIt();
    await freshLogin.logIn(owner.email, owner.password);
    await new GoalListPage(freshPage).waitForIt('Sales goals');
    await fresh.close();

    // The teammate (who joined in Chinese) picks English on the login page of a new browser: the app
    // stays English after login, and the choice is saved to the account (another new browser follows it).
    for (const choose of [true, false]) {
      const ctx = await browser.newContext({ locale: 'zh-TW', viewport: { width: 1280, height: 900 } });
      ctx.on('page', watch);
      const p = await ctx.newPage();
      await p.goto(`${server.url}/login`);
      await new LoginPage(p).waitForIt();
      let teammateLogin = new LoginPage(p);
      if (choose) {
        await new AppShell(p).switchLanguage('EN');
        teammateLogin = new LoginPage(p, { email: 'Email', password: 'Password', submit: 'Log in' });
        await teammateLogin.waitForIt();
      }
      await teammateLogin.logIn(teammateEmail, 'Teammate-pass-2026');
      await new GoalListPage(p).waitForIt('Sales goals');
      await p.reload();
      await new GoalListPage(p).waitForIt('Sales goals');
      await ctx.close();
    }

    expect(problems).toEqual([]);
  });
});
