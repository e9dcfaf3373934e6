import { isAppError } from '../../core/errors/app-error.ts';
import type { ErrorCode } from '../../core/errors/catalogue.ts';
import { randomToken } from '../security/secrets.ts';
import type { ImportOutcome, ImportProgress } from './run-import.ts';

export interface ImportJobState {
  jobId: string;
  companyId: string;
  state: 'running' | 'done' | 'failed';
  linesRead: number;
  bytesRead: number;
  totalBytes: number;
  startedAt: number;
  result: ImportOutcome | null;
  error: { code: ErrorCode; params: Readonly<Record<string, string | number>> | undefined } | null;
}

/**
 * Imports started from the web run in the background of the server process; the wizard polls
 * their progress here. Finished jobs are forgotten after an hour (the import itself is in the
 * database for good).
 */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJobState>();

  /** `onUnexpected` hears failures that are not expected (not an AppError), for the log. */
  constructor(private readonly onUnexpected: (e: unknown) => void = () => {}) {}

  start(
    companyId: string,
    totalBytes: number,
    run: (progress: (p: ImportProgress & { bytesRead?: number }) => void) => Promise<ImportOutcome>,
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
      startedAt: Date.now(),
      result: null,
      error: null,
    };
    this.jobs.set(job.jobId, job);
    run((p) => {
      job.linesRead = p.linesRead;
      if (p.bytesRead !== undefined) job.bytesRead = p.bytesRead;
    })
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
    return job;
  }

  get(companyId: string, jobId: string): ImportJobState | null {
    const job = this.jobs.get(jobId);
    return job && job.companyId === companyId ? job : null;
  }

  private forgetOld() {
    const cutoff = Date.now() - 3600_000;
    for (const [id, job] of this.jobs)
      if (job.state !== 'running' && job.startedAt < cutoff) this.jobs.delete(id);
  }
}
