import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { IngestError } from './ingest-error.ts';
import { type IngestLimits, type RawRow, resolveLimits } from './limits.ts';
import { columnIndex, SharedStringsScanner, SheetXmlScanner } from './scan-sheet-xml.ts';

export { columnIndex };

export interface ReadXlsxOptions {
  limits?: Partial<IngestLimits>;
  /** Whether the first non-empty row is a header (not counted against maxRows). Default true. */
  header?: boolean;
}

interface OpenedZip {
  zip: ZipFile;
  entries: Map<string, Entry>;
  /** Bytes inflated so far (all parts), checked against maxUncompressedBytes. */
  inflated: { bytes: number };
  limits: IngestLimits;
}

async function openZip(path: string, limits: IngestLimits): Promise<OpenedZip> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new IngestError('XLSX_INVALID', null, 'cannot read the file');
  }
  if (size > limits.maxFileBytes) throw new IngestError('FILE_TOO_LARGE', null);
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch (e) {
    throw new IngestError('XLSX_INVALID', null, `not a zip file: ${(e as Error).message}`);
  }
  if (zip.entryCount > limits.maxZipEntries) {
    zip.close();
    throw new IngestError('XLSX_TOO_MANY_ENTRIES', null, `${zip.entryCount} parts`);
  }
  const entries = new Map<string, Entry>();
  let declared = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: Entry) => {
        declared += entry.uncompressedSize;
        if (declared > limits.maxUncompressedBytes) {
          reject(new IngestError('XLSX_TOO_LARGE', null, 'declared decompressed size over the limit'));
          return;
        }
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', (e: Error) => reject(e));
      zip.readEntry();
    });
  } catch (e) {
    zip.close();
    if (e instanceof IngestError) throw e;
    throw new IngestError('XLSX_INVALID', null, (e as Error).message);
  }
  return { zip, entries, inflated: { bytes: 0 }, limits };
}

/** Streams one part's text, counting inflated bytes against the decompressed-size limit. */
async function* readPart(z: OpenedZip, entry: Entry): AsyncGenerator<string> {
  let stream: Readable;
  try {
    stream = await z.zip.openReadStreamPromise(entry);
  } catch (e) {
    throw new IngestError('XLSX_INVALID', null, (e as Error).message);
  }
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      z.inflated.bytes += chunk.length;
      if (z.inflated.bytes > z.limits.maxUncompressedBytes)
        throw new IngestError('XLSX_TOO_LARGE', null, 'decompressed size over the limit');
      yield decoder.decode(chunk, { stream: true });
    }
  } catch (e) {
    if (e instanceof IngestError) throw e;
    const message = (e as Error).message;
    // yauzl: a part inflating past its declared size is a zip bomb's signature
    if (/too many bytes/i.test(message)) throw new IngestError('XLSX_TOO_LARGE', null, message);
    throw new IngestError('XLSX_INVALID', null, message);
  } finally {
    stream.destroy();
  }
  yield decoder.decode();
}

/** Workbook and relationship parts are small; a larger one is refused before it is inflated. */
const SMALL_PART_BYTES = 16 * 1024 * 1024;

function localName(name: string): string {
  const i = name.indexOf(':');
  return i === -1 ? name : name.slice(i + 1);
}

function newParser(): SaxesParser {
  return new SaxesParser({ xmlns: false, position: false });
}

async function parsePart(
  z: OpenedZip,
  name: string,
  onOpen: (tag: SaxesTagPlain) => void,
  onText?: (t: string) => void,
  onClose?: (tag: SaxesTagPlain) => void,
  maxBytes: number | undefined = SMALL_PART_BYTES,
): Promise<void> {
  const entry = z.entries.get(name);
  if (entry === undefined) throw new IngestError('XLSX_INVALID', null, `missing ${name}`);
  if (maxBytes !== undefined && entry.uncompressedSize > maxBytes)
    throw new IngestError('XLSX_TOO_LARGE', null, `${name} is larger than ${maxBytes} bytes`);
  const p = newParser();
  p.on('opentag', (t) => onOpen(t as SaxesTagPlain));
  if (onText !== undefined) {
    p.on('text', onText);
    p.on('cdata', onText);
  }
  if (onClose !== undefined) p.on('closetag', (t) => onClose(t as SaxesTagPlain));
  try {
    for await (const text of readPart(z, entry)) p.write(text);
    p.close();
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw new IngestError('XLSX_INVALID', null, `${name}: ${(e as Error).message}`);
  }
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').filter((p) => p.length > 0);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg.length > 0) parts.push(seg);
  }
  return parts.join('/');
}

interface SheetRef {
  name: string;
  part: string;
}

