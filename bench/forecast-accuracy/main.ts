import { runAccuracyBenchmark } from './accuracy.ts';
import { runCalibrationBacktest } from './calibration.ts';
import { runDemoCalibrationBacktest } from './demo-calibration.ts';

const args = process.argv.slice(2);
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
if (!args.includes('--calibration-only')) runAccuracyBenchmark(runs);
if (!args.includes('--accuracy-only') && !args.includes('--demo-only')) runCalibrationBacktest();
if (!args.includes('--accuracy-only') && !args.includes('--dev-only')) runDemoCalibrationBacktest();
