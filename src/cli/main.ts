import { jsonOutput } from './language.ts';
import { failureJson, failureLine } from './options.ts';
import { buildProgram } from './program.ts';

try {
  const program = await buildProgram(process.argv[2]);
  await program.parseAsync(process.argv);
} catch (e) {
  // Every failure of every command is said here, once: bad input and expected failures (an unknown
  // goal, a stale version, a read-only data folder) in one line in the chosen language, exit 1;
  // with --json also as {"error": {"code", "message", "fields"}} on stdout.
  const line = failureLine(e);
  if (jsonOutput()) {
    const json = failureJson(e) ?? {
      error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e), fields: [] },
    };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  }
  if (line !== null) {
    process.stderr.write(`pacer: ${line}\n`);
    process.exit(1);
  }
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`pacer: ${message}\n`);
  process.exit(2);
}
