import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from '../api/client.ts';

export type FieldPath = (string | number)[];
export interface FieldError {
  name: FieldPath;
  errors: string[];
}

/** "marketSizes.0.amount", "/marketSizes/0/amount" or "body.industry" → ['marketSizes', 0, 'amount']. */
export function parseProblemPath(path: string): FieldPath {
  return path
    .split(/[./[\]]+/)
    .filter((s) => s !== '' && s !== 'body')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** A localized message for one zod issue (zod's own messages are English only). */
export function zodIssueMessage(issue: z.core.$ZodIssue, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? t('validation.required')
          : t('validation.minLength', { min: Number(issue.minimum) });
      }
      if (issue.origin === 'array') return t('validation.minItems', { min: Number(issue.minimum) });
      return t('validation.minValue', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.maxLength', { max: Number(issue.maximum) });
      if (issue.origin === 'array') return t('validation.maxItems', { max: Number(issue.maximum) });
      return t('validation.maxValue', { max: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.invalid');
    case 'invalid_type':
      return issue.input === undefined || issue.input === null
        ? t('validation.required')
        : t('validation.invalid');
    case 'invalid_value':
      return t('validation.choose');
    default:
      return t('validation.invalid');
  }
}

/** Groups zod issues by field path, ready for antd's form.setFields. */
export function zodFieldErrors(
  error: z.ZodError,
  t: TFunction,
  mapPath: (p: FieldPath) => FieldPath = (p) => p,
) {
  const byKey = new Map<string, FieldError>();
  for (const issue of error.issues) {
    const name = mapPath(issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)));
    const key = JSON.stringify(name);
    const entry = byKey.get(key) ?? { name, errors: [] };
    entry.errors.push(zodIssueMessage(issue, t));
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

/**
 * Field errors of a server problem (`errors[]`). The server words each field problem in the UI
 * language (Accept-Language) and names it by a `code` where it has one ("taken", "too_common"):
 * codes the UI words itself get its message (its {{placeholders}} filled from the field's `params`),
 * a field's own `detail` comes next, anything else shows the problem's `detail`.
 */
export function problemFieldErrors(
  error: unknown,
  t: TFunction,
  mapPath: (p: FieldPath) => FieldPath = (p) => p,
): FieldError[] {
  if (!(error instanceof ApiError) || !error.problem.errors) return [];
  const fallback = error.problem.detail ?? t('validation.invalid');
  const byKey = new Map<string, FieldError>();
  for (const e of error.problem.errors) {
    const name = mapPath(parseProblemPath(e.path));
    if (name.length === 0) continue;
    const key = JSON.stringify(name);
    const entry = byKey.get(key) ?? { name, errors: [] };
    const code = e.code ?? e.message;
    const known = /^[a-z][a-z0-9_]*$/.test(code)
      ? t(`fieldErrors.${code}`, { ...e.params, defaultValue: '' })
      : '';
    const text = known || e.detail || fallback;
    if (!entry.errors.includes(text)) entry.errors.push(text);
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

/** What a server problem says about one field (its top-level name: 'by'), worded as problemFieldErrors words it. */
export function problemFieldText(error: unknown, t: TFunction, field: string): string | undefined {
  const found = problemFieldErrors(error, t).find((f) => f.name.length === 1 && f.name[0] === field);
  return found ? found.errors.join(' ') : undefined;
}

/** The message to show for a failed request. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('errors.network');
    return error.problem.detail ?? error.problem.title;
  }
  return t('errors.unexpected');
}

export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}

/** Shows field errors on an antd form (paths are checked at run time by antd, not by the type system). */
export function setFieldErrors<T>(form: FormInstance<T>, errors: FieldError[]): void {
  form.setFields(errors as unknown as Parameters<FormInstance<T>['setFields']>[0]);
}
