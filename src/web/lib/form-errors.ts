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

type SetFieldsArg<T> = Parameters<FormInstance<T>['setFields']>[0];

/**
 * Shows field errors on an antd form (paths are checked at run time by antd, not by the type system).
 * The errors of an earlier try go: a field fixed since then no longer says "Required".
 */
export function setFieldErrors<T>(form: FormInstance<T>, errors: FieldError[]): void {
  const now = new Set(errors.map((e) => JSON.stringify(e.name)));
  const stale = form
    .getFieldsError()
    .filter((f) => f.errors.length > 0 && !now.has(JSON.stringify(f.name)))
    .map((f) => ({ name: f.name, errors: [] }));
  form.setFields([...stale, ...errors] as unknown as SetFieldsArg<T>);
}

/**
 * The leaves of a changed-values object as antd's onValuesChange gives them: { a: [ , { b: 1 }] }
 * → [['a', 1, 'b']]; a list that is a value of its own (a multiple select) gives its items.
 */
export function changedLeafPaths(changed: unknown, prefix: FieldPath = []): FieldPath[] {
  if (Array.isArray(changed)) {
    const out: FieldPath[] = [];
    // the items not edited are holes (or undefined) beside the one that was
    changed.forEach((v, i) => {
      if (v !== undefined) out.push(...changedLeafPaths(v, [...prefix, i]));
    });
    return out.length > 0 ? out : [prefix];
  }
  if (changed !== null && typeof changed === 'object' && !(changed instanceof Date)) {
    const entries = Object.entries(changed);
    if (entries.length === 0) return [prefix];
    return entries.flatMap(([k, v]) => changedLeafPaths(v, [...prefix, k]));
  }
  return [prefix];
}

const startsWith = (path: FieldPath, head: FieldPath) =>
  head.length <= path.length && head.every((part, i) => part === path[i]);

/**
 * Of the fields showing an error, those an edit touched: the field itself, a list or group holding
 * the edited value, or a field inside a value replaced as a whole.
 */
export function editedErrorFields(errored: FieldPath[], changed: unknown): FieldPath[] {
  const leaves = changedLeafPaths(changed).filter((p) => p.length > 0);
  return errored.filter((f) => leaves.some((leaf) => startsWith(leaf, f) || startsWith(f, leaf)));
}

/**
 * An onValuesChange handler that takes a field's error away as soon as the person edits the field
 * (errors set by setFieldErrors are not the form's own rules, so antd would keep them until the next
 * submit, and a corrected field would still say what was wrong with it).
 */
export function clearErrorsOnEdit<T>(form: FormInstance<T>): (changed: unknown) => void {
  return (changed) => {
    const errored = form
      .getFieldsError()
      .filter((f) => f.errors.length > 0)
      .map((f) => f.name as FieldPath);
    const edited = editedErrorFields(errored, changed);
    if (edited.length > 0)
      form.setFields(edited.map((name) => ({ name, errors: [] })) as unknown as SetFieldsArg<T>);
  };
}
