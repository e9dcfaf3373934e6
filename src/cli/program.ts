import { Command } from 'commander';
import { registerBackupCommand } from './commands/backup.ts';
import { registerCompanyCommand } from './commands/company.ts';
import { registerDemoCommand } from './commands/demo.ts';
import { registerForecastCommand } from './commands/forecast.ts';
import { registerMigrateCommand } from './commands/migrate.ts';
import { registerStartCommand } from './commands/start.ts';
import { registerTokenCommand } from './commands/token.ts';
import { registerUserCommand } from './commands/user.ts';

/** Builds the `pacer` command tree; each command lives in ./commands/<name>.ts and registers itself. */
export function buildProgram(): Command {
  const program = new Command('pacer')
    .description('Pacer: SMART sales goals for small businesses (銷售目標管理系統)')
    .showHelpAfterError();
  registerStartCommand(program);
  registerMigrateCommand(program);
  registerDemoCommand(program);
  registerCompanyCommand(program);
  registerUserCommand(program);
  registerTokenCommand(program);
  registerBackupCommand(program);
  registerForecastCommand(program);
  return program;
}
