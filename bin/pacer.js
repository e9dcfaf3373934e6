#!/usr/bin/env node
// The `pacer` command: loads the TypeScript CLI through tsx (a runtime dependency), so
// `npx pacer` works right after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
