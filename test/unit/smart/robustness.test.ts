/** Property tests: the reader never throws and always returns a well-formed goal, whatever it is given. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeGoalStatement, parseGoalStatement, rewriteSuggestion } from '../../../src/core/smart/index.ts';

const FRAGMENTS = [
  '在未來三個月內',
  '透過',
  '線上廣告',
  '提升',
  '產品A',
  '銷售額',
  '20%',
  '達到每月100單',
  '春節前兩週',
  '兩成',
  '一千兩百萬',
  '5個百分點',
  '3倍',
  '翻倍',
  '主要目標客戶為',
  '25-45歲的都市白領',
  'Q3 2026',
  'by September',
  'NT$2,000,000',
  ',',
  '。',
  '「',
  '」',
  '每',
  '前',
  '年',
  '月',
  '第',
  '季',
  ' ',
  'in the next',
  'through',
  '%',
  '$',
  '0',
  '9999999999999999999999',
  '\\',
  '(',
  '[',
  '*',
  '?',
];

function assertWellFormed(text: string, today: string): void {
  const parsed = parseGoalStatement(text, { today });
  const grading = gradeGoalStatement(parsed);
  expect(['pass', 'warn', 'fail']).toContain(grading.grades.specific);
  expect(grading.score).toBeGreaterThanOrEqual(0);
  expect(grading.score).toBeLessThanOrEqual(100);
  for (const t of parsed.targets) expect(Number.isFinite(t.value)).toBe(true);
  if (parsed.period) expect(parsed.period.start <= parsed.period.end).toBe(true);
  expect(typeof rewriteSuggestion(parsed)).toBe('string');
}

describe('the reader on hostile input', () => {
  it('never throws on random strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => assertWellFormed(s, '2026-01-15')),
      { numRuns: 300 },
    );
  });

  it('never throws on random unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (s) => assertWellFormed(s, '2026-01-15')),
      { numRuns: 200 },
    );
  });

  it('never throws on shuffled goal fragments', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }), (parts) =>
        assertWellFormed(parts.join(''), '2026-01-15'),
      ),
      { numRuns: 400 },
    );
  });

  it('handles any valid today', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (d) =>
          assertWellFormed('春節前兩週,下半年透過門市將產品A銷售額提升20%', d.toISOString().slice(0, 10)),
      ),
      { numRuns: 200 },
    );
  });

  it('returns an empty reading for an invalid today or a non-string', () => {
    expect(parseGoalStatement('提升銷售額20%', { today: 'not a date' }).targets).toEqual([]);
    expect(parseGoalStatement(undefined as unknown as string, { today: '2026-01-15' }).metric).toBeNull();
  });

  it('reads a very long statement without hanging', () => {
    const long = '在未來三個月內,透過線上廣告提升產品A銷售額20%,'.repeat(500) + '9'.repeat(5000);
    const parsed = parseGoalStatement(long, { today: '2026-01-15' });
    expect(parsed.metric).toBe('revenue');
  });
});
