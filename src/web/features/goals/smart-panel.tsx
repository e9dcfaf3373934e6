import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { GRADE_COLORS, LETTER_SHORT, type LetterGrade, SMART_LETTERS } from './goal-form.ts';
import type { Grading } from './goals-api.ts';

/** The five letters as small coloured tags (the goal list, the panel's header). */
export function SmartTags({ grades }: { grades: Grading['grades'] | null }) {
  const { t } = useTranslation();
  return (
    <span data-testid="smart-tags" style={{ display: 'inline-flex', gap: 2, flexWrap: 'nowrap' }}>
      {SMART_LETTERS.map((letter) => {
        const grade: LetterGrade = grades?.[letter] ?? 'unknown';
        return (
          <Tag
            key={letter}
            color={GRADE_COLORS[grade]}
            data-letter={letter}
            data-grade={grade}
            title={`${t(`goals.letters.${letter}`)}: ${t(`goals.grades.${grade}`)}`}
            style={{ marginInlineEnd: 0, fontWeight: 600, minWidth: 24, textAlign: 'center' }}
          >
            {LETTER_SHORT[letter]}
          </Tag>
        );
      })}
    </span>
  );
}

/** The live SMART panel: each letter with its grade, the findings' reasons and concrete fixes. */
export function SmartPanel({ grading }: { grading: Grading }) {
  const { t } = useTranslation();
  return (
    <div data-testid="smart-panel">
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 8, marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('goals.score')}</Typography.Text>
        <Typography.Text strong style={{ fontSize: 28 }} data-testid="smart-score">
          {grading.score}
        </Typography.Text>
        <Typography.Text type="secondary">/ 100</Typography.Text>
      </div>
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {SMART_LETTERS.map((letter) => {
          const grade = grading.grades[letter];
          const findings = grading.findings.filter((f) => f.letter === letter);
          return (
            <li
              key={letter}
              data-testid={`smart-letter-${letter}`}
              data-grade={grade}
              style={{ display: 'flex', gap: 10, padding: '8px 0', borderTop: '1px solid #f0f0f0' }}
            >
              <Tag
                color={GRADE_COLORS[grade]}
                style={{
                  fontSize: 16,
                  fontWeight: 700,
                  minWidth: 32,
                  height: 28,
                  lineHeight: '26px',
                  textAlign: 'center',
                }}
              >
                {LETTER_SHORT[letter]}
              </Tag>
              <div style={{ minWidth: 0, flex: 1 }}>
                <Typography.Text strong>{t(`goals.letters.${letter}`)}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {t(`goals.grades.${grade}`)}
                </Typography.Text>
                {findings.map((f) => (
                  <div key={f.code} style={{ marginTop: 4 }}>
                    <Typography.Text
                      type={f.severity === 'fail' ? 'danger' : f.severity === 'warn' ? 'warning' : undefined}
                    >
                      {f.message}
                    </Typography.Text>
                    {f.fix && (
                      <div>
                        <Typography.Text type="secondary">{t('goals.fix')}</Typography.Text>
                        <Typography.Text>{f.fix}</Typography.Text>
                      </div>
                    )}
                  </div>
                ))}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
