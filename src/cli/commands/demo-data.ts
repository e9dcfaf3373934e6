import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { addDays } from '../../core/calendar/dates.ts';
import { todayIn } from '../../core/calendar/time-zones.ts';
import {
  buildDemoCatalog,
  computeDemoHistoryPeriod,
  DEMO_SEED,
  generateDemoSales,
} from '../../core/demo/index.ts';
import { fromMinorUnits } from '../../core/money/currency.ts';
import { writeCsv, writeXlsx } from '../../ingest/export-table.ts';
import { say } from '../language.ts';
import { fail, output } from '../options.ts';

/** The header of the demo's sales export, as a Taiwanese POS would write it. */
export const DEMO_CSV_HEADER = [
  '訂單編號',
  '項次',
  '交易時間',
  '品名',
  '類別',
  '數量',
  '單價',
  '折扣',
  '金額',
  '會員編號',
  '通路',
  '業務員',
  '地區',
  '活動代碼',
];

/**
 * Writes the demo coffee shop's sales history as a CSV or XLSX file with Chinese headers: sample
 * data to try the import with, and the data sets of the import benchmarks (--scale 5 ≈ 1M lines).
 */
export function registerDemoDataCommand(program: Command): void {
  program
    .command('demo-data')
    .description(
      'Write the demo shop’s sales history as a CSV/XLSX file (sample data, benchmarks) / 產生示範銷售資料檔',
    )
    .argument('<file>', 'output file: .csv or .xlsx')
    .option('--scale <n>', 'daily volume multiplier (1 ≈ 200 lines a day; 5 ≈ 1M lines over 3 years)', '1')
    .option('--days <n>', 'number of days, ending yesterday (default: three years)')
    .option('--members <n>', 'member customers in the catalog')
    .option('--limit <n>', 'stop after this many lines')
    .option('--json', 'print JSON')
    .action(
      async (
        file: string,
        opts: { scale: string; days?: string; members?: string; limit?: string; json?: boolean },
      ) => {
        const scale = Number(opts.scale);
        if (!(scale > 0 && scale <= 500))
          fail('--scale must be above 0 and at most 500', '--scale 倍數須大於 0、不超過 500');
        const full = computeDemoHistoryPeriod(todayIn('Asia/Taipei', new Date()));
        let start = full.start;
        if (opts.days) {
          const days = Number(opts.days);
          if (!(Number.isInteger(days) && days >= 1 && days <= 36_600))
            fail(
              '--days must be a whole number of days from 1 to 36600',
              '--days 天數須為 1 到 36600 的整數',
            );
          start = addDays(full.end, 1 - days);
        }
        const catalog = buildDemoCatalog(DEMO_SEED, {
          start: full.start,
          end: full.end,
          ...(opts.members ? { members: Number(opts.members) } : {}),
        });
        const category = new Map(catalog.products.map((p) => [p.name, p.category]));
        const limit = opts.limit ? Number(opts.limit) : Number.POSITIVE_INFINITY;
        let count = 0;
        function* rows() {
          yield DEMO_CSV_HEADER;
          for (const l of generateDemoSales(catalog, { seed: DEMO_SEED, start, end: full.end, scale })) {
            if (count >= limit) return;
            count += 1;
            yield [
              l.orderId,
              l.lineNo,
              l.soldAt.replace('T', ' '),
              l.product,
              category.get(l.product) ?? '',
              l.quantity,
              fromMinorUnits(l.unitPriceMinor, 'TWD'),
              fromMinorUnits(l.discountMinor, 'TWD'),
              fromMinorUnits(l.amountMinor, 'TWD'),
              l.customer ?? '',
              l.channel,
              l.rep ?? '',
              l.region ?? '',
              l.campaignCode ?? '',
            ];
          }
        }
        const path = resolve(file);
        const started = Date.now();
        if (path.endsWith('.xlsx')) {
          await writeXlsx(rows(), path, { sheetName: '銷售明細' });
        } else {
          const out = createWriteStream(path);
          await writeCsv(rows(), out);
          out.end();
          await once(out, 'finish');
        }
        output(
          opts.json,
          { file: path, lines: count, seconds: (Date.now() - started) / 1000 },
          say(
            `Wrote ${count.toLocaleString('en')} lines to ${path}`,
            `已將 ${count.toLocaleString('en')} 筆明細寫入 ${path}`,
          ),
        );
      },
    );
}
