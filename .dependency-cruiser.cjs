/**
 * Import-direction rules of ARCHITECTURE.md, checked in CI (npm run depcheck).
 * core <- app <- (db, ingest, server, cli); contract <- (server, web); web may use pure core.
 * The clock, randomness and `process` in core are checked by scripts/check-core-purity.mjs (npm run lint).
 */
const layer = (name) => `^src/${name}/`;
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core imports nothing outside src/core: no other layer, no npm package (data in, data out).',
      severity: 'error',
      from: { path: layer('core') },
      to: { pathNot: [layer('core')] },
    },
    {
      name: 'core-resolvable',
      comment: 'an import core cannot resolve is a package it does not have: core imports only core.',
      severity: 'error',
      from: { path: layer('core') },
      to: { couldNotResolve: true },
    },
    {
      name: 'core-no-node-builtins',
      severity: 'error',
      from: { path: layer('core') },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'contract-only-core',
      comment: 'contract holds zod schemas; it may use core types only.',
      severity: 'error',
      from: { path: layer('contract') },
      to: { path: '^src/(app|db|ingest|server|cli|web)/' },
    },
    {
      name: 'app-not-outward',
      comment: 'app defines ports; adapters (db, ingest, server, cli) depend on app, not the other way.',
      severity: 'error',
      from: { path: layer('app') },
      to: { path: '^src/(db|ingest|server|cli|web)/' },
    },
    {
      name: 'adapters-not-each-other',
      comment: 'db and ingest do not reach into server, cli or web.',
      severity: 'error',
      from: { path: '^src/(db|ingest)/' },
      to: { path: '^src/(server|cli|web)/' },
    },
    {
      name: 'server-not-cli-web',
      severity: 'error',
      from: { path: layer('server') },
      to: { path: '^src/(cli|web)/' },
    },
    {
      name: 'web-only-contract-and-core',
      comment: 'the browser bundle may import contract/ and pure core/ only.',
      severity: 'error',
      from: { path: layer('web') },
      to: { path: '^src/(app|db|ingest|server|cli)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '^src/web/.*\\.css$' },
  },
};
