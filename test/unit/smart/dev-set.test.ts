/** The shared dev set, checked the way bench/smart/score.mjs checks it: all 24 must pass. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradeGoalStatement, type ParsedGoal, parseGoalStatement } from '../../../src/core/smart/index.ts';

interface Expect {
  metric?: string | null;
  targets?: Array<{ metric: string; kind: string; value: number; per?: string }>;
  period?: { start: string; end: string } | null;
  scope?: Partial<Record<keyof ParsedGoal['scope'], string[]>>;
  scope_any?: string[];
  grades?: Record<string, string>;
}
interface Item {
  id: string;
  today: string;
  statement: string;
  expect: Expect;
}

const items: Item[] = readFileSync(new URL('./fixtures/dev.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Item);

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\s\u3000]+/g, '')
    .replace(/[的之]/g, '');
const matches = (want: string, got: string) => {
  const a = norm(want);
  const b = norm(got);
  return a.length > 0 && b.length > 1 && (a.includes(b) || b.includes(a));
};
const dayDiff = (a: string, b: string) => Math.abs((Date.parse(a) - Date.parse(b)) / 86_400_000);

describe('dev set', () => {
  it('has 24 statements', () => expect(items).toHaveLength(24));

  it.each(items.map((i) => [i.id, i] as const))('%s', (_id, item) => {
    const parsed = parseGoalStatement(item.statement, { today: item.today });
    const { grades } = gradeGoalStatement(parsed);
    const e = item.expect;
    if ('metric' in e) expect(parsed.metric).toBe(e.metric);
    if (e.targets) {
      if (e.targets.length === 0) expect(parsed.targets).toEqual([]);
      for (const t of e.targets) {
        const ok = parsed.targets.some(
          (g) =>
            g.metric === t.metric &&
            g.kind === t.kind &&
            Math.abs(g.value - t.value) <= Math.max(1e-9, 0.005 * Math.abs(t.value)) &&
            (t.per == null || g.per === t.per),
        );
        expect(ok, `${JSON.stringify(t)} in ${JSON.stringify(parsed.targets)}`).toBe(true);
      }
    }
    if ('period' in e) {
      if (e.period === null || e.period === undefined) expect(parsed.period).toBeNull();
      else {
        expect(parsed.period?.start).toBe(e.period.start);
        expect(dayDiff(parsed.period?.end ?? '', e.period.end)).toBeLessThanOrEqual(1);
      }
    }
    for (const [key, wants] of Object.entries(e.scope ?? {})) {
      const got = parsed.scope[key as keyof ParsedGoal['scope']];
      for (const w of wants ?? [])
        expect(
          got.some((g) => matches(w, g)),
          `${key} ${w} in ${got}`,
        ).toBe(true);
    }
    if (e.scope_any) {
      const all = [...Object.values(parsed.scope).flat(), ...parsed.strategies];
      expect(e.scope_any.some((w) => all.some((g) => matches(w, g)))).toBe(true);
    }
    for (const [letter, want] of Object.entries(e.grades ?? {})) {
      expect(grades[letter as keyof typeof grades], letter).toBe(want);
    }
  });
});
