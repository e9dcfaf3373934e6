import { describe, expect, it } from 'vitest';
import { gradeGoalStatement, parseGoalStatement, rewriteSuggestion } from '../../../src/core/smart/index.ts';

const read = (text: string, lang?: 'zh-TW' | 'en') => parseGoalStatement(text, { today: '2026-01-15', lang });

describe('gradeGoalStatement', () => {
  it('fails a vague goal on S, M and T with fixes in the user’s language', () => {
    const grading = gradeGoalStatement(read('提升銷售額'));
    expect(grading.grades).toEqual({
      specific: 'fail',
      measurable: 'fail',
      achievable: 'unknown',
      relevant: 'unknown',
      time_bound: 'fail',
    });
    expect(grading.score).toBe(0);
    const codes = grading.findings.map((f) => f.code);
    expect(codes).toEqual(
      expect.arrayContaining(['NO_SCOPE', 'NO_TARGET', 'NO_PERIOD', 'NO_HISTORY', 'NO_OBJECTIVE']),
    );
    for (const f of grading.findings) {
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
      expect(f.fix.length).toBeGreaterThan(0);
    }
  });

  it('passes the guide’s example and scores 60 without company data', () => {
    const grading = gradeGoalStatement(read('在未來三個月內,透過線上廣告提升產品A銷售額20%,達到每月100單。'));
    expect(grading.grades.specific).toBe('pass');
    expect(grading.grades.measurable).toBe('pass');
    expect(grading.grades.time_bound).toBe('pass');
    expect(grading.score).toBe(60);
  });

  it('warns when the metric has a target but no scope', () => {
    expect(gradeGoalStatement(read('今年的營業額要比去年成長30%')).grades.specific).toBe('warn');
  });

  it('writes English messages on request', () => {
    const grading = gradeGoalStatement(read('提升銷售額'), { lang: 'en' });
    expect(grading.findings.find((f) => f.code === 'NO_PERIOD')?.message).toMatch(/deadline/);
  });

  it('warns on a period longer than 18 months and on one already over', () => {
    const long = gradeGoalStatement(read('未來兩年內營收成長50%'));
    expect(long.grades.time_bound).toBe('pass');
    expect(long.findings.map((f) => f.code)).toContain('PERIOD_TOO_LONG');
    const past = gradeGoalStatement(read('2024年第一季度營收成長10%'));
    expect(past.findings.map((f) => f.code)).toContain('PERIOD_IN_PAST');
  });
});

describe('rewriteSuggestion', () => {
  it('turns 「提升銷售額」 into a SMART sentence from the company’s numbers, inventing no channel or product', () => {
    const text = rewriteSuggestion(read('提升銷售額'), { baselineRevenuePerMonth: 200_000 });
    expect(text).toContain('在接下來的3個月內');
    expect(text).not.toContain('門市');
    expect(text).not.toContain('拿鐵');
    expect(text).toContain('將銷售額提升至每月23萬元');
  });

  it('keeps the unit of a rate target (「提升至60%」, not 「提升至60」) and writes no rate on a level', () => {
    expect(rewriteSuggestion(read('在今年第三季將客戶留存率提升至60%'))).toContain('客戶留存率提升至60%。');
    expect(rewriteSuggestion(read('在今年第三季將轉換率提升2個百分點'))).toContain('增加2個百分點');
    expect(rewriteSuggestion(read('Raise the retention rate to 60% in Q3', 'en'), {}, 'en')).toMatch(
      /to 60%/,
    );
  });

  it('keeps what the statement already says', () => {
    const text = rewriteSuggestion(read('下半年透過Facebook廣告,讓有機茶禮盒的銷量成長兩成'));
    expect(text).toContain('下半年');
    expect(text).toContain('有機茶禮盒');
    expect(text).toContain('提升20%');
  });

  it('writes English', () => {
    const text = rewriteSuggestion(read('Increase revenue'), {}, 'en');
    expect(text).not.toMatch(/ of /i);
    expect(text).toContain('in the next 3 months');
  });
});
