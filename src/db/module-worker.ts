import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** tsx's ESM API (its `import` entry; the `require` one cannot register from an eval'd thread). */
const tsxApi = (from: string) =>
  pathToFileURL(join(dirname(createRequire(from).resolve('tsx/package.json')), 'dist/esm/api/index.mjs'))
    .href;

/**
 * A worker thread running the module `name` that sits beside `here` (the caller's `import.meta.url`).
 * From TypeScript sources (tests, `PACER_FROM_SOURCE=1`) the thread registers tsx first, then loads
 * `name`.ts; from the bundle it loads `name`.js, built beside the bundle (scripts/build-cli.mjs).
 */
export function spawnModuleWorker(here: string, name: string, options: WorkerOptions = {}): Worker {
  if (!here.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, here), options);
  return new Worker(
    `import(${JSON.stringify(tsxApi(here))}).then((tsx) => {
       tsx.register();
       return import(${JSON.stringify(new URL(`./${name}.ts`, here).href)});
     });`,
    { ...options, eval: true },
  );
}
