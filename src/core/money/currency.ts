/** Minor-unit exponent of each supported currency (ISO 4217). */
export const CURRENCY_EXPONENT = {
  TWD: 2,
  HKD: 2,
  USD: 2,
  CNY: 2,
  JPY: 0,
  SGD: 2,
  MOP: 2,
  EUR: 2,
  GBP: 2,
  BDT: 2,
} as const;

export type Currency = keyof typeof CURRENCY_EXPONENT;

/** Currency units (1500.5) to integer minor units (150050), rounding half away from zero. */
export function toMinorUnits(amount: number, currency: Currency): number {
  const factor = 10 ** CURRENCY_EXPONENT[currency];
  return Math.sign(amount) * Math.round(Math.abs(amount) * factor);
}

export function fromMinorUnits(minor: number, currency: Currency): number {
  return minor / 10 ** CURRENCY_EXPONENT[currency];
}

/**
 * An amount in currency units rounded to whole units (half away from zero), for whole-currency
 * display: targets and totals read NT$1,106,638, not NT$1,106,638.40. Stored amounts keep their
 * minor units; only what is shown is rounded.
 */
export function toWholeUnits(amount: number): number {
  return roundHalfAway(amount, 0);
}

/** `value` rounded to `digits` decimals, half away from zero (never -0): how amounts are shown and exported. */
export function roundHalfAway(value: number, digits: number): number {
  const f = 10 ** digits;
  const r = (Math.sign(value) * Math.round(Math.abs(value) * f)) / f;
  return r === 0 ? 0 : r;
}

export function isCurrency(value: string): value is Currency {
  return Object.hasOwn(CURRENCY_EXPONENT, value);
}

/** The symbol before an amount in texts and spreadsheet formats (NT$ for TWD, not Intl's bare "$"). */
const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  TWD: 'NT$',
  HKD: 'HK$',
  USD: 'US$',
  CNY: 'CN¥',
  JPY: '¥',
  SGD: 'S$',
  MOP: 'MOP$',
  EUR: '€',
  GBP: '£',
};

/** The currency's symbol; a currency without one shows its code and a space ("MYR "). */
export function currencySymbol(currency: string): string {
  return CURRENCY_SYMBOLS[currency] ?? `${currency} `;
}
