import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { ZodError, type z } from 'zod';
import { type FieldError, isAppError } from '../core/errors/app-error.ts';
import type { MessageLocale } from '../core/errors/catalogue.ts';
import { type DatabaseConfig, sqliteFilePath } from '../db/connect.ts';
import { openRuntime, type Runtime } from '../db/runtime.ts';
import { type ProblemField, problemField, problemMessage } from '../server/problem.ts';
import { localizedIssues, localizeField, localizeIssue } from '../server/validation-errors.ts';
import { cliLang, failureLang, LangOptionError } from './language.ts';

export interface DatabaseOptions {
  data?: string;
}

/** Adds --data to a command; DATABASE_URL=postgres://... in the environment selects PostgreSQL instead. */
export function withDatabaseOption(cmd: Command): Command {
  return cmd.option(
    '--data <dir>',
    'SQLite data folder / SQLite 資料夾 (ignored when DATABASE_URL is set)',
    './data',
  );
}

export function databaseConfig(opts: DatabaseOptions): DatabaseConfig {
  return { databaseUrl: process.env.DATABASE_URL, dataDir: opts.data ?? './data' };
}

const usesPostgres = (config: DatabaseConfig) => /^postgres(ql)?:\/\//.test(config.databaseUrl ?? '');

/**
 * Refuses a SQLite data folder that holds no database: a command that reads (a KPI, a goal, an undo)
 * would otherwise create an empty database wherever a typo in --data points.
 */
export function requireDatabase(config: DatabaseConfig): void {
  if (usesPostgres(config)) return;
  const file = sqliteFilePath(config);
  if (existsSync(file)) return;
  const dir = dirname(file);
  fail(
    `No Pacer database in ${dir} (no ${file}). Check --data; \`pacer start\`, \`pacer migrate\` or \`pacer user create\` create one.`,
    `${dir} 中沒有 Pacer 資料庫(找不到 ${file})。請檢查 --data 的資料夾;\`pacer start\`、\`pacer migrate\` 或 \`pacer user create\` 會建立資料庫。`,
    'DATA_NOT_FOUND',
  );
}

/**
 * Opens the database for a command. A command that reads needs a database there already; one that
 * creates (`create: true`: start, migrate, demo, user create) makes the folder and database.
 */