async function listSheetRefs(z: OpenedZip): Promise<SheetRef[]> {
  let workbook = 'xl/workbook.xml';
  if (!z.entries.has(workbook)) {
    if (!z.entries.has('_rels/.rels')) throw new IngestError('XLSX_INVALID', null, 'no workbook');
    let found: string | null = null;
    await parsePart(z, '_rels/.rels', (t) => {
      if (localName(t.name) === 'Relationship' && (t.attributes.Type ?? '').endsWith('/officeDocument'))
        found = resolveTarget('', t.attributes.Target ?? '');
    });
    if (found === null) throw new IngestError('XLSX_INVALID', null, 'no workbook');
    workbook = found;
  }
  const dir = workbook.includes('/') ? workbook.slice(0, workbook.lastIndexOf('/')) : '';
  const relsName = `${dir}/_rels/${workbook.slice(dir.length + 1)}.rels`;
  const sheets: { name: string; rid: string }[] = [];
  await parsePart(z, workbook, (t) => {
    if (localName(t.name) !== 'sheet') return;
    let rid = '';
    for (const [k, v] of Object.entries(t.attributes)) if (localName(k) === 'id' && k !== 'sheetId') rid = v;
    sheets.push({ name: t.attributes.name ?? '', rid });
  });
  const targets = new Map<string, string>();
  if (z.entries.has(relsName))
    await parsePart(z, relsName, (t) => {
      if (localName(t.name) === 'Relationship' && t.attributes.Id !== undefined)
        targets.set(t.attributes.Id, resolveTarget(dir, t.attributes.Target ?? ''));
    });
  if (sheets.length === 0) throw new IngestError('XLSX_INVALID', null, 'the workbook has no sheets');
  return sheets.map((s, i) => ({
    name: s.name,
    part: targets.get(s.rid) ?? `${dir}/worksheets/sheet${i + 1}.xml`,
  }));
}

/** The sheet names of an XLSX file, in workbook order. */
export async function listXlsxSheets(path: string, opts: ReadXlsxOptions = {}): Promise<string[]> {
  const z = await openZip(path, resolveLimits(opts.limits));
  try {
    return (await listSheetRefs(z)).map((s) => s.name);
  } finally {
    z.zip.close();
  }
}

async function readSharedStrings(z: OpenedZip, wbDir: string): Promise<string[]> {
  const name = `${wbDir}/sharedStrings.xml`;
  const strings: string[] = [];
  const entry = z.entries.get(name);
  if (entry === undefined) return strings;
  const texts = readPart(z, entry);
  const first = await texts.next();
  const head = first.done ? '' : first.value;
  if (head.includes('<sst')) {
    const scanner = new SharedStringsScanner();
    scanner.push(head, false);
    for await (const text of texts) scanner.push(text, false);
    scanner.push('', true);
    return scanner.strings;
  }
  await texts.return(undefined);
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let current = '';
  await parsePart(
    z,
    name,
    (t) => {
      const n = localName(t.name);
      if (n === 'si') {
        inSi = true;
        current = '';
      } else if (n === 't') inT = true;
      else if (n === 'rPh') phonetic++;
    },
    (text) => {
      if (inSi && inT && phonetic === 0) current += text;
    },
    (t) => {
      const n = localName(t.name);
      if (n === 'si') {
        strings.push(current);
        inSi = false;
      } else if (n === 't') inT = false;
      else if (n === 'rPh') phonetic--;
    },
    undefined,
  );
  return strings;
}

/**
 * Streams the rows of one sheet (by name, or by position; default the first) as strings: shared
 * and inline strings, numbers as written (dates stay Excel serials), booleans TRUE/FALSE, errors
 * like #N/A. Gaps between cells are ''. `line` is the sheet's row number. Limits: entry count and
 * declared size checked before reading, inflated bytes counted while streaming, columns, row size
 * and rows.
 */
export async function* readXlsxRows(
  path: string,
  sheet?: string | number,
  opts: ReadXlsxOptions = {},
): AsyncGenerator<RawRow> {
  const limits = resolveLimits(opts.limits);
  const z = await openZip(path, limits);
  try {
    const refs = await listSheetRefs(z);
    const ref =
      typeof sheet === 'string'
        ? refs.find((s) => s.name === sheet)
        : refs[typeof sheet === 'number' ? sheet : 0];
    if (ref === undefined || !z.entries.has(ref.part))
      throw new IngestError('XLSX_SHEET_NOT_FOUND', null, `sheet ${String(sheet ?? 0)}`);
    const wbDir = ref.part.includes('/worksheets/')
      ? ref.part.slice(0, ref.part.indexOf('/worksheets/'))
      : 'xl';
    const shared = await readSharedStrings(z, wbDir);
    yield* streamSheet(z, z.entries.get(ref.part)!, shared, limits, opts.header ?? true);
  } finally {
    z.zip.close();
  }
}

