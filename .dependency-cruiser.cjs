/**
 * Import-direction rules of ARCHITECTURE.md, checked in CI (npm run depcheck).
 * core <- app <- (db, ingest, server, jobs, cli); contract <- (server, web); web may use pure core.
 */
const layer = (name) => `^src/${name}/`;
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core imports nothing from the rest of src/ and no node: built-ins (data in, data out).',
      severity: 'error',
      from: { path: layer('core') },
      to: { pathNot: [layer('core')], dependencyTypesNot: ['npm', 'npm-dev', 'npm-optional', 'npm-peer'] },
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
      to: { path: '^src/(app|db|ingest|server|jobs|cli|web)/' },
    },
    {
      name: 'app-not-outward',
      comment:
        'app defines ports; adapters (db, ingest, server, jobs, cli) depend on app, not the other way.',
      severity: 'error',
      from: { path: layer('app') },
      to: { path: '^src/(db|ingest|server|jobs|cli|web)/' },
    },
    {
      name: 'adapters-not-each-other',
      comment: 'db, ingest and jobs do not reach into server, cli or web.',
      severity: 'error',
      from: { path: '^src/(db|ingest|jobs)/' },
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
      to: { path: '^src/(app|db|ingest|server|jobs|cli)/' },
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
