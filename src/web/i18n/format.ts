import type { Locale } from '../../contract/common.ts';
import { toWholeUnits } from '../../core/money/currency.ts';

const intlLocale = (lang: Locale) => (lang === 'zh-TW' ? 'zh-TW' : 'en-US');

/** Formats a plain number with the locale's grouping. */
export function formatNumber(
  value: number,
  lang: Locale,
  maximumFractionDigits = 2,
  minimumFractionDigits = 0,
): string {
  return new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits, minimumFractionDigits }).format(
    value,
  );
}

/**
 * How precisely money is shown: 'whole' in whole currency units (targets, totals, summaries:
 * NT$1,106,638, HK$1,106,638), 'exact' to the currency's minor unit (NT$ only when there are cents).
 */
export type MoneyPrecision = 'whole' | 'exact';

/**
 * Formats an amount in currency units (not minor units), e.g. 1500 TWD → "NT$1,500"; the one place
 * the web app formats money. TWD always shows "NT$" (Intl's zh-TW symbol is a bare "$", ambiguous
 * for our users). `whole` rounds to whole units (core/money `toWholeUnits`) and shows no cents,
 * whatever the currency.
 */
export function formatMoney(
  amount: number,
  currency: string,
  lang: Locale,
  precision: MoneyPrecision = 'exact',
): string {
  const whole = precision === 'whole';
  const value = whole ? toWholeUnits(amount) : amount;
  if (currency === 'TWD') {
    const digits = Number.isInteger(value) ? 0 : 2;
    const n = new Intl.NumberFormat(intlLocale(lang), {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(Math.abs(value));
    return `${value < 0 ? '-' : ''}NT$${n}`;
  }
  return new Intl.NumberFormat(intlLocale(lang), {
    style: 'currency',
    currency,
    currencyDisplay: 'symbol',
    ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
  }).format(value);
}

/** Formats an ISO date-time for display in the user's language. */
export function formatDateTime(iso: string | null | undefined, lang: Locale): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** "1234567.5" → "1,234,567.5" (for number inputs; the parser strips the commas again). */
export function groupDigits(value: string | number | undefined | null): string {
  if (value === undefined || value === null || `${value}` === '') return '';
  const [int = '', frac] = `${value}`.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** Inverse of groupDigits for InputNumber's parser. */
export function parseGrouped(text: string | undefined): number {
  const cleaned = (text ?? '').replace(/[^\d.]/g, '');
  return cleaned === '' ? Number.NaN : Number(cleaned);
}

/** A ratio as a percentage: 0.253 → "25.3%" (0.56 → "56%", or "56.0%" with one fixed digit). */
export function formatPercent(
  ratio: number,
  lang: Locale,
  maximumFractionDigits = 1,
  minimumFractionDigits = 0,
): string {
  return new Intl.NumberFormat(intlLocale(lang), {
    style: 'percent',
    maximumFractionDigits,
    minimumFractionDigits,
  }).format(ratio);
}

/** A 'YYYY-MM-DD' date in the user's language, without converting time zones. */
export function formatLocalDate(ymd: string | null | undefined, lang: Locale): string {
  if (!ymd) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return ymd;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** A short number for chart axes: 1234567 → "123.5萬" / "1.2M". */
export function formatCompact(value: number, lang: Locale): string {
  return new Intl.NumberFormat(intlLocale(lang), { notation: 'compact', maximumFractionDigits: 1 }).format(
    value,
  );
}
