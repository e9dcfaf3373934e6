import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { memberActor } from '../../app/company/operator.ts';
import { getImport, listImportProblems, listImports } from '../../app/import/import-use-cases.ts';
import { columnOfHeader } from '../../app/import/mapping.ts';
import type { ImportRecordView } from '../../app/import/ports.ts';
import { importFile } from '../../app/import/run-import.ts';
import { undoImport } from '../../app/import/undo-import.ts';
import { type DataGap, dataGapMessage, isDataGap } from '../../core/ingest/data-gaps.ts';
import { titleBlockMessage } from '../../core/ingest/header-row.ts';
import { describeProblem } from '../../core/ingest/problem-messages.ts';
import { IMPORT_KINDS, type ImportKind } from '../../core/ingest/records.ts';
import { repeatedLinesMessage, repeatKind } from '../../core/ingest/repeated-lines.ts';
import { cliLang, say } from '../language.ts';
import { fail, output, withDatabaseOption, withRuntime } from '../options.ts';
import { progressLine } from '../progress.ts';
import { resolveCompany } from '../resolve-company.ts';

interface ImportOpts {
  company?: string;
  mapping?: string;
  sheet?: string;
  monthFirst?: boolean;
  dayFirst?: boolean;
  channel?: string;
  setCurrency?: boolean;
  strict?: boolean;
  as?: string;
  data?: string;
  json?: boolean;
}

/** A mapping file: JSON `{ "field": columnIndex | "Header name" }`, e.g. {"date": "交易日期", "amount": 5}. */
async function readMappingFile(
  path: string,
  headersHint?: string[],
): Promise<Record<string, number | null> | { byName: Record<string, string> }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    return fail(
      `Cannot read the mapping file ${path}: ${(e as Error).message}`,
      `無法讀取對應檔 ${path}:${(e as Error).message}`,
    );
  }
  const source = (
    parsed && typeof parsed === 'object' && 'mapping' in parsed
      ? (parsed as { mapping: unknown }).mapping
      : parsed
  ) as unknown;
  if (!source || typeof source !== 'object' || Array.isArray(source))
    return fail('The mapping file must hold a JSON object.', '對應檔須為 JSON 物件。');
  const byIndex: Record<string, number | null> = Object.create(null);
  const byName: Record<string, string> = Object.create(null);
  for (const [field, v] of Object.entries(source as Record<string, unknown>)) {
    if (typeof v === 'number' || v === null) byIndex[field] = v;
    else if (typeof v === 'string') byName[field] = v;
    else
      fail(
        `Mapping of "${field}" must be a column number or a header name.`,
        `「${field}」的對應值須為欄號或欄名。`,
      );
  }
  void headersHint;
  return Object.keys(byName).length
    ? {
        byName: { ...byName, ...Object.fromEntries(Object.entries(byIndex).map(([k, v]) => [k, String(v)])) },
      }
    : byIndex;
}

