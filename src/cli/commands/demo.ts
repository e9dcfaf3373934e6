import type { Command } from 'commander';
import { DEMO_LOGIN, type DemoSeedResult, seedDemoCompany } from '../../app/demo/seed-demo-company.ts';
import { todayIn } from '../../core/calendar/time-zones.ts';
import { createDemoHistoryWriter } from '../../db/demo-history-writer.ts';
import type { Runtime } from '../../db/runtime.ts';
import { say } from '../language.ts';
import { output, withDatabaseOption, withRuntime } from '../options.ts';
import { progressLine } from '../progress.ts';

/** Seeds the demo company with a progress line on stderr. */
export async function seedDemoWithProgress(rt: Runtime, quiet = false): Promise<DemoSeedResult> {
  const writer = createDemoHistoryWriter(rt.database);
  const started = Date.now();
  const progress = progressLine({ quiet });
  try {
    const result = await seedDemoCompany(rt.ctx, writer, {
      today: todayIn('Asia/Taipei', rt.ctx.clock.now()),
      onProgress: (n) => {
        if (n % 20_000 < 500)
          progress.update(`建立示範資料 / generating demo history: ${n.toLocaleString('en')} lines`);
      },
    });
    progress.done(
      `建立示範資料 / demo history: ${result.lines.toLocaleString('en')} lines in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return result;
  } finally {
    progress.done();
  }
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
      await withRuntime(
        opts,
        async (rt) => {
          const result = await seedDemoWithProgress(rt, opts.json);
          const lines = result.lines.toLocaleString('en');
          output(
            opts.json,
            { ...result, login: { email: DEMO_LOGIN.email, password: DEMO_LOGIN.password } },
            say(
              `Demo company created (${lines} sales lines, ${result.period.start} … ${result.period.end}).\nDemo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`,
              `已建立示範公司(${lines} 筆銷售明細,${result.period.start} … ${result.period.end})。\n示範登入:${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`,
            ),
          );
        },
        { create: true },
      );
    });
}
