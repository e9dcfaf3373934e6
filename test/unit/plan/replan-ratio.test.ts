import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/core/calendar/dates.ts';
import { replanRatio } from '../../../src/core/plan/replan.ts';
import { impliedLevel } from '../../../src/core/plan/split.ts';

/** Re-planning a ratio goal (AOV by quarter): levels weighted by their denominators, never summed. */
describe('re-planning a ratio metric', () => {
  // AOV 150 a quarter; Q1 closed at 130 over 1,000 orders; last year's orders 900, 1,100, 1,000.
  const children = [
    { start: '2026-01-01', end: '2026-03-31', target: 150, locked: false, actual: 130, weight: 1000 },
    { start: '2026-04-01', end: '2026-06-30', target: 150, locked: false, actual: null, weight: 900 },
    { start: '2026-07-01', end: '2026-09-30', target: 140, locked: false, actual: null, weight: 1100 },
    { start: '2026-10-01', end: '2026-12-31', target: 160, locked: false, actual: null, weight: 1000 },
  ];
  const base = { level: 150, children, today: '2026-04-01' };

  it('spread: Q1 closes at its actual; the rest rise by one factor until the implied AOV is the target', () => {
    const r = replanRatio({ ...base, mode: 'spread' });
    expect(r.closed).toEqual([0]);
    expect(r.closedActual).toBe(130);
    expect(r.closedTarget).toBe(150);
    expect(r.targets[0]).toBe(130);
    // The open quarters keep their shape (140 : 150 : 160).
    const [, q2 = 0, q3 = 0, q4 = 0] = r.targets;
    expect(q3 / q2).toBeCloseTo(140 / 150, 9);
    expect(q4 / q2).toBeCloseTo(160 / 150, 9);
    expect(impliedLevel(r.targets, [1000, 900, 1100, 1000])).toBeCloseTo(150, 9);
    expect(r.impliedAfterSpread).toBeCloseTo(150, 9);
  });

  it('keep: the targets stay; the one level the open quarters now need is shown', () => {
    const r = replanRatio({ ...base, mode: 'keep' });
    expect(r.targets).toEqual([150, 150, 140, 160]);
    // (150 · 4000 − 130 · 1000) / 3000
    expect(r.requiredLevel).toBeCloseTo(470_000 / 3000, 9);
  });

  it('a locked quarter keeps its level; the unlocked carry the rest', () => {
    const locked = children.map((c, i) => (i === 3 ? { ...c, locked: true } : c));
    const r = replanRatio({ ...base, children: locked, mode: 'spread' });
    expect(r.targets[3]).toBe(160);
    expect(impliedLevel(r.targets, [1000, 900, 1100, 1000])).toBeCloseTo(150, 9);
  });

  it('random plans: spread reaches the target exactly when it can, closed at actuals, locks kept, nothing negative', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            len: fc.integer({ min: 0, max: 60 }),
            target: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1000, noNaN: true })),
            actual: fc.double({ min: 0, max: 1000, noNaN: true }),
            weight: fc.double({ min: 0.01, max: 10_000, noNaN: true }),
            locked: fc.boolean(),
          }),
          { minLength: 2, maxLength: 14 },
        ),
        fc.nat(13),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        (specs, closedCount, level) => {
          let start = '2026-01-01';
          const kids = specs.map((s) => {
            const end = addDays(start, s.len);
            const c = { start, end, target: s.target, locked: s.locked, actual: s.actual, weight: s.weight };
            start = addDays(end, 1);
            return c;
          });
          const today = addDays(kids[Math.min(closedCount, kids.length - 1)]?.start ?? start, 0);
          const r = replanRatio({ level, children: kids, today, mode: 'spread' });
          const weights = kids.map((k) => k.weight);
          r.closed.forEach((i) => {
            expect(r.targets[i]).toBe(kids[i]?.actual);
          });
          kids.forEach((k, i) => {
            expect(r.targets[i]).toBeGreaterThanOrEqual(0);
            if (k.locked && !r.closed.includes(i)) expect(r.targets[i]).toBe(k.target);
          });
          const free = kids.filter((k, i) => !k.locked && !r.closed.includes(i));
          const closedSum = r.closed.reduce((s, i) => s + (kids[i]?.actual ?? 0) * (kids[i]?.weight ?? 0), 0);
          const lockedOpen = kids
            .map((k, i) => ({ k, i }))
            .filter(({ k, i }) => k.locked && !r.closed.includes(i))
            .reduce((s, { k }) => s + k.target * k.weight, 0);
          const totalW = weights.reduce((s, w) => s + w, 0);
          const reachable = level * totalW - closedSum - lockedOpen >= 0;
          if (r.closed.length > 0 && free.length > 0 && reachable)
            expect(impliedLevel(r.targets, weights) ?? 0).toBeCloseTo(level, 6);
          // keep: the required level applied to every open child reaches the target (when ≥ 0).
          const keep = replanRatio({ level, children: kids, today, mode: 'keep' });
          expect(keep.targets).toEqual(kids.map((k) => k.target));
          if (keep.requiredLevel !== null && level * totalW - closedSum >= 0) {
            const applied = kids.map((k, i) =>
              r.closed.includes(i) ? (k.actual ?? 0) : (keep.requiredLevel ?? 0),
            );
            expect(impliedLevel(applied, weights) ?? 0).toBeCloseTo(level, 6);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
