import { z } from 'zod';
import { isLocalDate } from '../core/calendar/dates.ts';

/** Roles of a member of a company, from most to least powerful. */
export const roleSchema = z.enum(['owner', 'manager', 'member', 'viewer']);
export type Role = z.infer<typeof roleSchema>;

export const localeSchema = z.enum(['zh-TW', 'en']);
export type Locale = z.infer<typeof localeSchema>;

export const idSchema = z.string().min(1).max(64);
export const companyParamsSchema = z.object({ companyId: idSchema });
export const isoDateTimeSchema = z.string();

/** The years a date the API accepts may fall in (a period in year 9999 is a typo, not a plan). */
export const MIN_DATE_YEAR = 1900;
export const MAX_DATE_YEAR = 2199;

/**
 * The one date every contract takes: a real calendar day (2024-02-30 is refused), YYYY-MM-DD, in
 * the years 1900–2199.
 */
export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(isLocalDate, 'not a calendar day')
  .refine((d) => {
    const y = Number(d.slice(0, 4));
    return y >= MIN_DATE_YEAR && y <= MAX_DATE_YEAR;
  }, `year must be between ${MIN_DATE_YEAR} and ${MAX_DATE_YEAR}`);

// Control characters: NUL is stored by SQLite and refused by PostgreSQL; none belongs in a text field.
const isControl = (code: number): boolean => code < 0x20 || (code >= 0x7f && code <= 0x9f);
const MULTI_LINE_ALLOWED = new Set([0x09, 0x0a, 0x0d]);
const hasControl = (s: string, allowed: ReadonlySet<number>): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isControl(c) && !allowed.has(c)) return true;
  }
  return false;
};
const NONE: ReadonlySet<number> = new Set();

/** One-line text (names, titles, tags): no control characters at all. */
export const textSchema = z
  .string()
  .refine((s) => !hasControl(s, NONE), 'must not contain control characters');
/** Multi-line text (notes, statements): tab, line feed and carriage return allowed, no other control characters. */
export const multilineTextSchema = z
  .string()
  .refine(
    (s) => !hasControl(s, MULTI_LINE_ALLOWED),
    'must not contain control characters other than tab and newline',
  );

/** RFC 9457 problem details, with Pacer's stable error code. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  /** Field problems: `message` in English (or a code); `detail`, where given, in the request's language. */
  errors: z
    .array(z.object({ path: z.string(), message: z.string(), detail: z.string().optional() }))
    .optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/** Header the web app sends on every state-changing request made with a session cookie. */
export const CSRF_HEADER = 'x-csrf-token';
