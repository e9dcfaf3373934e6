// CPU and wall time of the forecasting engine alone on the dev set (as the batch command calls it:
// no sample paths), without process start-up: `node bench/forecast-accuracy/engine-time.mjs [runs]`.
import { forecastSeries } from '../../src/core/forecast/index.ts';
import { readManifest, readSeries } from './shared-bench.ts';

const data = readManifest().map((s) => ({ ...s, values: readSeries('train', s.name) }));
const runs = Number(process.argv[2] ?? 5);
for (let r = 0; r < runs; r++) {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  for (const s of data) forecastSeries(s.values, { h: s.h, frequency: s.frequency, pathCount: 0 });
  const used = process.cpuUsage(cpu);
  process.stdout.write(
    `run ${r + 1}: engine wall ${((performance.now() - wall) / 1000).toFixed(3)} s, user ${(used.user / 1e6).toFixed(3)} s, sys ${(used.system / 1e6).toFixed(3)} s\n`,
  );
}
