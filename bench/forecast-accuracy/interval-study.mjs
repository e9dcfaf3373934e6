#!/usr/bin/env node
// Rolling-origin calibration study of the forecast intervals:
// `node bench/forecast-accuracy/interval-study.mjs [--horizons=2] [--source=shared|fixtures] [--json=FILE]`
import { register } from 'tsx/esm/api';

register();
await import('./interval-study.ts');