async function* prepend(head: string, rest: AsyncIterable<string>): AsyncGenerator<string> {
  yield head;
  yield* rest;
}

async function* streamSheet(
  z: OpenedZip,
  entry: Entry,
  shared: readonly string[],
  limits: IngestLimits,
  header: boolean,
): AsyncGenerator<RawRow> {
  const maxRecords = limits.maxRows + (header ? 1 : 0);
  const texts = readPart(z, entry);
  const first = await texts.next();
  const head = first.done ? '' : first.value;
  if (head.includes('<sheetData') || head.includes('<worksheet')) {
    yield* scanSheet(head, texts, shared, limits, maxRecords);
    return;
  }
  yield* saxSheet(head, texts, shared, limits, maxRecords);
}

function isBlankRow(cells: readonly string[]): boolean {
  for (const c of cells) if (c.length > 0 && c.trim().length > 0) return false;
  return true;
}

async function* scanSheet(
  head: string,
  texts: AsyncGenerator<string>,
  shared: readonly string[],
  limits: IngestLimits,
  maxRecords: number,
): AsyncGenerator<RawRow> {
  const scanner = new SheetXmlScanner(shared, limits);
  const out: RawRow[] = [];
  let records = 0;
  function* drain(): Generator<RawRow> {
    for (const row of out) {
      if (isBlankRow(row.cells)) continue;
      records++;
      if (records > maxRecords) throw new IngestError('TOO_MANY_ROWS', row.line);
      yield row;
    }
    out.length = 0;
  }
  scanner.push(head, false, out);
  yield* drain();
  for await (const text of texts) {
    scanner.push(text, false, out);
    yield* drain();
  }
  scanner.push('', true, out);
  yield* drain();
}

/** The event-parser reader, for sheets written with namespace prefixes (<x:row>). */
async function* saxSheet(
  head: string,
  texts: AsyncGenerator<string>,
  shared: readonly string[],
  limits: IngestLimits,
  maxRecords: number,
): AsyncGenerator<RawRow> {
  const out: RawRow[] = [];
  let rowNum = 0;
  let cells: string[] = [];
  let rowChars = 0;
  let col = -1;
  let type = '';
  let value = '';
  let capture = false;
  let inInline = false;
  let phonetic = 0;
  let records = 0;
  let error: IngestError | null = null;
  const p = newParser();
  p.on('opentag', (t) => {
    const n = localName(t.name);
    if (n === 'c') {
      const r = (t.attributes as Record<string, string>).r;
      col = r === undefined ? col + 1 : columnIndex(r);
      if (col < 0) col = cells.length;
      if (col >= limits.maxColumns && error === null) error = new IngestError('TOO_MANY_COLUMNS', rowNum);
      type = (t.attributes as Record<string, string>).t ?? 'n';
      value = '';
    } else if (n === 'v') capture = true;
    else if (n === 'is') inInline = true;
    else if (n === 't') capture = inInline && phonetic === 0;
    else if (n === 'rPh') phonetic++;
    else if (n === 'row') {
      const r = (t.attributes as Record<string, string>).r;
      rowNum = r === undefined ? rowNum + 1 : Number.parseInt(r, 10) || rowNum + 1;
      cells = [];
      rowChars = 0;
      col = -1;
    }
  });
  const onText = (text: string) => {
    if (capture) value += text;
  };
  p.on('text', onText);
  p.on('cdata', onText);
  p.on('closetag', (t) => {
    const n = localName(t.name);
    if (n === 'v' || n === 't') capture = false;
    else if (n === 'is') inInline = false;
    else if (n === 'rPh') phonetic--;
    else if (n === 'c') {
      if (error !== null || col < 0) return;
      let v = value;
      if (type === 's') v = shared[Number.parseInt(value, 10)] ?? '';
      else if (type === 'b') v = value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : value;
      rowChars += v.length;
      if (rowChars > limits.maxLineChars) {
        error = new IngestError('LINE_TOO_LONG', rowNum);
        return;
      }
      while (cells.length < col) cells.push('');
      cells[col] = v;
    } else if (n === 'row') {
      if (error !== null) return;
      let blank = true;
      for (const c of cells)
        if (c.trim().length > 0) {
          blank = false;
          break;
        }
      if (blank) return;
      records++;
      if (records > maxRecords) {
        error = new IngestError('TOO_MANY_ROWS', rowNum);
        return;
      }
      out.push({ line: rowNum, cells });
    }
  });
  try {
    for await (const text of prepend(head, texts)) {
      p.write(text);
      if (error !== null) throw error;
      for (const row of out) yield row;
      out.length = 0;
    }
    p.close();
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw new IngestError('XLSX_INVALID', rowNum || null, (e as Error).message);
  }
  if (error !== null) throw error;
  for (const row of out) yield row;
}
