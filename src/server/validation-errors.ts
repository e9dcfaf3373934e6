import { z } from 'zod';
import { FIELD_MESSAGES, isFieldMessageCode } from '../contract/common.ts';
import type { FieldError } from '../core/errors/app-error.ts';
import type { MessageLocale } from '../core/errors/catalogue.ts';

/** A field problem of a request the contract refuses, in one language. */
export interface LocalizedIssue {
  /** Dotted path of the field ('period.start'); '' for the whole input. */
  path: string;
  /** zod's issue code ('invalid_type', 'too_small'…), or the contract's own (FIELD_MESSAGES, 'required'). */
  code: string;
  message: string;
}

/** zod's own wording of its checks, per language (zod 4 ships the locales). */
const ZOD_LOCALES: Readonly<Record<MessageLocale, z.core.$ZodErrorMap>> = {
  en: z.locales.en().localeError,
  'zh-TW': z.locales.zhTW().localeError,
};

/**
 * One issue in `locale`: the contract's own checks from FIELD_MESSAGES, zod's from its locale (its
 * message, when the issue was found with that locale's error map, else worded again here).
 */
export function localizeIssue(issue: z.core.$ZodIssue, locale: MessageLocale): LocalizedIssue {
  const path = issue.path.map(String).join('.');
  if (isFieldMessageCode(issue.message))
    return { path, code: issue.message, message: FIELD_MESSAGES[issue.message][locale] };
  if (isMissing(issue)) return { path, code: 'required', message: FIELD_MESSAGES.required[locale] };
  const worded = ZOD_LOCALES[locale](issue as never);
  const message = typeof worded === 'string' ? worded : (worded?.message ?? issue.message);
  return { path, code: issue.code, message };
}

/**
 * A use case's field problem in `locale`, worded the way a refused request's is: a code of
 * FIELD_MESSAGES (its `message`) from there, its `{placeholders}` filled from the problem's `params`;
 * one the check words itself from its `messages`; anything else (a code no catalogue words) as it is.
 */
export function localizeField(
  f: FieldError,
  locale: MessageLocale,
): LocalizedIssue | Omit<LocalizedIssue, 'code'> {
  if (f.messages) return { path: f.path, message: f.messages[locale] };
  if (isFieldMessageCode(f.message))
    return {
      path: f.path,
      code: f.message,
      message: fillParams(FIELD_MESSAGES[f.message][locale], f.params),
    };
  return { path: f.path, message: f.message };
}

/**
 * A wording's `{name}` placeholders filled from `params` (one left as it is when not given); a number
 * with its thousands grouped (1,500.5), as people read it; programs get the numbers as they are.
 */
const fillParams = (text: string, params: FieldError['params']): string =>
  params
    ? text.replace(/\{(\w+)\}/g, (whole, name: string) => {
        if (!Object.hasOwn(params, name)) return whole;
        const v = params[name];
        return typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 2 }) : String(v);
      })
    : text;

/**
 * The problems of `data` against `schema`, each in `locale`; null when it passes. zod words an issue
 * from the value it saw (a number where a string was expected), so the data is checked again with the
 * locale's error map rather than the English messages translated afterwards.
 */
export function localizedIssues(
  schema: z.ZodType,
  data: unknown,
  locale: MessageLocale,
): LocalizedIssue[] | null {
  const result = schema.safeParse(data, { error: ZOD_LOCALES[locale], reportInput: true });
  if (result.success) return null;
  return result.error.issues.map((issue) =>
    isFieldMessageCode(issue.message) || isMissing(issue)
      ? localizeIssue(issue, locale)
      : { path: issue.path.map(String).join('.'), code: issue.code, message: issue.message },
  );
}

/** A field left out: zod says "expected string, received undefined"; people read "required". */
const isMissing = (issue: z.core.$ZodIssue): boolean =>
  issue.code === 'invalid_type' && 'input' in issue && issue.input === undefined;
