#!/usr/bin/env node
// Loads the TypeScript forecast command through tsx, as bin/pacer.js does.
import { register } from 'tsx/esm/api';

register();
await import('./forecast-cli.ts');
