import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import type { Command } from 'commander';
import { sqliteFilePath } from '../../db/connect.ts';
import { say } from '../language.ts';
import { databaseConfig, fail, output, requireDatabase, withDatabaseOption } from '../options.ts';
import { progressLine } from '../progress.ts';

export function registerBackupCommand(program: Command): void {
  withDatabaseOption(program.command('backup'))
    .description('Consistent copy of the SQLite database, safe while Pacer runs / 線上備份 SQLite 資料庫')
    .argument('<file>', 'where to write the copy')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { data?: string; json?: boolean }) => {
      const config = databaseConfig(opts);
      if (config.databaseUrl) {
        fail(
          'With PostgreSQL, back up with pg_dump (e.g. `pg_dump -Fc "$DATABASE_URL" > pacer.dump`).',
          'PostgreSQL 請使用 pg_dump 備份(例如 `pg_dump -Fc "$DATABASE_URL" > pacer.dump`)。',
        );
      }
      requireDatabase(config);
      const source = sqliteFilePath(config);
      const target = resolve(file);
      if (existsSync(target))
        fail(`${target} already exists; choose a new file.`, `${target} 已存在,請指定新的檔案。`);
      const db = new SQLite(source, { fileMustExist: true });
      try {
        db.pragma('busy_timeout = 5000');
        // SQLite's online backup API: a consistent snapshot while other connections keep writing.
        const started = Date.now();
        const progress = progressLine({ quiet: opts.json });
        try {
          await db.backup(target, {
            progress: ({ totalPages, remainingPages }) => {
              if (totalPages > 0)
                progress.update(`backup ${Math.round(((totalPages - remainingPages) / totalPages) * 100)}%`);
              return 1000;
            },
          });
        } finally {
          progress.done();
        }
        const check = new SQLite(target, { readonly: true });
        const integrity = check.pragma('integrity_check', { simple: true });
        check.close();
        if (integrity !== 'ok')
          fail(
            `The copy failed its integrity check: ${String(integrity)}`,
            `備份檔未通過完整性檢查:${String(integrity)}`,
          );
        output(
          opts.json,
          { source, target, integrity, ms: Date.now() - started },
          say(
            `Backed up ${source} → ${target} (integrity ok).`,
            `已備份 ${source} → ${target}(完整性檢查通過)。`,
          ),
        );
      } finally {
        db.close();
      }
    });
}
