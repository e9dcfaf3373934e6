import { z } from 'zod';
import { isLocalDate } from '../core/calendar/dates.ts';
import { USE_CASE_FIELD_MESSAGES } from '../core/errors/field-messages.ts';
import { TARGET_FIELD_MESSAGES } from '../core/goals/target-limits.ts';

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
 * The contracts' own field messages: each check of ours names its problem by one of these codes (the
 * issue's message), worded here in both languages. zod's built-in checks are worded by zod's locales
 * (src/server/validation-errors.ts puts every issue in the request's language).
 */
export const FIELD_MESSAGES = {
  /** A field left out (zod's invalid_type with nothing given). */
  required: { en: 'This field is required', 'zh-TW': '此欄位為必填' },
  date_format: { en: 'expected a date YYYY-MM-DD', 'zh-TW': '日期格式應為 YYYY-MM-DD' },
  not_a_calendar_day: {
    en: 'this day is not in the calendar (such as 2024-02-30)',
    'zh-TW': '日曆上沒有這一天(例如 2024-02-30)',
  },
  year_out_of_range: {
    en: `the year must be between ${MIN_DATE_YEAR} and ${MAX_DATE_YEAR}`,
    'zh-TW': `年份須介於 ${MIN_DATE_YEAR} 與 ${MAX_DATE_YEAR} 之間`,
  },
  control_characters: { en: 'must not contain control characters', 'zh-TW': '不可包含控制字元' },
  control_characters_multiline: {
    en: 'must not contain control characters other than tab and newline',
    'zh-TW': '除了定位字元(tab)與換行,不可包含控制字元',
  },
  end_before_start: { en: 'the end is before the start', 'zh-TW': '結束日早於開始日' },
  ramp_needs_rampPct: {
    en: 'the ramp method needs a growth per period (rampPct)',
    'zh-TW': '逐期成長法需要指定每期成長率(rampPct)',
  },
  cells_need_manual: {
    en: 'targets per cell are given with the manual method only',
    'zh-TW': '只有手動分配才能逐項指定目標(cells)',
  },
  target_or_locked: {
    en: 'give a new target or lock or unlock it',
    'zh-TW': '請提供新的目標值,或鎖定/解除鎖定',
  },
  /** A goal's target no business can reach (core/goals/target-limits.ts). */
  ...TARGET_FIELD_MESSAGES,
  /** What use cases find past the contract (core/errors/field-messages.ts): a member, a name taken… */
  ...USE_CASE_FIELD_MESSAGES,
} as const satisfies Record<string, Readonly<Record<Locale, string>>>;
export type FieldMessageCode = keyof typeof FIELD_MESSAGES;

export const isFieldMessageCode = (message: string): message is FieldMessageCode =>
  Object.hasOwn(FIELD_MESSAGES, message);

/**
 * The one date every contract takes: a real calendar day (2024-02-30 is refused), YYYY-MM-DD, in
 * the years 1900–2199.
 */
export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date_format' satisfies FieldMessageCode)
  .refine(isLocalDate, 'not_a_calendar_day' satisfies FieldMessageCode)
  .refine((d) => {
    const y = Number(d.slice(0, 4));
    return y >= MIN_DATE_YEAR && y <= MAX_DATE_YEAR;
  }, 'year_out_of_range' satisfies FieldMessageCode);

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
  .refine((s) => !hasControl(s, NONE), 'control_characters' satisfies FieldMessageCode);
/** Multi-line text (notes, statements): tab, line feed and carriage return allowed, no other control characters. */
export const multilineTextSchema = z
  .string()
  .refine(
    (s) => !hasControl(s, MULTI_LINE_ALLOWED),
    'control_characters_multiline' satisfies FieldMessageCode,
  );

/** RFC 9457 problem details, with Pacer's stable error code; `title` and `detail` in the request's language. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  /**
   * Field problems, each with `message` (and `detail`, the same) in the request's language and, where
   * the problem has one, a `code` for programs: zod's issue code or one of FIELD_MESSAGES, whether the
   * contract refused the request or a use case found the problem; `params`, the values a code's
   * wording names (a cell, an amount), for a client that words the code itself.
   */
  errors: z
    .array(
      z.object({
        path: z.string(),
        message: z.string(),
        detail: z.string().optional(),
        code: z.string().optional(),
        params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      }),
    )
    .optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/** Header the web app sends on every state-changing request made with a session cookie. */
export const CSRF_HEADER = 'x-csrf-token';
