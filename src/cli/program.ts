import { Command } from 'commander';

/** Builds the `pacer` command tree; each command lives in ./commands/<name>.ts and registers itself. */
export function buildProgram(): Command {
  const program = new Command('pacer')
    .description('Pacer: SMART sales goals for small businesses (銷售目標管理系統)')
    .showHelpAfterError();
  return program;
}
