import { CliError, failureLine } from './options.ts';
import { buildProgram } from './program.ts';

try {
  const program = await buildProgram(process.argv[2]);
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CliError) {
    process.stderr.write(`pacer: ${e.message}\n`);
    process.exit(1);
  }
  // Bad input and expected failures (a read-only data folder, an unknown member): one clear line.
  const line = failureLine(e);
  if (line !== null) {
    process.stderr.write(`pacer: ${line}\n`);
    process.exit(1);
  }
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`pacer: ${message}\n`);
  process.exit(2);
}
