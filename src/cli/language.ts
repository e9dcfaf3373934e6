import type { Command } from 'commander';
import type { MessageLocale } from '../core/errors/catalogue.ts';

/**
 * The language of the CLI: the one place every command asks which language to print in.
 *
 * Chosen by `--lang` (a global option: `pacer kpi … --lang en`), else by PACER_LANG; a command may
 * settle a default of its own when neither is given (a goal is graded in its sentence's language);
 * everything else defaults to zh-TW. Output is printed in one language. A failure when nothing chose
 * a language is said in both (an operator's terminal whose language we do not know: a server that
 * cannot start, a file that is not there), as is a --lang that names no language.
 */
export type CliLang = MessageLocale;

/** `en`, `en-US` → en; `zh`, `zh-TW`, `zh-Hant` → zh-TW; anything else null. */
export function parseLang(value: string): CliLang | null {
  const v = value.trim().toLowerCase();
  if (v === 'en' || /^en[-_]/.test(v)) return 'en';
  if (v === 'zh' || /^zh[-_]/.test(v)) return 'zh-TW';
  return null;
}

const context: { flag: CliLang | undefined; settled: CliLang | undefined; json: boolean } = {
  flag: undefined,
  settled: undefined,
  json: false,
};

/** PACER_LANG when it names a language. */
function envLang(env: NodeJS.ProcessEnv = process.env): CliLang | undefined {
  const v = env.PACER_LANG;
  return v ? (parseLang(v) ?? undefined) : undefined;
}

/** A --lang value that names no language (the message says both, since none was chosen). */
export class LangOptionError extends Error {
  constructor(readonly value: string) {
    super(`--lang: zh-TW or en, not "${value}"`);
  }
}

/**
 * Records the options of the command about to run (--lang, --json); called once, before its action.
 * Throws LangOptionError for a --lang that names no language.
 */
export function setCliContext(opts: { lang?: unknown; json?: unknown }): void {
  context.json = opts.json === true;
  context.settled = undefined;
  if (typeof opts.lang === 'string') {
    const lang = parseLang(opts.lang);
    if (!lang) throw new LangOptionError(opts.lang);
    context.flag = lang;
  } else context.flag = undefined;
}

/**
 * Gives `program` the global --lang option (accepted before or after any command's name) and records
 * each command's --lang and --json before its action. Once per program: `pacer` itself, or a program
 * one command is registered on by itself (the smart bench).
 */
export function withLanguageOption(program: Command): Command {
  if (program.options.some((o) => o.long === '--lang')) return program;
  return program
    .option('--lang <locale>', 'zh-TW | en: the language of messages (default: PACER_LANG, else zh-TW)')
    .configureHelp({ showGlobalOptions: true })
    .hook('preAction', (_program, action) => setCliContext(action.optsWithGlobals()));
}

/** The language the user chose (--lang, else PACER_LANG); undefined when neither says. */
export const chosenLang = (): CliLang | undefined => context.flag ?? envLang();

/** A command's own default when the user chose none (a goal's language); the choice still wins. */
export function settleLang(lang: CliLang): CliLang {
  context.settled = lang;
  return cliLang();
}

/** The language to print in: the user's choice, else the command's own default, else zh-TW. */
export const cliLang = (): CliLang => chosenLang() ?? context.settled ?? 'zh-TW';

/** The language of a failure: as printed, or both (null) when nothing chose one. */
export const failureLang = (): CliLang | null => chosenLang() ?? context.settled ?? null;

/** The text in the language printed in. */
export const say = (en: string, zh: string): string => (cliLang() === 'en' ? en : zh);

/** Whether the running command was asked for --json (its failures are printed as JSON too). */
export const jsonOutput = (): boolean => context.json;
