import type { Command } from 'commander';
import { ZodError } from 'zod';
import { type FieldError, fieldMessage, isAppError } from '../core/errors/app-error.ts';
import type { MessageLocale } from '../core/errors/catalogue.ts';
import type { DatabaseConfig } from '../db/connect.ts';
import { openRuntime, type Runtime } from '../db/runtime.ts';
import { problemMessage } from '../server/problem.ts';

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

export async function withRuntime<T>(opts: DatabaseOptions, fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const rt = await openRuntime(databaseConfig(opts));
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

export class CliError extends Error {}

export function fail(message: string): never {
  throw new CliError(message);
}

/**
 * The language of the user's terminal: PACER_LANG, else LC_ALL / LC_MESSAGES / LANG (en… or zh…);
 * null when they name neither (messages then say both).
 */
export function cliLocale(env: NodeJS.ProcessEnv = process.env): MessageLocale | null {
  const tag = (env.PACER_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase();
  if (tag.startsWith('en')) return 'en';
  if (tag.startsWith('zh')) return 'zh-TW';
  return null;
}

/** Field problems, one per entry, `path: message` in `locale` (both languages when unknown). */
export const fieldLines = (errors: readonly FieldError[], locale: MessageLocale | null = cliLocale()) =>
  errors.map((f) => (f.path ? `${f.path}: ${fieldMessage(f, locale)}` : fieldMessage(f, locale)));

const fieldText = (errors: readonly FieldError[], locale: MessageLocale | null) =>
  fieldLines(errors, locale).join('; ');

/**
 * One line for a failure a user can act on: an AppError (catalogue message with its fields) or a
 * zod validation failure, in `locale` (both languages when unknown); null for anything else.
 */
export function failureLine(e: unknown, locale: MessageLocale | null = cliLocale()): string | null {
  const say = (build: (l: MessageLocale) => string) =>
    locale ? build(locale) : `${build('zh-TW')} / ${build('en')}`;
  if (isAppError(e)) {
    const fields = e.fieldErrors?.length ? ` (${fieldText(e.fieldErrors, locale)})` : '';
    return `${say((l) => problemMessage(e.code, l, e.params))}${fields}`;
  }
  if (e instanceof ZodError) {
    const fields = fieldText(
      e.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
      locale,
    );
    return `${say((l) => problemMessage('VALIDATION_FAILED', l))} (${fields})`;
  }
  return null;
}

/** Fails with the zod message of an invalid option value, naming the option (e.g. `--owner`). */
export function parseOption<T>(
  option: string,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } },
  value: unknown,
): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  return fail(failureLine(withOptionPath(option, r.error)) ?? option);
}

function withOptionPath(option: string, error: ZodError): ZodError {
  return new ZodError(error.issues.map((i) => ({ ...i, path: [option, ...i.path] })) as ZodError['issues']);
}
