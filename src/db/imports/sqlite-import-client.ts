import type { Worker } from 'node:worker_threads';
import type {
  BatchResult,
  ImportedFile,
  ImportMeta,
  ImportSink,
  ImportSummary,
} from '../../app/import/ports.ts';
import type { SalesRecord } from '../../core/ingest/records.ts';
import { spawnModuleWorker } from '../module-worker.ts';
import { ResponseKeyer, SalesLineKeyer, unitPriceMinor } from './line-keys.ts';
import {
  type BeginReply,
  DIM_TABLES,
  type DimTable,
  type NewDims,
  packStrings,
  SALES_NUMBERS,
  SALES_STRINGS,
  type WorkerReply,
  type WorkerRequest,
} from './sqlite-import-protocol.ts';

/**
 * The main-thread half of SQLite imports. This thread reads and normalizes the file (the app's
 * pump), finds or hands out dimension ids and keys the lines; the writer thread
 * (sqlite-import-worker.ts) inserts, keeps the roll-ups and commits. Batches are pipelined: while
 * the writer inserts one, this thread prepares the next, so an import uses two cores.
 */

/**
 * The writer makes many short-lived objects; a small young generation keeps the two threads' memory
 * within the import's budget (BENCHMARKS.md: peak RSS ≤ 300 MB) at no measurable cost in speed.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

/** A writer thread (not yet listened to), loading its code. */
function spawnWriter(): Worker {
  const worker = spawnModuleWorker(import.meta.url, 'sqlite-import-worker', {
    resourceLimits: WORKER_LIMITS,
  });
  worker.unref();
  return worker;
}

/** A writer thread started ahead of the first import (prestartImportWriter), for the next one to take. */
let spare: Worker | null = null;

/**
 * Starts an import writer thread now, for the next SQLite import of this process to use: the CLI's
 * `pacer import` calls it before loading its own modules, so the thread loads its code (and the
 * SQLite driver) on the other core meanwhile instead of after (0.2–0.3 s of every CLI import). An
 * unused spare keeps nothing alive.
 */
export function prestartImportWriter(): void {
  spare ??= spawnWriter();
}

