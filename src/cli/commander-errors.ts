import type { Command } from 'commander';
import { type CliLang, chosenLang, parseLang } from './language.ts';

/**
 * Commander's own parse errors (an unknown option, a missing argument…), which it words in English,
 * in the language of the command: the --lang on the command line (commander fails before the command's
 * options are recorded, so it is read from the arguments), else PACER_LANG, else both languages, as
 * every failure when nothing chose one (language.ts).
 */
const RULES: ReadonlyArray<readonly [RegExp, (m: RegExpMatchArray) => string]> = [
  [/^error: unknown option '([^']+)'/, (m) => `不認得的選項 ${m[1]}`],
  [/^error: unknown command '([^']+)'/, (m) => `沒有 ${m[1]} 這個指令`],
  [/^error: missing required argument '([^']+)'/, (m) => `缺少必要的參數 ${m[1]}`],
  [/^error: option '([^']+)' argument missing/, (m) => `選項 ${m[1]} 缺少值`],
  [/^error: required option '([^']+)' not specified/, (m) => `缺少必要的選項 ${m[1]}`],
  [
    /^error: too many arguments.*?Expected (\d+) arguments? but got (\d+)/,
    (m) => `參數太多:應有 ${m[1]} 個,收到 ${m[2]} 個`,
  ],
  [/^error: option '([^']+)' argument '([^']*)' is invalid/, (m) => `選項 ${m[1]} 的值「${m[2]}」不正確`],
];

/** The suggestion commander adds ("(Did you mean --lang?)"), in Chinese. */
function suggestionZh(text: string): string {
  const one = /\(Did you mean ([^?]+)\?\)/.exec(text);
  if (!one) return '';
  const names = (one[1] ?? '').replace(/^one of /, '');
  return `(是否要輸入 ${names.replace(/, /g, '、')}?)`;
}

/** Commander's message in zh-TW; null when it is not one of the messages above. */
export function commanderErrorZh(text: string): string | null {
  for (const [re, word] of RULES) {
    const m = re.exec(text);
    if (m) return `錯誤:${word(m)}${suggestionZh(text)}`;
  }
  return null;
}

/** The language the arguments choose (--lang x, --lang=x), else PACER_LANG; null when neither does. */
export function argvLang(argv: readonly string[]): CliLang | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (value !== undefined) return parseLang(value);
  }
  return chosenLang() ?? null;
}

/** `str` (commander's error, "error: …\n") in the chosen language, or both when none was chosen. */
export function localizeCommanderError(str: string, lang: CliLang | null): string {
  if (lang === 'en') return str;
  const zh = commanderErrorZh(str.trim());
  if (zh === null) return str;
  return lang === 'zh-TW' ? `${zh}\n` : `${zh}\n${str}`;
}

/** Has `program` (and the commands it gets, which inherit it) say commander's errors as above. */
export function withLocalizedParseErrors(program: Command, argv: readonly string[]): Command {
  return program.configureOutput({
    outputError: (str, write) => write(localizeCommanderError(str, argvLang(argv))),
  });
}
