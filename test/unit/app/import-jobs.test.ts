import { describe, expect, it } from 'vitest';
import { ImportJobs } from '../../../src/app/import/import-jobs.ts';
import type { ImportJobResult } from '../../../src/app/import/ports.ts';

const clock = { now: () => new Date('2026-01-01T00:00:00Z') };
const result = (importId: string): ImportJobResult => ({
  importId,
  linesRead: 1,
  added: 1,
  duplicates: 0,
  rejected: 0,
  firstDate: null,
  lastDate: null,
});

/** A run that waits until released, recording when it started. */
function gated(name: string, started: string[]) {
  let release: (r: ImportJobResult) => void = () => {};
  const run = () => {
    started.push(name);
    return new Promise<ImportJobResult>((resolve) => {
      release = resolve;
    });
  };
  return { run, release: () => release(result(name)) };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('import jobs queue', () => {
  it('runs imports into one SQLite database one after the other, each reporting its own outcome', async () => {
    const jobs = new ImportJobs(clock, 'database');
    const started: string[] = [];
    const a = gated('a', started);
    const b = gated('b', started);
    const ja = jobs.start('c1', 10, a.run);
    const jb = jobs.start('c2', 10, b.run);
    await tick();
    expect(started).toEqual(['a']);
    expect(jb.state).toBe('running');
    a.release();
    await tick();
    await tick();
    expect(ja.state).toBe('done');
    expect(started).toEqual(['a', 'b']);
    b.release();
    await jobs.idle();
    expect(jb).toMatchObject({ state: 'done', result: { importId: 'b' } });
  });

  it('a failed import does not stop the next; per-company lanes run companies side by side', async () => {
    const jobs = new ImportJobs(clock, 'company');
    const started: string[] = [];
    const failing = jobs.start('c1', 1, async () => {
      started.push('x');
      throw new Error('boom');
    });
    const next = gated('y', started);
    const other = gated('z', started);
    const jy = jobs.start('c1', 1, next.run);
    jobs.start('c2', 1, other.run);
    await tick();
    await tick();
    expect(started).toEqual(['x', 'z', 'y']);
    expect(failing).toMatchObject({ state: 'failed', error: { code: 'INTERNAL' } });
    next.release();
    other.release();
    await jobs.idle();
    expect(jy.state).toBe('done');
  });

  it('shows the bytes read and the saving phase while an import runs', async () => {
    const jobs = new ImportJobs(clock, 'company');
    let release: (r: ImportJobResult) => void = () => {};
    let report: (p: { linesRead: number; bytesRead?: number; phase?: 'reading' | 'saving' }) => void =
      () => {};
    const job = jobs.start('c1', 1000, (progress) => {
      report = progress;
      return new Promise<ImportJobResult>((resolve) => {
        release = resolve;
      });
    });
    await tick();
    expect(job).toMatchObject({ phase: 'reading', bytesRead: 0 });
    report({ linesRead: 10, bytesRead: 400 });
    expect(job).toMatchObject({ phase: 'reading', bytesRead: 400, linesRead: 10 });
    report({ linesRead: 25, bytesRead: 1000, phase: 'saving' });
    expect(job).toMatchObject({ phase: 'saving', bytesRead: 1000, linesRead: 25 });
    release(result('a'));
    await jobs.idle();
    expect(job).toMatchObject({ state: 'done', bytesRead: 1000 });
  });
});
