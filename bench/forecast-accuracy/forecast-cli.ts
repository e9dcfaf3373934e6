// The `forecast` command exactly as the CLI registers it, runnable on its own so the benchmark
// works whether or not src/cli/program.ts has wired it yet.
import { Command } from 'commander';
import { registerForecastCommand } from '../../src/cli/commands/forecast.ts';

const program = new Command('pacer');
registerForecastCommand(program);
await program.parseAsync(process.argv);
