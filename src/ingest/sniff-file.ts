import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { detectEncoding, type TextEncoding } from './detect-encoding.ts';
import { IngestError } from './ingest-error.ts';
import type { IngestLimits } from './limits.ts';
import { type Delimiter, detectDelimiter } from './parse-delimited.ts';
import { listXlsxSheets } from './read-xlsx.ts';

export interface SniffedFile {
  format: 'csv' | 'tsv' | 'xlsx';
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  sheets?: string[];
}

const SAMPLE = 64 * 1024;

/**
 * Tells what a file is by its content, not its name: a zip (PK\x03\x04) holding a workbook is
 * XLSX; an OLE2 file is an old .xls (refused); text is CSV or TSV with its encoding and delimiter.
 * `originalName` only breaks a tie (a .tsv whose sample has no delimiter at all).
 */
export async function sniffFile(
  path: string,
  originalName: string,
  limits?: Partial<IngestLimits>,
): Promise<SniffedFile> {
  const fh = await open(path, 'r');
  let sample: Buffer;
  try {
    const buf = Buffer.alloc(SAMPLE);
    const { bytesRead } = await fh.read(buf, 0, SAMPLE, 0);
    sample = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  if (sample.length === 0) throw new IngestError('FILE_EMPTY', null);
  if (sample[0] === 0x50 && sample[1] === 0x4b && sample[2] === 0x03 && sample[3] === 0x04)
    return { format: 'xlsx', sheets: await listXlsxSheets(path, limits === undefined ? {} : { limits }) };
  if (sample[0] === 0xd0 && sample[1] === 0xcf && sample[2] === 0x11 && sample[3] === 0xe0)
    throw new IngestError('XLS_NOT_SUPPORTED', null);
  const { encoding } = detectEncoding(sample);
  const text = iconv.decode(sample.subarray(0, 16 * 1024), encoding);
  if (looksBinary(text)) throw new IngestError('FILE_FORMAT_UNKNOWN', null);
  let delimiter = detectDelimiter(text);
  if (!text.includes(delimiter) && /\.(tsv|tab|txt)$/i.test(originalName)) delimiter = '\t';
  return { format: delimiter === '\t' ? 'tsv' : 'csv', encoding, delimiter };
}

/** NUL or many control characters in decoded text: not a spreadsheet export. */
function looksBinary(text: string): boolean {
  let control = 0;
  const n = Math.min(text.length, 8192);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) control++;
  }
  return control > n * 0.05;
}
