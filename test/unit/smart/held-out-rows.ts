/**
 * The row shape and checker of the by-kind reader tests (held-out-kinds*.test.ts): each row names the
 * kind, a statement of that kind and the fields that matter.
 */
import { expect } from 'vitest';
import { parseGoalStatement } from '../../../src/core/smart/index.ts';
import type { MetricKey, RatePer, Scope, TargetKind } from '../../../src/core/smart/types.ts';

export interface Want {
  metric?: MetricKey | null;
  /** Each of these is among the targets (per checked when given). */
  targets?: Array<{ metric: MetricKey; kind: TargetKind; value: number; per?: RatePer | null }>;
  /** Values that no target has (a baseline, a count of actions, another rate's number). */
  notValues?: number[];
  period?: { start: string; end: string } | null;
  scope?: Partial<Scope>;
  /** Words that are in no list of the scope. */
  notInScope?: string[];
  /** Each of these is among the strategies. */
  strategies?: string[];
  /** The baseline read (a level the business stands at), or null. */
  baseline?: number | null;
}

export interface Row {
  kind: string;
  statement: string;
  today?: string;
  want: Want;
}

export function check(row: Row): void {
  const parsed = parseGoalStatement(row.statement, { today: row.today ?? '2026-01-15' });
  const { want } = row;
  if (want.metric !== undefined) expect(parsed.metric, 'metric').toBe(want.metric);
  if (want.targets?.length === 0) expect(parsed.targets, 'no targets').toEqual([]);
  for (const t of want.targets ?? []) {
    const found = parsed.targets.some(
      (g) =>
        g.metric === t.metric &&
        g.kind === t.kind &&
        Math.abs(g.value - t.value) <= 1e-6 * Math.max(1, Math.abs(t.value)) &&
        (t.per === undefined || g.per === t.per),
    );
    expect(found, `${JSON.stringify(t)} in ${JSON.stringify(parsed.targets)}`).toBe(true);
  }
  for (const v of want.notValues ?? [])
    expect(
      parsed.targets.map((t) => t.value),
      `no target of ${v}`,
    ).not.toContain(v);
  if (want.period !== undefined) expect(parsed.period, 'period').toEqual(want.period);
  for (const [key, words] of Object.entries(want.scope ?? {})) {
    const got = parsed.scope[key as keyof Scope];
    for (const w of words) expect(got, `scope.${key}`).toContain(w);
  }
  const all = Object.values(parsed.scope).flat();
  for (const w of want.notInScope ?? []) expect(all, 'scope').not.toContain(w);
  for (const w of want.strategies ?? []) expect(parsed.strategies, 'strategies').toContain(w);
  if (want.baseline !== undefined) expect(parsed.baseline, 'baseline').toBe(want.baseline);
}
