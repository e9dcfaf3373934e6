// Bundles the server and CLI (src/, not the web app) into dist/cli/ with esbuild: `pacer` then
// starts without compiling TypeScript at run time. bin/pacer.js falls back to tsx when the bundle
// is missing or older than the sources. Run by `npm ci` (prepare) and `npm run build`.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'cli');
// Packages stay in node_modules, except those bundled in: Kysely is hundreds of small ES modules
// that take ≈ 110 ms to load on every start (and again in the import writer thread); no other
// package imports it, so one bundled copy is the only copy.
const BUNDLED = new Set(['kysely']);
const packageName = (specifier) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
/** Every bare import (a package, node: built-ins) stays external unless its package is BUNDLED. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      BUNDLED.has(packageName(args.path)) ? undefined : { path: args.path, external: true },
    );
  },
};
rmSync(outdir, { recursive: true, force: true });
await build({
  // The SQLite import writer runs in a worker thread, loaded by file name next to the bundle.
  entryPoints: {
    main: join(root, 'src', 'cli', 'main.ts'),
    'sqlite-import-worker': join(root, 'src', 'db', 'imports', 'sqlite-import-worker.ts'),
    'sqlite-read-worker': join(root, 'src', 'db', 'read-pool', 'sqlite-read-worker.ts'),
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [externalPackages],
  sourcemap: 'linked',
  logLevel: 'warning',
});
console.log(`pacer CLI bundled into ${outdir}`);
