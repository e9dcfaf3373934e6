#!/usr/bin/env node
// Engine-only timing of the dev set: `node bench/forecast-accuracy/engine-time.mjs [runs]`.
import { register } from 'tsx/esm/api';

register();
await import('./engine-time.ts');
