import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../../src/core/ingest/parse-amount.ts';
import { IngestError } from '../../../src/ingest/ingest-error.ts';
import { DEFAULT_LIMITS, type RawRow } from '../../../src/ingest/limits.ts';
import { DelimitedParser, detectDelimiter } from '../../../src/ingest/parse-delimited.ts';
import { readDelimited } from '../../../src/ingest/read-delimited.ts';

function parseAll(text: string, delimiter: string, cuts: readonly number[]): RawRow[] {
  const p = new DelimitedParser(delimiter, DEFAULT_LIMITS);
  const out: RawRow[] = [];
  let prev = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    const at = Math.min(c, text.length);
    p.push(text.slice(prev, at), false, out);
    prev = at;
  }
  p.push(text.slice(prev), true, out);
  return out;
}

function quote(cell: string, delimiter: string): string {
  return cell.includes('"') || cell.includes(delimiter) || cell.includes('\n') || cell.includes('\r')
    ? `"${cell.replaceAll('"', '""')}"`
    : cell;
}

describe('DelimitedParser', () => {
  it('reads back any table, whatever the chunking and line ends', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('', '"', '""', ',', '\t', '\n', '\r\n', '拿鐵, 大杯', 'a"b', ' x '),
    );
    const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(
        table,
        fc.constantFrom(',', '\t', ';', '|'),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat({ max: 400 }), { maxLength: 8 }),
        (rows, delimiter, eol, cuts) => {
          // a row whose cells are all empty is a blank line: the reader skips it
          const kept = rows.filter((r) => !(r.length === 1 && r[0] === ''));
          const text = kept.map((r) => r.map((c) => quote(c, delimiter)).join(delimiter)).join(eol) + eol;
          const got = parseAll(text, delimiter, cuts);
          expect(got.map((r) => r.cells)).toEqual(kept);
          let line = 1;
          for (let i = 0; i < kept.length; i++) {
            expect(got[i]!.line).toBe(line);
            line += 1 + kept[i]!.join(' ').split('\n').length - 1;
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('fails only with an IngestError on random text', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.array(fc.nat({ max: 300 }), { maxLength: 5 }),
        (text, cuts) => {
          try {
            parseAll(text, ',', cuts);
          } catch (e) {
            expect(e).toBeInstanceOf(IngestError);
            expect(['CSV_QUOTE_NOT_CLOSED', 'CSV_QUOTE_INVALID']).toContain((e as IngestError).code);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads random bytes without crashing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        try {
          for await (const _ of readDelimited(Readable.from([Buffer.from(bytes)]))) {
            // drain
          }
        } catch (e) {
          expect(e).toBeInstanceOf(IngestError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('detects delimiters', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n1\t2,5\t3\n')).toBe('\t');
    // A notice line above the header (PChome) does not decide.
    expect(detectDelimiter('【※此匯出資料請妥善保管】\na\tb\tc\n1\t2,5\t3\n')).toBe('\t');
    expect(detectDelimiter('a;b;c\n"1;x";2;3\n')).toBe(';');
    expect(detectDelimiter('a|b\n1|2\n')).toBe('|');
    expect(detectDelimiter('single\nvalue\n')).toBe(',');
  });
});

describe('parseAmount fast path', () => {
  it('agrees with exact decimal arithmetic on plain numbers', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.stringMatching(/^[0-9]{1,13}$/),
        fc.option(fc.stringMatching(/^[0-9]{1,6}$/)),
        fc.integer({ min: 0, max: 4 }),
        (negative, int, frac, exponent) => {
          const text = `${negative ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}`;
          const f = (frac ?? '').padEnd(exponent + 1, '0');
          let v = BigInt(int) * 10n ** BigInt(exponent) + BigInt(f.slice(0, exponent) || '0');
          if (Number(f[exponent]) >= 5) v += 1n;
          const expected = negative && v !== 0n ? -Number(v) : Number(v);
          const r = parseAmount(text, { exponent });
          if (Number.isSafeInteger(Number(v))) expect(r).toEqual({ ok: true, minor: expected });
          else expect(r).toEqual({ ok: false, code: 'AMOUNT_TOO_LARGE' });
          // the decorated slow path agrees
          const decorated = `${negative ? '-' : ''}NT$${Number(int).toLocaleString('en-US')}${frac === null ? '' : `.${frac}`} `;
          if (Number.isSafeInteger(Number(v)) && Number(int) <= Number.MAX_SAFE_INTEGER)
            expect(parseAmount(decorated, { exponent })).toEqual({ ok: true, minor: expected });
        },
      ),
      { numRuns: 3000 },
    );
  });
});