export function registerImportCommand(program: Command): void {
  withDatabaseOption(program.command('import'))
    .description('Import sales, marketing or satisfaction data from CSV/TSV/XLSX / 匯入資料')
    .argument('<kind>', 'sales | marketing | satisfaction')
    .argument('<file>', 'a CSV, TSV or .xlsx file (UTF-8, UTF-8 with BOM, Big5/CP950, UTF-16)')
    .option('--company <idOrName>', 'company (required when the database holds several)')
    .option(
      '--mapping <file>',
      'JSON mapping {"field": column number or "header"}; default: suggested from the headers',
    )
    .option(
      '--sheet <name>',
      'XLSX sheet (default: the one holding the table: the first whose header names the most fields)',
    )
    .option(
      '--month-first',
      'dates with the year last are month/day/year (01/31/2024); default: decided from the file (a value above 12 settles it), refused when nothing tells',
    )
    .option('--day-first', 'dates with the year last are day/month/year (31/01/2024)')
    .option(
      '--channel <name>',
      'one channel for every line of a file without a channel column (a single-platform export: --channel Facebook)',
    )
    .option(
      '--set-currency',
      "the file names another currency (Currency column, £ / US$ / HK$) and the company has no sales yet: adopt the file's currency",
    )
    .option(
      '--strict',
      'import nothing if any line has a problem (default: problem lines are rejected and listed, the rest imported)',
    )
    .option('--as <user>', 'the member recorded as importing (e-mail; default: the first owner)')
    .option(
      '--json',
      'print {"added","duplicates","rejected","repeatedLines","repeatedKeys","errors":[...]} (repeats: {"count","lines"})',
    )
    .action(async (kind: string, file: string, opts: ImportOpts) => {
      if (!(IMPORT_KINDS as readonly string[]).includes(kind))
        fail('kind must be sales, marketing or satisfaction', '類型須為 sales、marketing 或 satisfaction');
      const locale = cliLang();
      if (opts.monthFirst && opts.dayFirst)
        fail('Choose --day-first or --month-first, not both.', '請擇一:--day-first 或 --month-first。');
      await withRuntime(opts, async (rt) => {
        const company = await resolveCompany(rt, opts.company);
        const who = await memberActor(rt.ctx, company.id, opts.as).catch(() =>
          fail(
            `No member ${opts.as ?? '(owner)'} in ${company.name}.`,
            `${company.name} 中找不到成員 ${opts.as ?? '(擁有者)'}。`,
            'MEMBER_NOT_FOUND',
          ),
        );
        const reader = rt.ctx.files.reader;
        const path = resolve(file);
        if (!existsSync(path)) fail(`No such file: ${path}`, `找不到檔案:${path}`, 'FILE_NOT_FOUND');
        let mapping: Record<string, number | null> | undefined;
        if (opts.mapping) {
          const m = await readMappingFile(opts.mapping);
          if ('byName' in m && typeof m.byName === 'object') {
            const sniff = await reader.sniff(path, basename(path));
            const it = reader
              .batches(path, {
                format: sniff.format,
                encoding: sniff.encoding,
                delimiter: sniff.delimiter,
                sheet: opts.sheet ?? sniff.sheets?.[0],
              })
              [Symbol.asyncIterator]();
            const first = await it.next();
            await it.return?.();
            const headers = first.done ? [] : (first.value[0]?.cells ?? []).map((c) => c.trim());
            mapping = Object.create(null) as Record<string, number | null>;
            for (const [field, name] of Object.entries(m.byName as Record<string, string>)) {
              const idx = /^\d+$/.test(name) ? Number(name) : columnOfHeader(name, headers);
              if (idx < 0)
                fail(
                  `Header "${name}" (for ${field}) is not in the file.`,
                  `檔案中沒有欄位「${name}」(對應 ${field})。`,
                );
              mapping[field] = idx;
            }
          } else {
            mapping = m as Record<string, number | null>;
          }
        }
        const started = Date.now();
        let last = 0;
        const progress = progressLine({ quiet: opts.json });
        try {
          const result = await importFile(
            rt.ctx,
            reader,
            who,
            company.id,
            { path, fileName: basename(path) },
            {
              kind: kind as ImportKind,
              dayFirst: opts.dayFirst ? true : opts.monthFirst ? false : undefined,
              channel: opts.channel,
              setCompanyCurrency: opts.setCurrency === true,
              sheet: opts.sheet,
              mapping,
              strict: opts.strict === true,
            },
            ({ linesRead, phase }) => {
              if (phase === 'saving')
                progress.update(
                  `${linesRead.toLocaleString('en')} ${locale === 'en' ? 'lines read, saving…' : '行已讀取,正在存入…'}`,
                );
              else if (linesRead - last >= 50_000) {
                last = linesRead;
                progress.update(`${linesRead.toLocaleString('en')} lines…`);
              }
            },
          );
          progress.done();
          const errors = await listImportProblems(rt.ctx, who, company.id, result.importId, locale);
          // What the file lacked, as the import's record counted it (the lines added lacking each fact).
          const kept = (await getImport(rt.ctx, who, company.id, result.importId)).account;
          const gapLines = Object.entries(kept?.gapLines ?? {}).filter(
            (e): e is [DataGap, number] => isDataGap(e[0]) && (e[1] ?? 0) > 0,
          );
          const secs = (Date.now() - started) / 1000;
          output(
            opts.json,
            {
              importId: result.importId,
              added: result.added,
              duplicates: result.duplicates,
              rejected: result.rejected,
              linesRead: result.linesRead,
              headerLine: result.headerLine,
              titleLines: result.titleLines,
              dateOrder: result.decisions.dateOrder,
              currency: result.currency,
              orders: result.orders,
              // Lines repeating an earlier line of the file: imported each (same content) or not at all
              // (same order id and line number); { count, lines: the first file line numbers }.
              repeatedLines: result.repeatedLines ?? { count: 0, lines: [] },
              repeatedKeys: result.repeatedKeys ?? { count: 0, lines: [] },
              gaps: gapLines.map(([g]) => g),
              seconds: secs,
              errors,
            },
            [
              locale === 'en'
                ? `Imported ${basename(path)}: +${result.added} added, ${result.duplicates} duplicates skipped, ${result.rejected} rejected ${speed(secs, result.linesRead)}`
                : `已匯入 ${basename(path)}：新增 ${result.added} 筆，重複略過 ${result.duplicates} 筆，有誤 ${result.rejected} 筆 ${speed(secs, result.linesRead)}`,
              indent(titleBlockMessage(result, locale)),
              result.orders && result.orders.excludedLines > 0
                ? locale === 'en'
                  ? `  ${result.orders.excludedLines} lines of refunded, voided, cancelled or unpaid orders left out of sales`
                  : `  ${result.orders.excludedLines} 筆已退款、作廢、取消或未付款訂單的明細未計入銷售`
                : '',
              result.orders && result.duplicates > 0
                ? locale === 'en'
                  ? `  ${result.duplicates} lines were imported before: a re-import does not update returns, refunds or status changes completed since (to take this file's figures: pacer import-undo <earlier import id>, then import it again)`
                  : `  ${result.duplicates} 筆明細先前已匯入：重新匯入不會更新之後才完成的退貨、退款或狀態變更（要改用這個檔案的數字：pacer import-undo <先前的匯入編號>，再匯入一次）`
                : '',
              // Survey responses imported before (by their id or their content): not counted twice.
              kind === 'satisfaction' && result.duplicates > 0
                ? `  ${repeatedLinesMessage('responsesBefore', { count: result.duplicates, lines: [] }, locale)}`
                : '',
              ...(['lines', 'keys'] as const).map((k) => {
                const repeats = k === 'lines' ? result.repeatedLines : result.repeatedKeys;
                return repeats && repeats.count > 0
                  ? `  ${repeatedLinesMessage(repeatKind(kind as ImportKind, k), repeats, locale, result.added === 0)}`
                  : '';
              }),
              ...gapLines.map(([g, lines]) => `  ${dataGapMessage(g, lines, locale, 'import')}`),
              ...errors
                .slice(0, 20)
                .map((e) =>
                  say(
                    `  line ${e.line}${e.column ? ` [${e.column}]` : ''}: ${e.message}${e.value ? ` (${e.value})` : ''}`,
                    `  第 ${e.line} 行${e.column ? `「${e.column}」` : ''}：${e.message}${e.value ? `（${e.value}）` : ''}`,
                  ),
                ),
              errors.length > 20
                ? say(`  … ${result.rejected - 20} more`, `  … 另有 ${result.rejected - 20} 筆`)
                : '',
              say(`import id: ${result.importId}`, `匯入編號：${result.importId}`),
            ]
              .filter(Boolean)
              .join('\n'),
          );
        } catch (e) {
          progress.done();
          // Said (and with --json printed as {"error": …}) in the chosen language by main.ts.
          throw e;
        }
      });
    });

  withDatabaseOption(program.command('import-history'))
    .description('Past imports: figures, lines left out and the facts each file lacked / 匯入紀錄')
    .option('--company <idOrName>', 'company')
    .option('--json', 'print JSON (the records with their "account"; money in minor units)')
    .action(async (opts: { company?: string; data?: string; json?: boolean }) => {
      const locale = cliLang();
      await withRuntime(opts, async (rt) => {
        const company = await resolveCompany(rt, opts.company);
        const owner = await memberActor(rt.ctx, company.id).catch(() =>
          fail('The company has no owner.', '公司沒有擁有者。', 'MEMBER_NOT_FOUND'),
        );
        const records = await listImports(rt.ctx, owner, company.id);
        output(
          opts.json,
          records.map(({ mapping: _m, ...r }) => r),
          records.length === 0
            ? locale === 'en'
              ? 'No imports yet.'
              : '尚無匯入紀錄。'
            : records.map((r) => historyLines(r, locale).join('\n')).join('\n'),
        );
      });
    });

  withDatabaseOption(program.command('import-undo'))
    .description('Undo an import as a whole / 復原整筆匯入')
    .argument('<importId>')
    .option('--company <idOrName>', 'company')
    .option('--json', 'print JSON')
    .action(async (importId: string, opts: { company?: string; data?: string; json?: boolean }) => {
      await withRuntime(opts, async (rt) => {
        const company = await resolveCompany(rt, opts.company);
        const owner = await memberActor(rt.ctx, company.id).catch(() =>
          fail('The company has no owner.', '公司沒有擁有者。', 'MEMBER_NOT_FOUND'),
        );
        const rec = await undoImport(rt.ctx, owner, company.id, importId);
        output(
          opts.json,
          rec,
          say(
            `Undone: ${rec.fileName} (${rec.added} lines removed)`,
            `已復原：${rec.fileName}（移除 ${rec.added} 筆明細）`,
          ),
        );
      });
    });
}

