import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MONTH_NAMES_EN } from '../../../src/core/calendar/dates.ts';
import {
  fromExcelSerial,
  inferDayFirst,
  parseDate,
  parseTime,
  toExcelSerial,
} from '../../../src/core/ingest/parse-date.ts';

const md = { dayFirst: false, timeZone: 'Asia/Taipei' };
const dm = { dayFirst: true, timeZone: 'Asia/Taipei' };

describe('parseDate', () => {
  it.each([
    ['2024/01/31', '2024-01-31', null],
    ['2024-01-31', '2024-01-31', null],
    ['2024.1.31', '2024-01-31', null],
    ['2024/1/31', '2024-01-31', null],
    ['01/31/2024', '2024-01-31', null],
    ['113/01/31', '2024-01-31', null],
    ['113-1-31', '2024-01-31', null],
    ['民國113年1月31日', '2024-01-31', null],
    ['民国113年1月31日', '2024-01-31', null],
    ['113年1月31日', '2024-01-31', null],
    ['2024年1月31日', '2024-01-31', null],
    ['2024年01月31號 13:45', '2024-01-31', '13:45'],
    ['2024-01-31 13:45', '2024-01-31', '13:45'],
    ['2024-01-31 13:45:10', '2024-01-31', '13:45'],
    ['2024/1/31 下午 1:45', '2024-01-31', '13:45'],
    ['2024/1/31 上午 12:05', '2024-01-31', '00:05'],
    ['2024/1/31 下午 12:05', '2024-01-31', '12:05'],
    ['2024/1/31 下午 01:45:10', '2024-01-31', '13:45'],
    ['2024-01-31 1:45 PM', '2024-01-31', '13:45'],
    ['01/31/2024 1:45 am', '2024-01-31', '01:45'],
    ['2024-01-31T05:45:00Z', '2024-01-31', '13:45'],
    ['2024-01-31T20:00:00.123Z', '2024-02-01', '04:00'],
    ['2024-01-31T13:45:00+08:00', '2024-01-31', '13:45'],
    ['2024-01-31T13:45:00-0500', '2024-02-01', '02:45'],
    ['2024-01-31T13:45', '2024-01-31', '13:45'],
    ['45322', '2024-01-31', null],
    ['45322.5729166667', '2024-01-31', '13:45'],
    ['61', '1900-03-01', null],
    ['59', '1900-02-28', null],
    ['1', '1900-01-01', null],
    ['20240131', '2024-01-31', null],
    ['1130131', '2024-01-31', null],
    ['２０２４／０１／３１', '2024-01-31', null],
    ['  2024-01-31  ', '2024-01-31', null],
    ['2024-02-29', '2024-02-29', null],
  ])('%s → %s %s', (raw, date, time) => {
    expect(parseDate(raw, md)).toEqual({ ok: true, date, time });
  });

  it('reads two-digit years last as this century, and short ROC years only in the 民國 form', () => {
    expect(parseDate('31/01/24', dm)).toEqual({ ok: true, date: '2024-01-31', time: null });
    expect(parseDate('01/31/24', md)).toEqual({ ok: true, date: '2024-01-31', time: null });
    expect(parseDate('99年12月31日', md)).toEqual({ ok: true, date: '2010-12-31', time: null });
    expect(parseDate('0991231', md)).toEqual({ ok: true, date: '2010-12-31', time: null });
    expect(parseDate('99/12/310', md)).toEqual({ ok: false, code: 'DATE_INVALID' });
  });

  it('infers the day-first setting from a column', () => {
    expect(inferDayFirst(['01/02/2024', '31/01/2024'])).toBe(true);
    expect(inferDayFirst(['01/02/2024', '01/31/2024 13:00'])).toBe(false);
    expect(inferDayFirst(['01/02/2024', '2024-01-31'])).toBeNull();
    expect(inferDayFirst(['31/01/2024', '01/31/2024'])).toBeNull();
  });

  it('reads day-first dates by setting', () => {
    expect(parseDate('31/01/2024', dm)).toEqual({ ok: true, date: '2024-01-31', time: null });
    expect(parseDate('31/01/2024', md)).toEqual({ ok: false, code: 'DATE_INVALID' });
    expect(parseDate('02/03/2024', dm)).toEqual({ ok: true, date: '2024-03-02', time: null });
    expect(parseDate('02/03/2024', md)).toEqual({ ok: true, date: '2024-02-03', time: null });
  });

  it.each([
    ['60', 'DATE_INVALID'],
    ['0', 'DATE_INVALID'],
    ['2024-13-01', 'DATE_INVALID'],
    ['2024-00-10', 'DATE_INVALID'],
    ['2024-02-00', 'DATE_INVALID'],
    ['2024-02-32', 'DATE_INVALID'],
    ['2024-01-31 25:00', 'TIME_INVALID'],
    ['2024-01-31 13:60', 'TIME_INVALID'],
    ['2024/01/31 下午 13:45 PM', 'TIME_INVALID'],
    ['hello', 'DATE_INVALID'],
    ['', 'DATE_EMPTY'],
    ['0999-01-01', 'DATE_OUT_OF_RANGE'],
    ['2024-01-31 ', 'DATE_INVALID'],
  ])('%s is refused with %s', (raw, code) => {
    const r = parseDate(raw, md);
    if (raw === '2024-01-31 ') {
      // trailing space is trimmed: accepted
      expect(r.ok).toBe(true);
      return;
    }
    expect(r).toEqual({ ok: false, code });
  });

  it.each([
    // ISO, with and without a time
    ['2026-02-30', { year: 2026, month: 2, day: 30 }, 28],
    ['2026-04-31', { year: 2026, month: 4, day: 31 }, 30],
    ['2026-02-30 10:15', { year: 2026, month: 2, day: 30 }, 28],
    ['2026-02-30T10:15:00+08:00', { year: 2026, month: 2, day: 30 }, 28],
    ['2024-02-30', { year: 2024, month: 2, day: 30 }, 29],
    ['1900-02-29', { year: 1900, month: 2, day: 29 }, 28],
    // leap years: 2027 is not one
    ['2027-02-29', { year: 2027, month: 2, day: 29 }, 28],
    // slashes, dots, one-digit months
    ['2026/2/30', { year: 2026, month: 2, day: 30 }, 28],
    ['2026/02/30', { year: 2026, month: 2, day: 30 }, 28],
    ['2026.6.31', { year: 2026, month: 6, day: 31 }, 30],
    ['02/30/2026', { year: 2026, month: 2, day: 30 }, 28],
    // ROC years (113 = 2024, a leap year; 115 = 2026)
    ['113/02/30', { year: 2024, month: 2, day: 30 }, 29],
    ['115/02/29', { year: 2026, month: 2, day: 29 }, 28],
    ['民國115年2月30日', { year: 2026, month: 2, day: 30 }, 28],
    ['1150431', { year: 2026, month: 4, day: 31 }, 30],
    ['20260230', { year: 2026, month: 2, day: 30 }, 28],
    // full-width digits, as typed in a Chinese spreadsheet
    ['２０２６－０２－３０', { year: 2026, month: 2, day: 30 }, 28],
  ])('%s is a day its month does not have', (raw, day, monthDays) => {
    expect(parseDate(raw, md)).toEqual({ ok: false, code: 'DATE_NONEXISTENT', day, monthDays });
  });

  it('reads a day-first day its month lacks as that day, whatever the order chosen', () => {
    const feb30 = {
      ok: false,
      code: 'DATE_NONEXISTENT',
      day: { year: 2026, month: 2, day: 30 },
      monthDays: 28,
    };
    expect(parseDate('30/02/2026', dm)).toEqual(feb30);
    expect(parseDate('30/02/2026', { dayFirst: null })).toEqual(feb30);
    expect(parseDate('29/02/27', dm)).toEqual({ ...feb30, day: { year: 2027, month: 2, day: 29 } });
  });

  it('accepts the leap day of a leap year', () => {
    expect(parseDate('2028-02-29', md)).toEqual({ ok: true, date: '2028-02-29', time: null });
    expect(parseDate('2028/2/29', md)).toEqual({ ok: true, date: '2028-02-29', time: null });
    expect(parseDate('117/02/29', md)).toEqual({ ok: true, date: '2028-02-29', time: null });
    expect(parseDate('2000-02-29', md)).toEqual({ ok: true, date: '2000-02-29', time: null });
  });

  it('never reads an Excel serial as a day that does not exist', () => {
    // 60 is Lotus's 1900-02-29: refused as unreadable, not as a missing day
    expect(parseDate('60', md)).toEqual({ ok: false, code: 'DATE_INVALID' });
    expect(parseDate('46081', md)).toEqual({ ok: true, date: '2026-02-28', time: null });
    expect(parseDate('46082', md)).toEqual({ ok: true, date: '2026-03-01', time: null });
    // a cell's serial is five digits at most (seven or eight digits are ROC and Gregorian dates)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), fc.boolean(), (serial, half) => {
        const r = parseDate(half ? `${serial}.5` : String(serial), md);
        return r.ok || r.code !== 'DATE_NONEXISTENT';
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: -1, max: 3_000_000, noNaN: true }), (serial) => {
        const r = fromExcelSerial(serial);
        return r.ok || r.code !== 'DATE_NONEXISTENT';
      }),
    );
  });

  it('refuses an unknown time zone only when it is needed', () => {
    const tz = { dayFirst: false, timeZone: 'Mars/Olympus' };
    expect(parseDate('2024-01-31T05:45:00Z', tz)).toEqual({ ok: false, code: 'TIME_ZONE_INVALID' });
    expect(parseDate('2024-01-31', tz).ok).toBe(true);
  });

  it('parses separate time columns', () => {
    expect(parseTime('13:45')).toEqual({ ok: true, time: '13:45' });
    expect(parseTime('下午 1:45')).toEqual({ ok: true, time: '13:45' });
    expect(parseTime('1:45 PM')).toEqual({ ok: true, time: '13:45' });
    expect(parseTime('0.5729166667')).toEqual({ ok: true, time: '13:45' });
    expect(parseTime('25:00').ok).toBe(false);
  });

  it('never throws on random or hostile strings', () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.stringMatching(/^[0-9/.\-年月日民國 :T+Z上下午PMAM]{0,40}$/),
      fc.constantFrom(
        '9'.repeat(10_000),
        '1/'.repeat(5000),
        '民國'.repeat(3000),
        '__proto__',
        'NaN',
        'Infinity',
      ),
    );
    fc.assert(
      fc.property(hostile, fc.boolean(), (raw, dayFirst) => {
        const r = parseDate(raw, { dayFirst, timeZone: 'Asia/Hong_Kong' });
        if (r.ok) expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        else expect(typeof r.code).toBe('string');
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips every supported style', () => {
    const day = fc.date({
      min: new Date(Date.UTC(1913, 0, 1)),
      max: new Date(Date.UTC(2150, 11, 31)),
      noInvalidDate: true,
    });
    const time = fc.option(
      fc.record({ h: fc.integer({ min: 0, max: 23 }), m: fc.integer({ min: 0, max: 59 }) }),
    );
    fc.assert(
      fc.property(day, time, fc.integer({ min: 0, max: 9 }), (d, t, style) => {
        const y = d.getUTCFullYear();
        const mo = d.getUTCMonth() + 1;
        const da = d.getUTCDate();
        const p2 = (n: number) => String(n).padStart(2, '0');
        const iso = `${y}-${p2(mo)}-${p2(da)}`;
        const styles = [
          `${y}/${p2(mo)}/${p2(da)}`,
          iso,
          `${y}.${mo}.${da}`,
          `${p2(da)}/${p2(mo)}/${y}`,
          `${p2(mo)}/${p2(da)}/${y}`,
          y >= 2011 ? `${y - 1911}/${p2(mo)}/${p2(da)}` : `民國${y - 1911}年${p2(mo)}月${p2(da)}日`,
          `民國${y - 1911}年${mo}月${da}日`,
          `${y}年${mo}月${da}日`,
          String(toExcelSerial(iso)),
          `${y}${p2(mo)}${p2(da)}`,
        ];
        let text = styles[style]!;
        let expectedTime: string | null = null;
        if (t !== null && style !== 8 && style !== 9) {
          const h12 = t.h % 12 === 0 ? 12 : t.h % 12;
          text +=
            t.h % 2 === 0 ? ` ${p2(t.h)}:${p2(t.m)}` : ` ${t.h < 12 ? '上午' : '下午'} ${h12}:${p2(t.m)}`;
          expectedTime = `${p2(t.h)}:${p2(t.m)}`;
        }
        const r = parseDate(text, { dayFirst: style === 3, timeZone: 'Asia/Taipei' });
        expect(r, text).toEqual({ ok: true, date: iso, time: expectedTime });
      }),
      { numRuns: 3000 },
    );
  });

  it('reads English month names and a weekday written with the date, in any supported style', () => {
    const FULL = MONTH_NAMES_EN;
    const MONTHS = FULL.map((m) => m.slice(0, 3));
    const CJK = '日一二三四五六';
    const EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const EN_FULL = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    const day = fc.date({
      min: new Date(Date.UTC(2000, 0, 1)),
      max: new Date(Date.UTC(2099, 11, 31)),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        fc.boolean(),
        (d, style, mark, wrong) => {
          const y = d.getUTCFullYear();
          const mo = d.getUTCMonth();
          const da = d.getUTCDate();
          const p2 = (n: number) => String(n).padStart(2, '0');
          const iso = `${y}-${p2(mo + 1)}-${p2(da)}`;
          const text = [
            `${da}-${MONTHS[mo]}-${p2(y % 100)}`,
            `${p2(da)} ${FULL[mo]} ${y}`,
            `${MONTHS[mo]} ${da}, ${y}`,
            `${FULL[mo]} ${da} ${y}`,
            `${y}-${MONTHS[mo]}-${p2(da)}`,
            `${y}/${p2(mo + 1)}/${p2(da)}`,
            `${y - 1911}年${mo + 1}月${da}日`,
          ][style] as string;
          const wd = (d.getUTCDay() + (wrong ? 1 + (da % 6) : 0)) % 7;
          const marked = [
            `${text}(${CJK[wd]})`,
            `${text}（週${CJK[wd]}）`,
            `${text} 星期${wd === 0 ? '天' : CJK[wd]}`,
            `${text} (${EN[wd]})`,
            `${EN[wd]}, ${text}`,
            `${EN_FULL[wd]}, ${text}`,
            text,
          ][mark] as string;
          const r = parseDate(marked, { dayFirst: null, timeZone: 'Asia/Taipei' });
          if (mark === 6 || !wrong) expect(r, marked).toEqual({ ok: true, date: iso, time: null });
          else expect(r, marked).toEqual({ ok: false, code: 'DATE_WEEKDAY_MISMATCH' });
        },
      ),
      { numRuns: 3000 },
    );
    // A weekday and a time: the time is still read.
    expect(parseDate('2024/05/01(三) 下午 2:30', md)).toEqual({
      ok: true,
      date: '2024-05-01',
      time: '14:30',
    });
    expect(parseDate('1-May-24 14:30', md)).toEqual({ ok: true, date: '2024-05-01', time: '14:30' });
    expect(parseDate('May 1, 2024 2:30 PM', md)).toEqual({ ok: true, date: '2024-05-01', time: '14:30' });
    // No month of that name; a month, not a weekday.
    expect(parseDate('1-Mya-24', md)).toEqual({ ok: false, code: 'DATE_INVALID' });
    expect(parseDate('1 Ma 2024', md)).toEqual({ ok: false, code: 'DATE_INVALID' });
    expect(parseDate('31-Feb-24', md)).toMatchObject({ ok: false, code: 'DATE_NONEXISTENT' });
  });

  it('converts zoned times into the company zone', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const utc = new Date(Math.floor(ms / 60_000) * 60_000);
        const local = new Date(utc.getTime() + 8 * 3_600_000);
        const r = parseDate(utc.toISOString(), { dayFirst: false, timeZone: 'Asia/Taipei' });
        expect(r).toEqual({
          ok: true,
          date: local.toISOString().slice(0, 10),
          time: local.toISOString().slice(11, 16),
        });
      }),
      { numRuns: 500 },
    );
  });
});
