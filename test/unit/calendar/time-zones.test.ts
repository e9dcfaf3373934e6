import { describe, expect, it } from 'vitest';
import { isTimeZone, TIME_ZONES, todayIn } from '../../../src/core/calendar/time-zones.ts';

describe('todayIn', () => {
  // 2026-12-31 16:30 UTC is already 2027-01-01 in Taipei and Hong Kong, still 2026-12-31 in UTC.
  const newYear = new Date(Date.UTC(2026, 11, 31, 16, 30));

  it("gives each zone its own day, asked in turn (each zone's formatter is its own)", () => {
    const asked = ['Asia/Taipei', 'UTC', 'Asia/Hong_Kong', 'UTC', 'Asia/Taipei'].map((z) =>
      todayIn(z, newYear),
    );
    expect(asked).toEqual(['2027-01-01', '2026-12-31', '2027-01-01', '2026-12-31', '2027-01-01']);
  });

  it('moves with the instant it is given, not the one it was first asked for', () => {
    expect(todayIn('Asia/Taipei', new Date(Date.UTC(2026, 11, 31, 15, 59)))).toBe('2026-12-31');
    expect(todayIn('Asia/Taipei', new Date(Date.UTC(2026, 11, 31, 16, 0)))).toBe('2027-01-01');
  });

  it('knows every zone a company can choose, and refuses one the runtime does not know', () => {
    for (const z of TIME_ZONES) expect(todayIn(z, newYear)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(isTimeZone('Asia/Taipei')).toBe(true);
    expect(() => todayIn('Mars/Olympus_Mons', newYear)).toThrow(RangeError);
  });
});
