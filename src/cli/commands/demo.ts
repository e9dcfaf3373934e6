import type { Command } from 'commander';
import { DEMO_LOGIN, type DemoSeedResult, seedDemoCompany } from '../../app/demo/seed-demo-company.ts';
import { todayIn } from '../../core/calendar/time-zones.ts';
import { createDemoHistoryWriter } from '../../db/demo-history-writer.ts';
import type { Runtime } from '../../db/runtime.ts';
import { output, withDatabaseOption, withRuntime } from '../options.ts';

/** Seeds the demo company with a progress line on stderr. */
export async function seedDemoWithProgress(rt: Runtime, quiet = false): Promise<DemoSeedResult> {
  const writer = createDemoHistoryWriter(rt.database);
  const started = Date.now();
  const result = await seedDemoCompany(rt.ctx, writer, {
    today: todayIn('Asia/Taipei', rt.ctx.clock.now()),
    onProgress: (n) => {
      if (!quiet && n % 20_000 < 500)
        process.stderr.write(`\r建立示範資料 / generating demo history: ${n.toLocaleString('en')} lines`);
    },
  });
  if (!quiet) {
    process.stderr.write(
      `\r建立示範資料 / demo history: ${result.lines.toLocaleString('en')} lines in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  }
  return result;
}

export function seedDemoIfEmpty(rt: Runtime): Promise<DemoSeedResult | null> {
  return createDemoHistoryWriter(rt.database)
    .hasAnyCompany()
    .then((has) => (has ? null : seedDemoWithProgress(rt)));
}

export function registerDemoCommand(program: Command): void {
  withDatabaseOption(program.command('demo'))
    .description('Create the demo company 「示範咖啡店」 with three years of sales history / 建立示範公司')
    .option('--json', 'print JSON')
    .action(async (opts: { data?: string; json?: boolean }) => {
      await withRuntime(opts, async (rt) => {
        const result = await seedDemoWithProgress(rt, opts.json);
        output(
          opts.json,
          { ...result, login: { email: DEMO_LOGIN.email, password: DEMO_LOGIN.password } },
          `Demo company created (${result.lines} sales lines, ${result.period.start} … ${result.period.end}).\nDemo login / 示範登入: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`,
        );
      });
    });
}
