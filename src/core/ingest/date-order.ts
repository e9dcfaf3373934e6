/** Whether slash dates with the year last (03/04/2024) put the day or the month first. */
export type DateOrder = 'dayFirst' | 'monthFirst';

export interface DateSample {
  line: number;
  value: string;
}

const YEAR_LAST = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:\s|$|T|[(（])/;

/**
 * Decides the date order of a file (or of its date column) from all its values, once: a value whose
 * first number is above 12 (31/01/2024) can only be day-first, one whose second is (4/15/2019) only
 * month-first. Values that read the same both ways (05/05/2024) and other forms (ISO, ROC, 2024年…)
 * tell nothing. Both kinds in one file is a conflict: no reading fits every line.
 */
export class DateOrderScan {
  /** Values with the year last (the only ones the order matters for). */
  yearLast = 0;
  /** Year-last values that read differently day-first and month-first (3/4/2024). */
  ambiguous = 0;
  dayFirst: DateSample | null = null;
  monthFirst: DateSample | null = null;
  /** The first ambiguous value, to show in a question. */
  example: DateSample | null = null;

  see(value: string, line: number): void {
    const m = YEAR_LAST.exec(value.length > 40 ? value.slice(0, 40) : value);
    if (m === null) return;
    this.yearLast++;
    const a = +m[1]!;
    const b = +m[2]!;
    if (a > 12 && b <= 12) {
      if (this.dayFirst === null) this.dayFirst = { line, value };
    } else if (b > 12 && a <= 12) {
      if (this.monthFirst === null) this.monthFirst = { line, value };
    } else if (a !== b && a <= 12 && b <= 12) {
      this.ambiguous++;
      if (this.example === null) this.example = { line, value };
    }
  }

  /** The order the values settle, or null (none settles it, or they conflict). */
  get settled(): DateOrder | null {
    if (this.dayFirst !== null && this.monthFirst === null) return 'dayFirst';
    if (this.monthFirst !== null && this.dayFirst === null) return 'monthFirst';
    return null;
  }

  get conflict(): boolean {
    return this.dayFirst !== null && this.monthFirst !== null;
  }
}

/** How the import's date order was decided. */
export type DateOrderSource = 'file' | 'user' | 'preset' | 'notNeeded' | 'unknown' | 'conflict';

export interface DateOrderDecision {
  /** null when no value needs it (notNeeded) or nothing decides it (unknown, conflict). */
  order: DateOrder | null;
  source: DateOrderSource;
  /** A value that settles it (source file), contradicts the user's choice, or asks the question. */
  evidence: DateSample | null;
  /** With a conflict: a value of the other order. */
  other: DateSample | null;
  /** The user chose an order that a value of the file contradicts. */
  contradicted: boolean;
}

/**
 * The date order an import uses: the file's own evidence first; a user's choice must agree with it;
 * without evidence, the user's choice, else the layout's (a preset's), else unknown (ask).
 */
export function decideDateOrder(
  scan: DateOrderScan,
  chosen: DateOrder | null,
  presetOrder: DateOrder | null,
): DateOrderDecision {
  const none = { evidence: null, other: null, contradicted: false };
  if (scan.conflict)
    return {
      order: null,
      source: 'conflict',
      evidence: scan.dayFirst,
      other: scan.monthFirst,
      contradicted: false,
    };
  const settled = scan.settled;
  if (settled !== null) {
    const evidence = settled === 'dayFirst' ? scan.dayFirst : scan.monthFirst;
    if (chosen !== null && chosen !== settled)
      return { order: chosen, source: 'user', evidence, other: null, contradicted: true };
    return { order: settled, source: 'file', evidence, other: null, contradicted: false };
  }
  if (chosen !== null) return { order: chosen, source: 'user', ...none };
  if (scan.ambiguous === 0) return { order: null, source: 'notNeeded', ...none };
  if (presetOrder !== null) return { order: presetOrder, source: 'preset', ...none };
  return { order: null, source: 'unknown', evidence: scan.example, other: null, contradicted: false };
}
