import type { Locale } from '../../../contract/common.ts';
import type { Preview } from '../../../contract/imports.ts';

type LineProblem = Preview['rows'][number]['problems'][number];

/**
 * A preview line's problems in one sentence of the UI's language: each named by the file's column,
 * or, for a field the file has no column for, by Pacer's name of that field ("金額", not the code
 * "amount"), with the punctuation of the language ("金額:沒有金額…" / "Amount: There is no amount…").
 */
export function problemsText(
  problems: readonly LineProblem[],
  headers: readonly string[],
  fieldLabel: (field: string) => string,
  lang: Locale,
): string {
  const zh = lang === 'zh-TW';
  const colon = zh ? ':' : ': ';
  const sep = zh ? ';' : '; ';
  return problems
    .map((p) => {
      if (!p.column) return p.message;
      const name = headers.includes(p.column) ? p.column : fieldLabel(p.column);
      return `${name}${colon}${p.message}`;
    })
    .join(sep);
}
