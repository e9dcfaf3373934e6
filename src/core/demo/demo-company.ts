import { civilFromDays, daysFromCivil, fromDayNumber, toDayNumber } from '../calendar/index.ts';

export const DEMO_COMPANY_NAME = '示範咖啡店';

/** The seed the demo company is generated with. */
export const DEMO_SEED = 20_240_101;

/** The guide's coffee-shop goal, word for word (sales-goals-guide.zh-TW, SMART example). */
export const DEMO_GOAL_STATEMENT =
  '在接下來的3個月內,通過推出季節限定飲品和提升顧客忠誠度計劃,將平均每日銷售額提升15%,達到每日銷售額1500元。';

/** The demo company's profile (shape of the profile contract's input). */
export const DEMO_COMPANY_PROFILE = {
  stage: 'fast_growth',
  industry: '咖啡餐飲',
  currency: 'TWD',
  fiscalYearStartMonth: 1,
  timeZone: 'Asia/Taipei',
  description:
    '台北市的社區精品咖啡店(示範資料):門市、線上商店與外送平台三個通路,販售咖啡、茶飲、烘焙點心、季節限定飲品與節慶禮盒,並經營會員制度。',
} as const;

/** The three years of history ending the day before `today` ('YYYY-MM-DD'). */
export function computeDemoHistoryPeriod(today: string): { readonly start: string; readonly end: string } {
  const todayNumber = toDayNumber(today);
  const { year, month, day } = civilFromDays(todayNumber);
  const start = daysFromCivil(year - 3, month, month === 2 && day === 29 ? 28 : day);
  return { start: fromDayNumber(start), end: fromDayNumber(todayNumber - 1) };
}