export async function withRuntime<T>(
  opts: DatabaseOptions,
  fn: (rt: Runtime) => Promise<T>,
  { create = false }: { create?: boolean } = {},
): Promise<T> {
  const config = databaseConfig(opts);
  if (!create) requireDatabase(config);
  const rt = await openRuntime(config);
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

/** Prints a result as JSON (--json) or as text; errors go to stderr with a non-zero exit code. */
export function output(json: boolean | undefined, data: unknown, text: string): void {
  process.stdout.write(json ? `${JSON.stringify(data, null, 2)}\n` : `${text}\n`);
}

/** A failure of the command line itself (a bad option, no such company), worded in both languages. */
export class CliError extends Error {
  readonly zh: string;
  /** Stable, for scripts (`--json` prints it): a catalogue code where one fits. */
  readonly code: string;
  /** What `--json` prints beside the error (a goal sentence's reading that could not be saved). */
  readonly data: Readonly<Record<string, unknown>> | undefined;
  constructor(en: string, zh: string = en, code = 'INVALID_INPUT', data?: Readonly<Record<string, unknown>>) {
    super(en);
    this.name = 'CliError';
    this.zh = zh;
    this.code = code;
    this.data = data;
  }
  text(locale: MessageLocale | null): string {
    if (locale === 'en' || this.zh === this.message) return this.message;
    return locale === 'zh-TW' ? this.zh : `${this.zh} / ${this.message}`;
  }
}

/**
 * Fails the command: `en` and `zh` say the same thing; the chosen language is printed. `data` goes
 * beside the error in the `--json` answer.
 */
export function fail(
  en: string,
  zh?: string,
  code?: string,
  data?: Readonly<Record<string, unknown>>,
): never {
  throw new CliError(en, zh, code, data);
}

/**
 * Field problems, one per entry, `path: message` in `locale` (worded as the API words them; both
 * languages when none was chosen).
 */
export const fieldLines = (errors: readonly FieldError[], locale: MessageLocale | null = failureLang()) =>
  errors.map((f) => {
    const message = locale
      ? localizeField(f, locale).message
      : `${localizeField(f, 'zh-TW').message} / ${localizeField(f, 'en').message}`;
    return f.path ? `${f.path}: ${message}` : message;
  });

const fieldText = (errors: readonly FieldError[], locale: MessageLocale | null) =>
  fieldLines(errors, locale).join('; ');

/** A zod failure's field problems, in both languages (each worded by validation-errors.ts). */
const zodFields = (issues: readonly z.core.$ZodIssue[]): FieldError[] =>
  issues.map((i) => {
    const en = localizeIssue(i, 'en');
    return {
      path: en.path,
      message: en.message,
      messages: { en: en.message, 'zh-TW': localizeIssue(i, 'zh-TW').message },
    };
  });

/**
 * One line for a failure a user can act on: an AppError (the catalogue's message, as the API words
 * it, with its fields), a zod validation failure or a CliError, in `locale`: the language the rest of
 * the command prints in, or both when nothing chose one (language.ts failureLang); null for anything else.
 */
export function failureLine(e: unknown, locale: MessageLocale | null = failureLang()): string | null {
  const say = (build: (l: MessageLocale) => string) =>
    locale ? build(locale) : `${build('zh-TW')} / ${build('en')}`;
  if (e instanceof CliError) return e.text(locale);
  // The one failure said in both languages: the language choice itself failed.
  if (e instanceof LangOptionError)
    return locale === 'en' ? e.message : `--lang 須為 zh-TW 或 en,不是「${e.value}」 / ${e.message}`;
  if (isAppError(e)) {
    const fields = e.fieldErrors?.length ? ` (${fieldText(e.fieldErrors, locale)})` : '';
    return `${say((l) => problemMessage(e.code, l, e.params))}${fields}`;
  }
  if (e instanceof ZodError) {
    const fields = fieldText(zodFields(e.issues), locale);
    return `${say((l) => problemMessage('VALIDATION_FAILED', l))} (${fields})`;
  }
  return null;
}

/**
 * A failure as `--json` prints it: `{"error": {"code", "message", "fields"}}` (and a CliError's
 * `data` beside it); null for an unexpected one.
 */
export function failureJson(
  e: unknown,
): { error: { code: string; message: string; fields: readonly ProblemField[] } } | null {
  const lang = cliLang();
  const message = failureLine(e, lang);
  if (message === null) return null;
  const code =
    e instanceof CliError
      ? e.code
      : isAppError(e)
        ? e.code
        : e instanceof LangOptionError || e instanceof ZodError
          ? 'VALIDATION_FAILED'
          : 'INTERNAL';
  // Each field as the API sends it: in the language printed in, with its code where it has one.
  const fields = (
    isAppError(e) ? (e.fieldErrors ?? []) : e instanceof ZodError ? zodFields(e.issues) : []
  ).map((f) => problemField(f, lang));
  return { ...(e instanceof CliError ? e.data : undefined), error: { code, message, fields } };
}

/** Fails with the message of an invalid option value, naming the option (e.g. `--owner`). */
export function parseOption<T>(option: string, schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const [en, zh] = (['en', 'zh-TW'] as const).map((l) =>
    (localizedIssues(schema, value, l) ?? [])
      .map((i) => `${[option, i.path].filter(Boolean).join('.')}: ${i.message}`)
      .join('; '),
  );
  return fail(
    `${problemMessage('VALIDATION_FAILED', 'en')} (${en})`,
    `${problemMessage('VALIDATION_FAILED', 'zh-TW')} (${zh})`,
    'VALIDATION_FAILED',
  );
}
