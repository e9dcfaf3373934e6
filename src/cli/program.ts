import { Command } from 'commander';
import { withLocalizedParseErrors } from './commander-errors.ts';
import { withLanguageOption } from './language.ts';

type Register = (program: Command) => void;

/**
 * Every top-level command and the module that registers it. Modules load only when their command
 * runs (the server, the database drivers and the forecasting engine are heavy), so `pacer forecast`
 * does not pay for Fastify and `pacer --help` stays quick.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  start: async () => (await import('./commands/start.ts')).registerStartCommand,
  migrate: async () => (await import('./commands/migrate.ts')).registerMigrateCommand,
  demo: async () => (await import('./commands/demo.ts')).registerDemoCommand,
  'demo-data': async () => (await import('./commands/demo-data.ts')).registerDemoDataCommand,
  company: async () => (await import('./commands/company.ts')).registerCompanyCommand,
  user: async () => (await import('./commands/user.ts')).registerUserCommand,
  token: async () => (await import('./commands/token.ts')).registerTokenCommand,
  backup: async () => (await import('./commands/backup.ts')).registerBackupCommand,
  import: async () => {
    // An SQLite import's writer thread starts loading now, beside this command's own modules.
    if (!process.env.DATABASE_URL)
      (await import('../db/imports/sqlite-import-client.ts')).prestartImportWriter();
    return (await import('./commands/import.ts')).registerImportCommand;
  },
  'import-undo': async () => (await import('./commands/import.ts')).registerImportCommand,
  'import-history': async () => (await import('./commands/import.ts')).registerImportCommand,
  kpi: async () => (await import('./commands/kpi.ts')).registerKpiCommand,
  forecast: async () => (await import('./commands/forecast.ts')).registerForecastCommand,
  smart: async () => (await import('./commands/smart.ts')).registerSmartCommand,
  goal: async () => (await import('./commands/goal.ts')).registerGoalCommand,
  plan: async () => (await import('./commands/plan.ts')).registerPlanCommand,
};

/** Builds the `pacer` command tree: only `command`'s module when given, else all (for help). */
export async function buildProgram(command?: string): Promise<Command> {
  // Every command takes --lang (before or after its name): the one language it prints in.
  const program = withLocalizedParseErrors(
    withLanguageOption(
      new Command('pacer').description('Pacer: SMART sales goals for small businesses (銷售目標管理系統)'),
    ),
    process.argv,
  ).showHelpAfterError();
  const load =
    command !== undefined && Object.hasOwn(COMMANDS, command) ? [COMMANDS[command]] : Object.values(COMMANDS);
  const registered = new Set<Register>();
  for (const loader of load) {
    const register = await loader?.();
    if (register && !registered.has(register)) {
      registered.add(register);
      register(program);
    }
  }
  return program;
}
