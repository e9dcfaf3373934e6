import type { Command } from 'commander';
import { openRuntime } from '../../db/runtime.ts';
import { say } from '../language.ts';
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
            ? say(
                `Applied ${rt.applied.length} ${rt.applied.length === 1 ? 'migration' : 'migrations'} to ${where}: ${rt.applied.join(', ')}`,
                `已為 ${where} 套用 ${rt.applied.length} 項結構更新:${rt.applied.join('、')}`,
              )
            : say(`The schema of ${where} is up to date.`, `${where} 的資料庫結構已是最新。`),
        );
      } finally {
        await rt.close();
      }
    });
}
