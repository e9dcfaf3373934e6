import { fromDayNumber } from '../calendar/index.ts';
import { SeededRandom } from './seeded-random.ts';
import type { DemoSalesRep } from './types.ts';

interface RepPlan {
  readonly name: string;
  readonly role: string;
  /** Hire and leave as fractions of the history (negative: hired before it; null: still employed). */
  readonly hiredAt: number;
  readonly leftAt: number | null;
}

const PLANS: readonly RepPlan[] = [
  { name: '林雅婷', role: '店長', hiredAt: -0.8, leftAt: null },
  { name: '陳冠宇', role: '咖啡師', hiredAt: -0.3, leftAt: 0.38 },
  { name: '張詩涵', role: '咖啡師', hiredAt: -0.15, leftAt: null },
  { name: '李承翰', role: '門市夥伴', hiredAt: -0.05, leftAt: 0.22 },
  { name: '黃佳穎', role: '門市夥伴', hiredAt: 0.21, leftAt: 0.72 },
  { name: '吳宗翰', role: '咖啡師', hiredAt: 0.37, leftAt: null },
  { name: '劉怡君', role: '線上客服', hiredAt: 0.55, leftAt: null },
  { name: '蔡明哲', role: '門市夥伴', hiredAt: 0.71, leftAt: null },
];

/** Eight staff with hire and leave dates over the history (turnover), jittered by the seed. */
export function buildDemoReps(seed: number, startDay: number, endDay: number): DemoSalesRep[] {
  const random = new SeededRandom(seed);
  const span = endDay - startDay + 1;
  const at = (fraction: number): number => startDay + Math.round(fraction * span) + random.between(-10, 10);
  return PLANS.map((plan) => {
    const from = at(plan.hiredAt);
    const to = plan.leftAt === null ? null : Math.max(from + 30, at(plan.leftAt));
    return {
      name: plan.name,
      role: plan.role,
      activeFrom: fromDayNumber(from),
      activeTo: to === null ? null : fromDayNumber(to),
    };
  });
}
