import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inferDayFirst, parseDate, parseTime, toExcelSerial } from '../../../src/core/ingest/parse-date.ts';

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
    ['2024-02-30', 'DATE_INVALID'],
    ['2023-02-29', 'DATE_INVALID'],
    ['1900-02-29', 'DATE_INVALID'],
    ['60', 'DATE_INVALID'],
    ['0', 'DATE_INVALID'],
    ['2024-13-01', 'DATE_INVALID'],
    ['113/02/30', 'DATE_INVALID'],
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
