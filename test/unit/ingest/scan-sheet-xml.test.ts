import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../../../src/ingest/ingest-error.ts';
import { DEFAULT_LIMITS, type RawRow } from '../../../src/ingest/limits.ts';
import {
  columnIndex,
  decodeXmlText,
  SharedStringsScanner,
  SheetXmlScanner,
} from '../../../src/ingest/scan-sheet-xml.ts';

const SHARED = ['日期', '拿鐵 & 摩卡', '備註'];
const XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:D4"/>' +
  '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData>' +
  '<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c></row>' +
  '<row r="2"><c r="A2" s="1"><v>45322.5</v></c><c r="B2" t="inlineStr"><is><r><t>拿</t></r><r><t xml:space="preserve">鐵 </t></r><rPh sb="0" eb="1"><t>ㄋㄚˊ</t></rPh></is></c>' +
  '<c r="C2" t="b"><v>1</v></c><c r="D2" t="str"><f>A1&amp;"x"</f><v>a&lt;b &#x4E2D;&#25991;</v></c></row>' +
  '<row r="3"/>' +
  '<row r="4"><c r="A4" t="e"><v>#N/A</v></c><c r="B4"/><c r="C4"><v>-1.5E-3</v></c></row>' +
  '<row><c><v>7</v></c><c><v>8</v></c></row>' +
  '</sheetData><rowBreaks count="1"><brk id="2"/></rowBreaks></worksheet>';

const EXPECTED: RawRow[] = [
  { line: 1, cells: ['日期', '拿鐵 & 摩卡', '', '備註'] },
  { line: 2, cells: ['45322.5', '拿鐵 ', 'TRUE', 'a<b 中文'] },
  { line: 4, cells: ['#N/A', '', '-1.5E-3'] },
  { line: 5, cells: ['7', '8'] },
];

function scan(pieces: string[]): RawRow[] {
  const s = new SheetXmlScanner(SHARED, DEFAULT_LIMITS);
  const out: RawRow[] = [];
  for (const p of pieces) s.push(p, false, out);
  s.push('', true, out);
  return out;
}

describe('SheetXmlScanner', () => {
  it('reads cells of every type', () => {
    expect(scan([XML])).toEqual(EXPECTED);
  });

  it('gives the same rows however the text is cut', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: XML.length }), { maxLength: 12 }), (cuts) => {
        const at = [0, ...[...cuts].sort((a, b) => a - b), XML.length];
        const pieces = at.slice(1).map((end, i) => XML.slice(at[i], end));
        expect(scan(pieces)).toEqual(EXPECTED);
      }),
      { numRuns: 500 },
    );
  });

  it('fails only with an IngestError on damaged XML', () => {
    fc.assert(
      fc.property(fc.nat({ max: XML.length }), fc.string({ maxLength: 10 }), (at, junk) => {
        try {
          scan([XML.slice(0, at) + junk + XML.slice(at + junk.length)]);
        } catch (e) {
          expect(e).toBeInstanceOf(IngestError);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('reads r and t in any order and quoting, and no other attribute for them', () => {
    const xml =
      '<sheetData><row spans="1:3" r = \'7\' x14ac:dyDescent="0.25">' +
      "<c s='2' t = \"s\" r = 'B7'><v> 1</v></c>" +
      '<c xr:r="Z9" rt="s" cm="1" r="D7"><v>12</v></c>' +
      '<c r="E7" t="b" tr="x"><v>0</v></c><c t="n" r="F7"/><c t="str" r="G7"><v>x&amp;y</v></c></row></sheetData>';
    const out: RawRow[] = [];
    new SheetXmlScanner(SHARED, DEFAULT_LIMITS).push(xml, true, out);
    expect(out).toEqual([{ line: 7, cells: ['', '拿鐵 & 摩卡', '', '12', 'FALSE', '', 'x&y'] }]);
  });

  it('enforces the column limit', () => {
    const s = new SheetXmlScanner([], { ...DEFAULT_LIMITS, maxColumns: 3 });
    expect(() => s.push('<sheetData><row r="9"><c r="D9"><v>1</v></c></row>', true, [])).toThrow(IngestError);
  });

  it('decodes references and entities', () => {
    expect(columnIndex('A1')).toBe(0);
    expect(columnIndex('AA10')).toBe(26);
    expect(columnIndex('XFD1')).toBe(16_383);
    expect(decodeXmlText('&amp;&lt;&gt;&quot;&apos;&#65;&#x42;&#0;')).toBe('&<>"\'AB');
  });
});

describe('SharedStringsScanner', () => {
  const SST =
    '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">' +
    '<si><t>日期</t></si><si><r><rPr><b/></rPr><t>拿鐵</t></r><r><t xml:space="preserve"> &amp; 摩卡</t></r>' +
    '<rPh sb="0" eb="2"><t>ㄋㄚˊ</t></rPh></si><si/><si><t/></si></sst>';
  it('reads rich and phonetic items, however cut', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: SST.length }), { maxLength: 8 }), (cuts) => {
        const at = [0, ...[...cuts].sort((a, b) => a - b), SST.length];
        const s = new SharedStringsScanner();
        for (let i = 1; i < at.length; i++) s.push(SST.slice(at[i - 1], at[i]), false);
        s.push('', true);
        expect(s.strings).toEqual(['日期', '拿鐵 & 摩卡', '', '']);
      }),
      { numRuns: 300 },
    );
  });
});
