import { buildDemoCatalog } from '../../../src/core/demo/index.ts';

export const SEED = 7;
export const PERIOD = { start: '2023-01-01', end: '2025-12-31' } as const;
export const catalog = buildDemoCatalog(SEED, PERIOD);
