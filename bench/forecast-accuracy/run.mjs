#!/usr/bin/env node
// Forecast benchmark: `node bench/forecast-accuracy/run.mjs [--runs=3] [--accuracy-only | --calibration-only]`
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
