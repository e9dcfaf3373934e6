import type { DemoAgeBand, DemoCategory, DemoChannel, DemoMemberTier, DemoRegion } from './types.ts';

export const DEMO_CATEGORIES: readonly DemoCategory[] = [
  { name: '咖啡' },
  { name: '茶飲' },
  { name: '烘焙點心' },
  { name: '禮盒' },
  { name: '季節限定' },
];

export const DEMO_CHANNELS: readonly DemoChannel[] = [
  { name: '門市', kind: 'store' },
  { name: '線上商店', kind: 'online' },
  { name: '外送平台', kind: 'delivery' },
];

export const DEMO_STORE_REGION = '台北市';

/** Regions with the share of members living there. */
export const DEMO_REGION_SHARES: readonly { readonly region: DemoRegion; readonly share: number }[] = [
  { region: { name: '台北市' }, share: 0.45 },
  { region: { name: '新北市' }, share: 0.3 },
  { region: { name: '桃園市' }, share: 0.08 },
  { region: { name: '台中市' }, share: 0.06 },
  { region: { name: '高雄市' }, share: 0.05 },
  { region: { name: '其他' }, share: 0.06 },
];

export const DEMO_AGE_BAND_SHARES: readonly { readonly band: DemoAgeBand; readonly share: number }[] = [
  { band: '18-24', share: 0.18 },
  { band: '25-34', share: 0.34 },
  { band: '35-44', share: 0.25 },
  { band: '45-54', share: 0.14 },
  { band: '55+', share: 0.09 },
];

export const DEMO_TIER_SHARES: readonly { readonly tier: DemoMemberTier; readonly share: number }[] = [
  { tier: '一般', share: 0.7 },
  { tier: '銀卡', share: 0.22 },
  { tier: '金卡', share: 0.08 },
];
