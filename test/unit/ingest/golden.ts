import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeSalesRow } from '../../../src/core/ingest/normalize-row.ts';
import type { LineProblem, SalesRecord } from '../../../src/core/ingest/records.ts';
import { suggestMapping } from '../../../src/core/ingest/suggest-mapping.ts';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/ingest');

export interface Golden {
  records: SalesRecord[];
  problems: LineProblem[];
}

export function readGolden(): Golden {
  return JSON.parse(readFileSync(join(FIXTURES, 'expected-sales-roc.json'), 'utf8')) as Golden;
}

/** Header row → suggested mapping → every data row normalized (the import's pure half). */
export function normalizeAll(rows: readonly { line: number; cells: string[] }[]): Golden {
  const [head, ...body] = rows;
  const headers = head?.cells ?? [];
  const { mapping } = suggestMapping('sales', headers);
  const records: SalesRecord[] = [];
  const problems: LineProblem[] = [];
  for (const r of body) {
    const n = normalizeSalesRow(r.cells, r.line, mapping, {
      dayFirst: false,
      currencyExponent: 2,
      timeZone: 'Asia/Taipei',
      headers,
    });
    if (n.ok) records.push(n.record);
    else problems.push(...n.problems);
  }
  return { records, problems };
}
