/**
 * Relevant: the goal serves a strategic objective of the company, and its means do not clash with
 * the positioning (a discount-driven goal for a high-end positioning).
 */
import { goalFinding } from './messages.ts';
import type { Finding, Lang, LetterGrade } from './types.ts';

export interface RelevanceContext {
  objectiveTitle: string | null;
  /** Titles of the company's objectives, offered in the fix. */
  objectiveTitles: readonly string[];
  positioning: string;
}

const PREMIUM = /高端|高階|高價|精品|奢華|頂級|高級|premium|luxury|high[- ]end|upscale/i;
const DISCOUNT =
  /折扣|打折|[一二三四五六七八九\d]+折|降價|減價|削價|特價|低價|清倉|買一送一|買[一二\d]送[一二\d]|折價券|優惠券|discount|price cut|cut prices|clearance|coupon|cheap|bogo|buy one get one/i;

/** True when the positioning is premium and the goal's text relies on discounts. */
export function positioningClash(positioning: string, goalText: string): boolean {
  return PREMIUM.test(positioning) && DISCOUNT.test(goalText);
}

export function gradeRelevance(
  ctx: RelevanceContext,
  goalText: string,
  lang: Lang,
): { grade: LetterGrade; findings: Finding[] } {
  const findings: Finding[] = [];
  let grade: LetterGrade;
  if (ctx.objectiveTitle !== null) {
    grade = 'pass';
    findings.push(goalFinding('relevant', 'OBJECTIVE_LINKED', 'info', lang, { title: ctx.objectiveTitle }));
  } else {
    grade = 'warn';
    const list = ctx.objectiveTitles.slice(0, 5);
    const objectives =
      list.length === 0
        ? lang === 'zh-TW'
          ? '(先在市場分析中寫下策略目標)'
          : ' (write strategic objectives in the market analysis first)'
        : lang === 'zh-TW'
          ? `:${list.map((t) => `「${t}」`).join('、')}`
          : `: ${list.map((t) => `“${t}”`).join(', ')}`;
    findings.push(goalFinding('relevant', 'NO_OBJECTIVE', 'warn', lang, { objectives }));
  }
  if (positioningClash(ctx.positioning, goalText)) {
    grade = grade === 'pass' ? 'warn' : grade;
    findings.push(
      goalFinding('relevant', 'POSITIONING_CLASH', 'warn', lang, {
        positioning: ctx.positioning.slice(0, 80),
      }),
    );
  }
  return { grade, findings };
}
