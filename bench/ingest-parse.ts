/**
 * Micro benchmark of the parsing half of an import: read-delimited (bytes → decoded rows) and
 * read-delimited + suggestMapping + normalizeSalesRow, on a 200,000-line UTF-8 CSV with Chinese
 * headers generated from the demo coffee shop. csv-parse over the same file is measured in the same
 * run as a baseline. Prints the median of 5 runs of each.
 *
 * With --xlsx, the same lines are also written as an XLSX (exceljs) and read with readXlsxRows.
 *
 *   npx tsx bench/ingest-parse.ts [--lines 200000] [--runs 5] [--big5] [--xlsx]
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { buildDemoCatalog, computeDemoHistoryPeriod, generateDemoSales } from '../src/core/demo/index.ts';
import { normalizeSalesRow } from '../src/core/ingest/normalize-row.ts';
import { suggestMapping } from '../src/core/ingest/suggest-mapping.ts';
import { writeXlsx } from '../src/ingest/export-table.ts';
import { openDelimited, readDelimited } from '../src/ingest/read-delimited.ts';
import { readXlsxRows } from '../src/ingest/read-xlsx.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const LINES = arg('--lines', 200_000);
const RUNS = arg('--runs', 5);
const BIG5 = args.includes('--big5');
const XLSX = args.includes('--xlsx');

const HEADERS = [
  '訂單編號',
  '項次',
  '交易日期',
  '品名',
  '會員編號',
  '通路',
  '業務員',
  '地區',
  '數量',
  '單價',
  '折扣',
  '小計',
  '活動代碼',
];

function money(minor: number): string {
  return (minor / 100).toFixed(2);
}

function quote(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

async function generate(path: string): Promise<void> {
  const out = createWriteStream(path);
  const write = async (s: string) => {
    const bytes = BIG5 ? iconv.encode(s, 'cp950') : s;
    if (!out.write(bytes)) await once(out, 'drain');
  };
  const today = '2026-01-01';
  const period = computeDemoHistoryPeriod(today);
  const catalog = buildDemoCatalog(20_240_101, period);
  let buf = `${HEADERS.join(',')}\r\n`;
  let n = 0;
  for (const l of generateDemoSales(catalog, {
    seed: 20_240_101,
    start: period.start,
    end: period.end,
    scale: 1.5,
  })) {
    buf += `${l.orderId},${l.lineNo},${l.soldAt.slice(0, 10).replaceAll('-', '/')} ${l.soldAt.slice(11)},${quote(l.product)},${l.customer ?? ''},${l.channel},${l.rep ?? ''},${l.region ?? ''},${l.quantity},${money(l.unitPriceMinor)},${money(l.discountMinor)},${money(l.amountMinor)},${l.campaignCode ?? ''}\r\n`;
    if (++n >= LINES) break;
    if (buf.length > 1 << 16) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  out.end();
  await once(out, 'finish');
  if (n < LINES) console.warn(`only ${n} demo lines available`);
}

async function readOnly(path: string): Promise<number> {
  let n = 0;
  for await (const _ of readDelimited(path)) n++;
  return n - 1;
}

async function readBatches(path: string): Promise<number> {
  let n = 0;
  for await (const batch of (await openDelimited(path)).batches) n += batch.length;
  return n - 1;
}

async function readAndNormalize(path: string): Promise<number> {
  let ok = 0;
  let bad = 0;
  let headers: string[] | null = null;
  let mapping: ReturnType<typeof suggestMapping<'sales'>>['mapping'] | null = null;
  const opts = { dayFirst: false, currencyExponent: 2, timeZone: 'Asia/Taipei', headers: [] as string[] };
  for await (const batch of (await openDelimited(path)).batches) {
    for (const row of batch) {
      if (mapping === null) {
        headers = row.cells;
        mapping = suggestMapping('sales', headers).mapping;
        opts.headers = headers;
        continue;
      }
      const r = normalizeSalesRow(row.cells, row.line, mapping, opts);
      if (r.ok) ok++;
      else bad++;
    }
  }
  if (bad > 0) throw new Error(`${bad} lines rejected`);
  return ok;
}

async function toXlsx(csvPath: string, xlsxPath: string): Promise<void> {
  async function* rows() {
    let first = true;
    for await (const batch of (await openDelimited(csvPath)).batches)
      for (const r of batch) {
        // numbers as numbers, the rest as text, like a real export
        yield first ? r.cells : r.cells.map((c, i) => (i >= 8 && i <= 11 ? Number(c) : c));
        first = false;
      }
  }
  await writeXlsx(rows(), xlsxPath, { sheetName: '銷售明細' });
}

async function xlsxReadAndNormalize(path: string): Promise<number> {
  let ok = 0;
  let mapping: ReturnType<typeof suggestMapping<'sales'>>['mapping'] | null = null;
  const opts = { dayFirst: false, currencyExponent: 2, timeZone: 'Asia/Taipei', headers: [] as string[] };
  for await (const row of readXlsxRows(path, '銷售明細')) {
    if (mapping === null) {
      mapping = suggestMapping('sales', row.cells).mapping;
      opts.headers = row.cells;
      continue;
    }
    if (normalizeSalesRow(row.cells, row.line, mapping, opts).ok) ok++;
  }
  return ok;
}

async function csvParseBaseline(path: string): Promise<number> {
  let n = 0;
  const decoded = createReadStream(path).pipe(iconv.decodeStream(BIG5 ? 'cp950' : 'utf8'));
  for await (const _ of decoded.pipe(parse({ relax_column_count: true, bom: true }))) n++;
  return n - 1;
}

async function measure(name: string, fn: () => Promise<number>): Promise<void> {
  const rates: number[] = [];
  let lines = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    lines = await fn();
    const s = (performance.now() - t0) / 1000;
    rates.push(lines / s);
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)]!;
  console.log(
    `${name.padEnd(38)} ${Math.round(median).toLocaleString('en-US').padStart(10)} lines/s (median of ${RUNS}, ${lines} lines; min ${Math.round(rates[0]!).toLocaleString('en-US')}, max ${Math.round(rates[rates.length - 1]!).toLocaleString('en-US')})`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'pacer-bench-ingest-'));
try {
  const path = join(dir, 'sales.csv');
  await generate(path);
  console.log(
    `file: ${LINES} lines, ${(statSync(path).size / 1e6).toFixed(1)} MB, ${BIG5 ? 'Big5' : 'UTF-8'}; node ${process.version}`,
  );
  await measure('read-delimited (rows, one await each)', () => readOnly(path));
  await measure('read-delimited (batches)', () => readBatches(path));
  await measure('read-delimited batches + normalizeSalesRow', () => readAndNormalize(path));
  await measure('baseline: iconv-lite + csv-parse', () => csvParseBaseline(path));
  if (XLSX) {
    const xlsx = join(dir, 'sales.xlsx');
    await toXlsx(path, xlsx);
    console.log(`xlsx: ${(statSync(xlsx).size / 1e6).toFixed(1)} MB`);
    await measure('readXlsxRows + normalizeSalesRow', () => xlsxReadAndNormalize(xlsx));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
