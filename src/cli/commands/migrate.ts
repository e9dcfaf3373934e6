import type { Command } from 'commander';
import { openRuntime } from '../../db/runtime.ts';
import { databaseConfig, output, withDatabaseOption } from '../options.ts';

export function registerMigrateCommand(program: Command): void {
  withDatabaseOption(program.command('migrate'))
    .description('Bring the database schema up to date / 更新資料庫結構')
    .option('--json', 'print JSON')
    .action(async (opts: { data?: string; json?: boolean }) => {
      const rt = await openRuntime(databaseConfig(opts));
      try {
        const where = rt.database.location;
        output(
          opts.json,
          { database: rt.database.kind, location: where, applied: rt.applied },
          rt.applied.length
            ? `Applied ${rt.applied.length} migration(s) to ${where}: ${rt.applied.join(', ')}`
            : `Schema of ${where} is up to date. / 資料庫結構已是最新。`,
        );
      } finally {
        await rt.close();
      }
    });
}
