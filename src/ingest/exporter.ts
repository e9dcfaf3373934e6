import { PassThrough } from 'node:stream';
import { type ExportRows, writeCsv, writeXlsx } from './export-table.ts';

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

/** Small exports (error reports, KPI views) as whole buffers; formula injection neutralised. */
export const exporter = {
  csv: (rows: ExportRows) => collect((out) => writeCsv(rows, out)),
  xlsx: (rows: ExportRows, sheetName: string) => collect((out) => writeXlsx(rows, out, { sheetName })),
};
export type Exporter = typeof exporter;
