import type { Worker } from 'node:worker_threads';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { AppError } from '../../core/errors/app-error.ts';
import { spawnModuleWorker } from '../module-worker.ts';
import type { Database } from '../schema/index.ts';
import type { ReadReply, ReadRequest } from './sqlite-read-protocol.ts';

export interface ReadPoolOptions {
  /** Threads (read-only connections). Default 2. */
  size?: number;
  /** A query running longer is stopped (its thread replaced) and fails with QUERY_TIMEOUT. */
  timeoutMs?: number;
}

interface Job {
  request: ReadRequest;
  resolve: (rows: unknown[]) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** The thread has opened its connection (its start-up does not count against a query's time). */
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

/**
 * SQLite reads off the event loop: a few read-only connections, each in its own worker thread,
 * answering queries in turn (FIFO). better-sqlite3 is synchronous, so a query run on the server's
 * connection holds every other request; here a slow query holds only its thread. A query past the
 * time limit cannot be interrupted inside SQLite: its thread is terminated and replaced, and the
 * query fails with QUERY_TIMEOUT (503).
 */
export class SqliteReadPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  readonly size: number;
  readonly timeoutMs: number;

  constructor(
    private readonly file: string,
    opts: ReadPoolOptions = {},
  ) {
    this.size = Math.max(1, opts.size ?? 2);
    this.timeoutMs = opts.timeoutMs ?? 15_000;
  }

  private spawn(): Worker {
    const worker = spawnModuleWorker(import.meta.url, 'sqlite-read-worker', {
      workerData: { file: this.file },
    });
    worker.unref();
    return worker;
  }

  private addSlot(): Slot {
    const slot: Slot = { worker: this.spawn(), ready: false, job: null, timer: null };
    this.listen(slot);
    this.slots.push(slot);
    return slot;
  }

  private listen(slot: Slot) {
    const worker = slot.worker;
    worker.on('message', (reply: ReadReply | 'ready') => {
      if (reply === 'ready') {
        if (slot.worker !== worker) return;
        slot.ready = true;
        if (slot.job) this.startTimer(slot, slot.job);
        return;
      }
      const job = slot.job;
      if (slot.worker !== worker || !job || job.request.id !== reply.id) return;
      this.finish(slot);
      if (reply.ok) job.resolve(reply.rows);
      else job.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
      this.dispatch();
    });
    const failed = (e: Error) => {
      if (slot.worker !== worker) return;
      const job = slot.job;
      this.replace(slot);
      job?.reject(e);
      this.dispatch();
    };
    worker.on('error', failed);
    worker.on('exit', (code) => failed(new Error(`read thread exited (${code})`)));
  }

  private finish(slot: Slot) {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
  }

  /** A new thread in place of one that failed or ran past the limit. */
  private replace(slot: Slot) {
    this.finish(slot);
    const old = slot.worker;
    slot.worker = this.spawn();
    slot.ready = false;
    this.listen(slot);
    void old.terminate();
  }

  private dispatch() {
    if (this.closed) return;
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.size) slot = this.addSlot();
      if (!slot) return;
      const job = this.queue.shift() as Job;
      slot.job = job;
      if (slot.ready) this.startTimer(slot, job);
      slot.worker.postMessage(job.request);
    }
  }

  private startTimer(slot: Slot, job: Job) {
    slot.timer = setTimeout(() => {
      this.replace(slot);
      job.reject(new AppError('QUERY_TIMEOUT'));
      this.dispatch();
    }, this.timeoutMs);
    slot.timer.unref();
  }

  /** Runs one query on the next free thread. */
  run(sql: string, params: readonly unknown[]): Promise<unknown[]> {
    if (this.closed) return Promise.reject(new Error('the read pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, sql, params }, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * Starts every thread now, each opening its connection, so that the first reads after a server
   * starts wait for none (a thread's start was most of a first KPI request's 150–480 ms,
   * bench/RESULTS.md). Resolves with how many threads are ready.
   */
  async warm(): Promise<number> {
    if (this.closed) return 0;
    while (this.slots.length < this.size) this.addSlot();
    await Promise.all(
      this.slots.map(
        (slot) =>
          new Promise<void>((resolve) => {
            if (slot.ready) return resolve();
            const worker = slot.worker;
            const done = () => {
              worker.off('message', onMessage);
              worker.off('exit', done);
              resolve();
            };
            const onMessage = (m: unknown) => {
              if (m === 'ready') done();
            };
            worker.on('message', onMessage);
            worker.on('exit', done);
          }),
      ),
    );
    return this.slots.filter((s) => s.ready).length;
  }

  /** Queries running or waiting. */
  get load(): number {
    return this.queue.length + this.slots.filter((s) => s.job !== null).length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the read pool is closed'));
    await Promise.all(
      this.slots.map((s) => {
        const job = s.job;
        this.finish(s);
        job?.reject(new Error('the read pool is closed'));
        const w = s.worker;
        w.removeAllListeners('exit');
        return w.terminate();
      }),
    );
    this.slots.length = 0;
  }
}

class PoolConnection implements DatabaseConnection {
  constructor(private readonly pool: SqliteReadPool) {}
  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    return { rows: (await this.pool.run(q.sql, q.parameters)) as R[] };
  }
  // biome-ignore lint/correctness/useYield: the pool answers whole results only
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('the read pool does not stream');
  }
}

class PoolDriver implements Driver {
  private readonly connection: PoolConnection;
  constructor(private readonly pool: SqliteReadPool) {
    this.connection = new PoolConnection(pool);
  }
  async init() {}
  async acquireConnection() {
    return this.connection;
  }
  async beginTransaction(): Promise<void> {
    throw new Error('the read pool runs no transactions');
  }
  async commitTransaction() {}
  async rollbackTransaction() {}
  async releaseConnection() {}
  async destroy() {
    await this.pool.close();
  }
}

/** A Kysely over the pool: queries only, each on the next free read thread. */
export function readPoolKysely(pool: SqliteReadPool): Kysely<Database> {
  const dialect: Dialect = {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new PoolDriver(pool),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
  return new Kysely<Database>({ dialect });
}
