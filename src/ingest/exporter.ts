import { PassThrough } from 'node:stream';
import { type ExportColumn, type ExportRows, writeCsv, writeXlsx } from './export-table.ts';

async function collect(write: (out: PassThrough) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await write(out);
  out.end();
  await done;
  return Buffer.concat(chunks);
}

/**
 * Small exports (error reports, KPI views, plans) as whole buffers; formula injection neutralised;
 * `columns` says what each column holds (its number format and rounding).
 */
export const exporter = {
  csv: (rows: ExportRows, columns?: readonly ExportColumn[]) =>
    collect((out) => writeCsv(rows, out, columns)),
  xlsx: (rows: ExportRows, sheetName: string, columns?: readonly ExportColumn[]) =>
    collect((out) => writeXlsx(rows, out, { sheetName, ...(columns ? { columns } : {}) })),
};
export type Exporter = typeof exporter;
