import { isAppError } from '../../core/errors/app-error.ts';
import type { Clock } from '../ports.ts';
import { randomToken } from '../security/secrets.ts';
import type { ImportJobProgress, ImportJobQueue, ImportJobResult, ImportJobState } from './ports.ts';

/**
 * Which imports wait for each other: every import of the database (SQLite has one writer: a second
 * import's write transaction would hold the lock that the first needs to record its audit entry), or
 * the imports of one company (PostgreSQL).
 */
export type ImportLanes = 'database' | 'company';

/**
 * Background imports of the server process; the wizard polls their progress here. Jobs of one lane
 * run one after the other, in the order they were started. Finished jobs are forgotten after an hour
 * (the import itself is in the database for good).
 */
export class ImportJobs implements ImportJobQueue {
  private readonly jobs = new Map<string, ImportJobState>();
  /** The last job of each lane: the next one starts when it settles. */
  private readonly tails = new Map<string, Promise<void>>();
  private onUnexpected: (e: unknown) => void = () => {};

  constructor(
    private readonly clock: Clock,
    private readonly lanes: ImportLanes = 'database',
  ) {}

  reportUnexpectedTo(listener: (e: unknown) => void): void {
    this.onUnexpected = listener;
  }

  start(
    companyId: string,
    totalBytes: number,
    run: (progress: (p: ImportJobProgress) => void) => Promise<ImportJobResult>,
    onSettled?: () => void,
  ): ImportJobState {
    this.forgetOld();
    const job: ImportJobState = {
      jobId: randomToken(18),
      companyId,
      state: 'running',
      linesRead: 0,
      bytesRead: 0,
      totalBytes,
      phase: 'reading',
      startedAt: this.clock.now().getTime(),
      result: null,
      error: null,
    };
    this.jobs.set(job.jobId, job);
    const lane = this.lanes === 'database' ? '' : companyId;
    const previous = this.tails.get(lane) ?? Promise.resolve();
    const settled = previous
      .then(() =>
        run((p) => {
          job.linesRead = p.linesRead;
          if (p.bytesRead !== undefined) job.bytesRead = p.bytesRead;
          if (p.phase !== undefined) job.phase = p.phase;
        }),
      )
      .then((result) => {
        job.state = 'done';
        job.result = result;
        job.linesRead = result.linesRead;
        job.bytesRead = totalBytes;
      })
      .catch((e: unknown) => {
        job.state = 'failed';
        if (isAppError(e)) {
          job.error = { code: e.code, params: e.params };
        } else {
          this.onUnexpected(e);
          job.error = { code: 'INTERNAL', params: undefined };
        }
      })
      .finally(() => onSettled?.());
    this.tails.set(lane, settled);
    void settled.then(() => {
      if (this.tails.get(lane) === settled) this.tails.delete(lane);
    });
    return job;
  }

  get(companyId: string, jobId: string): ImportJobState | null {
    const job = this.jobs.get(jobId);
    return job && job.companyId === companyId ? job : null;
  }

  /** Settles when every job started so far has finished (for a clean shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.tails.values()]);
  }

  private forgetOld() {
    const cutoff = this.clock.now().getTime() - 3600_000;
    for (const [id, job] of this.jobs)
      if (job.state !== 'running' && job.startedAt < cutoff) this.jobs.delete(id);
  }
}
