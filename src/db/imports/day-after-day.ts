/**
 * Whether an import's lines come day after day: their dates never go back (or, in a newest-first
 * export, never forward), whatever the order within a day. Such lines are done with a day once the
 * next day starts, so both import writers keep their roll-ups in small pieces while it holds
 * (rollingCells), and the SQLite writer inserts them straight into the indexed lines.
 */
export class DayAfterDay {
  private last = '';
  /** 1 forward, -1 back (newest first), 0 not known yet. */
  private way = 0;
  /** Every date seen so far kept the order. */
  ordered = true;

  /** Sees the next line's date; says whether the lines are still day after day. */
  see(date: string): boolean {
    if (!this.ordered || date === this.last) return this.ordered;
    if (this.last !== '') {
      const step = date > this.last ? 1 : -1;
      if (this.way === 0) this.way = step;
      else if (step !== this.way) {
        this.ordered = false;
        return false;
      }
    }
    this.last = date;
    return true;
  }
}

/**
 * The roll-up rows held while lines come day after day before they are written: a million
 * date-ordered lines drain about eight times, a month's rows split across two drains now and then (3 %
 * more roll-up rows than one drain), for a peak RSS about 30 MB lower than at 250,000 (SQLite); on
 * PostgreSQL the writes of the days done overlap the reading of the next ones instead of all coming
 * at the end. `PACER_IMPORT_ROLLING_CELLS` sets another count (the property tests drain every few
 * cells, so that a day's rows are split across drains); read by each writer as it is made.
 */
export const rollingCells = () => Math.max(1, Number(process.env.PACER_IMPORT_ROLLING_CELLS) || 120_000);
