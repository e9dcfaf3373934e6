/**
 * The SQL statements of KPI questions, each timed alone on one read-only connection (warm: run once,
 * then timed), to see which statement of a question costs what. Reads the database bench/kpi-load.ts
 * built (`.tmp/kpi-load/db`, or `db-<lines>` with `--lines`); run that first.
 *
 *   npx tsx bench/kpi-statements.ts [--lines 1000000] [--from 2025-11-01] [--to 2026-10-31] [--top 3] \
 *     clv:week:product repeat_purchase_rate:month retention_rate:week:member_tier
 *
 * A question is metric:grain[:by]. Prints, per question, its statement count, the sum of their times
 * and each time in the order they ran, then the `--top` slowest statements' SQL (shortened).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import type { KpiQuery } from '../src/core/kpi/types.ts';
import { timedStatements } from './kpi-statement-times.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? String(args[i + 1]) : fallback;
};
const LINES = Number(opt('lines', '1000000'));
const FROM = opt('from', '2025-11-01');
const TO = opt('to', '2026-10-31');
const TOP = Number(opt('top', '3'));
const questions = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));

const root = resolve(import.meta.dirname, '..');
const file = join(root, '.tmp', 'kpi-load', LINES === 1_000_000 ? 'db' : `db-${LINES}`, 'pacer.sqlite');
if (!existsSync(file)) {
  console.error(`${file} is not there: run npx tsx bench/kpi-load.ts --lines ${LINES} --cold-only first`);
  process.exit(2);
}
const conn = new SQLite(file, { readonly: true });
const company = conn.prepare(`SELECT id FROM companies WHERE name = 'Bench'`).get() as
  | { id: string }
  | undefined;
if (!company) throw new Error('no Bench company in the database');

for (const question of questions) {
  const [metric, grain, by] = question.split(':');
  const query = { metric, grain, from: FROM, to: TO, ...(by ? { by } : {}) } as KpiQuery;
  const statements = await timedStatements({ sqlite: conn }, company.id, query);
  const sum = statements.reduce((a, s) => a + s.ms, 0);
  console.log(
    `${question}: ${statements.length} statements, ${sum.toFixed(0)} ms: ${statements.map((s) => s.ms.toFixed(0)).join(' ')}`,
  );
  for (const st of [...statements].sort((a, b) => b.ms - a.ms).slice(0, TOP))
    console.log(`  ${st.ms.toFixed(1)} ms  ${st.sql.replace(/\s+/g, ' ').trim().slice(0, 200)}`);
}
conn.close();