/** A summary line, indented under the first; nothing when there is nothing to say. */
const indent = (line: string | null): string => (line === null ? '' : `  ${line}`);

/** How long an import took and how fast it read: "(0.2 s, 5,281 lines/s)", 「(0.2 秒,每秒 5,281 行)」. */
function speed(secs: number, lines: number): string {
  const rate = Math.round(lines / Math.max(secs, 0.001)).toLocaleString('en');
  return say(`(${secs.toFixed(1)} s, ${rate} lines/s)`, `（${secs.toFixed(1)} 秒，每秒 ${rate} 行）`);
}

/** One import of the history, with what it left out and what its file lacked. */
function historyLines(r: ImportRecordView, locale: 'zh-TW' | 'en'): string[] {
  const en = locale === 'en';
  const status = r.status === 'undone' ? (en ? ' (undone)' : '（已復原）') : '';
  const out = [
    `${r.createdAt.slice(0, 16).replace('T', ' ')}  ${r.kind}  ${r.fileName}${status}  ${r.id}`,
    en
      ? `  +${r.added} added, ${r.duplicates} duplicates, ${r.rejected} rejected, dates ${r.firstDate ?? '—'}..${r.lastDate ?? '—'}`
      : `  新增 ${r.added} 筆、重複 ${r.duplicates} 筆、有誤 ${r.rejected} 筆，日期 ${r.firstDate ?? '—'}..${r.lastDate ?? '—'}`,
  ];
  const a = r.account;
  if (a === null) return out;
  const o = a.orders;
  if (o && o.excludedLines + o.returnLines > 0) {
    const by = o.excludedLinesBy;
    out.push(
      en
        ? `  left out of sales: ${o.excludedLines} lines (refunded ${by.refunded}, voided ${by.voided}, cancelled ${by.cancelled}, unpaid ${by.unpaid}); ${o.returnLines} return lines netted`
        : `  未計入銷售：${o.excludedLines} 筆（已退款 ${by.refunded}、作廢 ${by.voided}、取消 ${by.cancelled}、未付款 ${by.unpaid}）；${o.returnLines} 筆退貨已沖銷`,
    );
  }
  for (const [code, lines] of Object.entries(a.rejectedByCode))
    out.push(
      en
        ? `  rejected: ${lines} × ${describeProblem(code, locale)}`
        : `  有誤：${lines} 筆，${describeProblem(code, locale)}`,
    );
  for (const g of a.gaps) {
    const lines = a.gapLines[g] ?? 0;
    if (lines > 0) out.push(`  ${dataGapMessage(g, lines, locale, 'import')}`);
  }
  for (const [field, repeats] of [
    ['lines', a.repeatedLines],
    ['keys', a.repeatedKeys],
  ] as const)
    if (repeats && repeats.count > 0)
      out.push(`  ${repeatedLinesMessage(repeatKind(r.kind, field), repeats, locale, r.added === 0)}`);
  return out;
}
