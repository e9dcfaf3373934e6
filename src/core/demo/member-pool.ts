import { toDayNumber } from '../calendar/index.ts';
import { deriveSeed, SeededRandom } from './seeded-random.ts';
import type { DemoCustomer, DemoMemberTier } from './types.ts';

const TIER_LOYALTY: Readonly<Record<DemoMemberTier, number>> = { 一般: 1, 銀卡: 2.2, 金卡: 4 };
const TIER_LIFETIME_DAYS: Readonly<Record<DemoMemberTier, number>> = { 一般: 260, 銀卡: 480, 金卡: 900 };

/**
 * Who among the members buys: each member has a loyalty and a lifetime (drawn from the seed); the chance
 * to come back decays with the time since first seen and nearly vanishes after the lifetime (churn).
 */
export class MemberPool {
  readonly codes: readonly string[];
  readonly regions: readonly string[];
  private readonly firstSeen: Int32Array;
  private readonly loyalty: Float64Array;
  private readonly lifetime: Float64Array;
  private readonly cumulative: Float64Array;
  private active = 0;

  /** `members` must be sorted by first-seen date (the catalog's order). */
  constructor(members: readonly DemoCustomer[], seed: number) {
    const n = members.length;
    this.codes = members.map((m) => m.code);
    this.regions = members.map((m) => m.region);
    this.firstSeen = new Int32Array(n);
    this.loyalty = new Float64Array(n);
    this.lifetime = new Float64Array(n);
    this.cumulative = new Float64Array(n);
    const random = new SeededRandom(deriveSeed(seed, 0x3e3b));
    members.forEach((m, i) => {
      const tier = m.memberTier ?? '一般';
      this.firstSeen[i] = toDayNumber(m.firstSeenOn);
      this.loyalty[i] = TIER_LOYALTY[tier] * Math.exp(0.6 * random.normal());
      this.lifetime[i] = -Math.log(1 - random.next()) * TIER_LIFETIME_DAYS[tier];
    });
  }

  /** Sets the pool up for a day: members seen before it, weighted by their current chance to return. */
  prepareDay(day: number): void {
    let total = 0;
    let i = 0;
    for (; i < this.firstSeen.length && (this.firstSeen[i] ?? 0) < day; i++) {
      const age = day - (this.firstSeen[i] ?? day);
      const alive = age < (this.lifetime[i] ?? 0) ? 0.35 + 0.65 * Math.exp(-age / 240) : 0.02;
      total += (this.loyalty[i] ?? 0) * alive;
      this.cumulative[i] = total;
    }
    this.active = i;
  }

  /** Indices of members whose first day is `day` (they join and make their first purchase). */
  listJoiningOn(day: number): number[] {
    const joining: number[] = [];
    for (let i = this.active; i < this.firstSeen.length && this.firstSeen[i] === day; i++) joining.push(i);
    return joining;
  }

  /** A returning member for the prepared day, or -1 when nobody has joined yet. */
  drawReturning(random: SeededRandom): number {
    if (this.active === 0) return -1;
    const target = random.next() * (this.cumulative[this.active - 1] ?? 0);
    let lo = 0;
    let hi = this.active - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
