/**
 * Scores the goal-statement reader on the shared dev set, through the real CLI in batch mode,
 * and prints the scorer's accuracy line.
 *
 *   npx tsx bench/smart-accuracy.ts [--set path/to/set.jsonl] [--verbose]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = resolve(root, '../shared/bench/smart');
const args = process.argv.slice(2);
const setIndex = args.indexOf('--set');
const set = setIndex >= 0 ? resolve(args[setIndex + 1] ?? '') : join(benchDir, 'dev.jsonl');
const verbose = args.includes('--verbose');

if (!existsSync(join(benchDir, 'score.mjs'))) {
  console.error(`score.mjs not found in ${benchDir}`);
  process.exit(2);
}

// A small runner that registers only the smart command, so the benchmark does not depend on
// the rest of the CLI being wired.
const runnerDir = join(root, '.tmp');
mkdirSync(runnerDir, { recursive: true });
const runner = join(runnerDir, 'smart-bench-runner.ts');
writeFileSync(
  runner,
  [
    "import { Command } from 'commander';",
    `import { registerSmartCommand } from ${JSON.stringify(join(root, 'src/cli/commands/smart.ts'))};`,
    "const program = new Command('pacer');",
    'registerSmartCommand(program);',
    'await program.parseAsync(process.argv);',
    '',
  ].join('\n'),
);
const tsx = join(root, 'node_modules/.bin/tsx');
const output = execFileSync(
  process.execPath,
  [
    join(benchDir, 'score.mjs'),
    '--set',
    set,
    '--batch',
    ...(verbose ? [] : ['--quiet']),
    '--',
    tsx,
    runner,
    'smart',
    '--json',
    '--batch',
    '{file}',
  ],
  { encoding: 'utf8', cwd: benchDir },
);
const lines = output.trimEnd().split('\n');
if (verbose) console.log(lines.slice(0, -1).join('\n'));
console.log(lines.at(-1));