/** One writer thread per import store, started on first use, not keeping the process alive when idle. */
export class SqliteImportThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = spare ?? spawnWriter();
    spare = null;
    worker.on('message', (reply: WorkerReply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) waiter.resolve(reply.value);
      else {
        const error = new Error(reply.error?.message ?? 'import writer failed') as Error & { code?: string };
        if (reply.error?.code) error.code = reply.error.code;
        waiter.reject(error);
      }
    });
    const fail = (error: Error) => {
      // A thread closed and replaced earlier says nothing about the current one.
      if (this.worker !== worker && this.worker !== null) return;
      this.worker = null;
      for (const w of this.pending.values()) w.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`import writer thread stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  call<T>(req: WorkerRequest): Promise<T> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (this.pending.size === 0) worker.ref();
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, req });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}

/**
 * Runs one import in the writer thread's transaction: `fn` writes through the sink; the import
 * commits when `fn` returns and rolls back when it throws.
 */
export async function runSqliteImport(
  thread: SqliteImportThread,
  file: string,
  meta: ImportMeta,
  fn: (sink: ImportSink) => Promise<ImportSummary & ImportedFile>,
): Promise<ImportSummary & ImportedFile> {
  const init = await thread.call<BeginReply>({ op: 'begin', file, meta });
  try {
    const summary = await fn(createSink(thread, init, meta.kind));
    await thread.call({ op: 'finish', summary });
    return summary;
  } catch (e) {
    await thread.call({ op: 'rollback' }).catch(() => undefined);
    throw e;
  }
}

/**
 * A string that owns its characters: names cut from a file's decoded chunk may share that chunk's
 * memory, and a cache of them would otherwise keep every chunk alive.
 */
const ownCopy = (s: string): string => Buffer.from(s, 'utf8').toString('utf8');

function createSink(thread: SqliteImportThread, init: BeginReply, kind: ImportMeta['kind']): ImportSink {
  const maps = {} as Record<DimTable, Map<string, number>>;
  for (const t of DIM_TABLES) {
    const { keys, ids } = init.dims[t];
    maps[t] = new Map(keys.map((k, i) => [k, ids[i] as number]));
  }
  const next = { ...init.nextIds };
  let fresh: NewDims = {};
  const keyer = new SalesLineKeyer();
  const responseKeys = new ResponseKeyer();
  /** Sales lines handed to the writer and not yet settled. */
  let staged = 0;

  const queue = (table: DimTable, ...values: unknown[]) => {
    let list = fresh[table];
    if (!list) {
      list = [];
      fresh[table] = list;
    }
    list.push(...values);
  };
  /** The id of `name` in `table`, handing out a new one (and queueing its row) the first time. */
  const named = (table: Exclude<DimTable, 'customers' | 'products'>, name: string | null): number | null => {
    if (name === null) return null;
    const hit = maps[table].get(name);
    if (hit !== undefined) return hit;
    const id = next[table]++;
    const own = ownCopy(name);
    maps[table].set(own, id);
    queue(table, id, own);
    return id;
  };
  const product = (r: SalesRecord): number => {
    const hit = maps.products.get(r.product);
    if (hit !== undefined) return hit;
    const category = named('product_categories', r.category);
    const id = next.products++;
    const own = ownCopy(r.product);
    maps.products.set(own, id);
    queue('products', id, own, category);
    return id;
  };
  const customer = (r: SalesRecord): number | null => {
    if (r.customer === null) return null;
    const hit = maps.customers.get(r.customer);
    if (hit !== undefined) return hit;
    const region = named('regions', r.customerRegion);
    const id = next.customers++;
    const code = ownCopy(r.customer);
    maps.customers.set(code, id);
    queue(
      'customers',
      id,
      code,
      r.customerName ?? code,
      r.customerType,
      r.ageBand,
      r.memberTier,
      region,
      r.saleDate,
    );
    return id;
  };
  const takeDims = (): NewDims => {
    const out = fresh;
    fresh = {};
    return out;
  };
  const orNaN = (n: number | null) => (n === null ? Number.NaN : n);
  const encodeSales = (records: readonly SalesRecord[]): WorkerRequest => {
    const strings: (string | null)[] = new Array(records.length * SALES_STRINGS);
    const numbers = new Float64Array(records.length * SALES_NUMBERS);
    records.forEach((r, i) => {
      const { orderId, lineNo } = keyer.key(r);
      const s = i * SALES_STRINGS;
      strings[s] = orderId;
      strings[s + 1] = r.soldAt;
      strings[s + 2] = r.saleDate;
      strings[s + 3] = r.campaignCode;
      const n = i * SALES_NUMBERS;
      numbers[n] = lineNo;
      numbers[n + 1] = product(r);
      numbers[n + 2] = orNaN(customer(r));
      numbers[n + 3] = orNaN(named('channels', r.channel));
      numbers[n + 4] = orNaN(named('sales_reps', r.rep));
      numbers[n + 5] = orNaN(named('regions', r.region));
      numbers[n + 6] = r.quantity;
      numbers[n + 7] = unitPriceMinor(r);
      numbers[n + 8] = r.discountMinor;
      numbers[n + 9] = r.amountMinor;
    });
    return { op: 'sales', dims: takeDims(), strings: packStrings(strings), numbers, count: records.length };
  };
  const counted = (count: number, added: number): BatchResult => ({ added, duplicates: count - added });

  return {
    // Up to 24 batches (of 1,000 lines, encoded: about 0.15 MB each) in flight, so this thread goes
    // on reading while the writer writes a drain of roll-ups (0.1–0.5 s): a 200,000-line XLSX, bound
    // by this thread's reading, in 3.5–4.1 s against 4.1–4.5 s with eight (and 4.8–5.7 s with two);
    // 64 no better; a CSV, bound by the writer, the same either way, in the same memory
    // (bench/RESULTS.md, ninth session).
    pipeline: 24,
    // Batches of 1,000 lines, not 2,000: the reading thread holds fewer rows at a time, so fewer
    // survive its young-generation collections (a 200,000-line XLSX: 20 % less CPU, 55 MB less
    // memory; a date-ordered million-line CSV: about 10 % less CPU; bench/RESULTS.md, ninth session).
    batchLines: 1000,
    writeSales(records) {
      if (records.length === 0) return Promise.resolve({ added: 0, duplicates: 0 });
      // Encoded before the wait, and `records` not held across it: a batch waiting for the writer
      // must not keep its records alive (they would be promoted to the old generation).
      staged += records.length;
      // Staged: the lines are added (and told apart from duplicates) when the file is read (settle).
      return thread.call(encodeSales(records)).then(() => ({ added: 0, duplicates: 0 }));
    },
    async settle() {
      const count = staged;
      staged = 0;
      const added = await thread.call<number>({ op: 'settle' });
      // A line whose order id and line number an earlier line of the file has was not added, and was
      // not there before either: told apart (repeats), not a duplicate.
      return { added, duplicates: count - added - keyer.repeatedKeys.count };
    },
    repeats: () => (kind === 'satisfaction' ? responseKeys.repeats() : keyer.repeats()),
    async writeMarketing(records) {
      if (records.length === 0) return { added: 0, duplicates: 0 };
      const rows: unknown[] = [];
      for (const r of records)
        rows.push(
          r.day,
          named('channels', r.channel),
          r.campaign,
          r.impressions,
          r.visits,
          r.leads,
          r.opportunities,
          r.spendMinor,
        );
      const added = await thread.call<number>({
        op: 'marketing',
        dims: takeDims(),
        rows,
      });
      return counted(records.length, added);
    },
    async writeSatisfaction(records) {
      const rows: unknown[] = [];
      let sent = 0;
      for (const r of records) {
        // A response repeating an earlier line of the file is not sent (told by `repeats`).
        const key = responseKeys.key(r);
        if (key === null) continue;
        sent += 1;
        rows.push(
          key,
          r.respondedOn,
          r.customer === null ? null : (maps.customers.get(r.customer) ?? null),
          named('channels', r.channel),
          r.csat,
          r.nps,
          r.comment,
        );
      }
      if (sent === 0) return { added: 0, duplicates: 0 };
      const added = await thread.call<number>({
        op: 'satisfaction',
        dims: takeDims(),
        rows,
      });
      return counted(sent, added);
    },
    async recordProblems(problems) {
      if (problems.length === 0) return;
      const rows: unknown[] = [];
      for (const p of problems) rows.push(p.line, p.column, p.code, p.value);
      await thread.call({ op: 'problems', rows });
    },
  };
}
