import { Alert, Button, Input, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../lib/panel.tsx';
import { unknownNameList } from './goal-form.ts';
import { SmartTags } from './smart-panel.tsx';
import type { GoalReader } from './use-goal-reader.ts';

/** The goal as a sentence: its grades at a glance, names the data does not hold, the suggested rewrite. */
export function StatementPanel({ reader, canWrite }: { reader: GoalReader; canWrite: boolean }) {
  const { t } = useTranslation();
  const { statement, grading, busy } = reader;
  const unknown = unknownNameList(reader.unknownNames);
  return (
    <Panel title={t('goals.sentence')}>
      <Typography.Paragraph type="secondary">{t('goals.sentenceHelp')}</Typography.Paragraph>
      <Input.TextArea
        data-testid="goal-statement"
        aria-label={t('goals.sentence')}
        autoSize={{ minRows: 3, maxRows: 8 }}
        maxLength={2000}
        disabled={!canWrite}
        placeholder={t('goals.sentencePlaceholder')}
        value={statement}
        onChange={(e) => reader.write(e.target.value)}
      />
      <div
        style={{
          minHeight: 22,
          marginTop: 6,
          display: 'flex',
          gap: 8,
          flexWrap: 'wrap',
          alignItems: 'center',
        }}
      >
        {grading && (
          <span data-testid="goal-summary" style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
            <SmartTags grades={grading.grades} />
            <Typography.Text strong>{t('goals.scoreShort', { score: grading.score })}</Typography.Text>
            <Typography.Text type="secondary">
              {t(`goals.verdicts.${grading.achievability.verdict}`)}
            </Typography.Text>
          </span>
        )}
        {busy && (
          <Typography.Text type="secondary" data-testid="goal-busy">
            <Spin size="small" style={{ marginInlineEnd: 6 }} />
            {busy === 'parse' ? t('goals.reading') : t('goals.grading')}
          </Typography.Text>
        )}
      </div>
      {unknown.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="unknown-names"
          style={{ marginTop: 8 }}
          title={t('goals.unknownTitle')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {unknown.map((u) => (
                <li key={`${u.dimension}:${u.name}`}>
                  {t('goals.unknownName', {
                    name: u.name,
                    dimension: t(`kpi.dimensions.${u.dimension}`, { defaultValue: u.dimension }),
                  })}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {grading?.rewrite && grading.rewrite.trim() !== statement.trim() && (
        <Alert
          type="info"
          style={{ marginTop: 8 }}
          data-testid="goal-rewrite"
          title={t('goals.rewriteTitle')}
          description={grading.rewrite}
          action={
            canWrite ? (
              <Button size="small" onClick={() => reader.write(grading.rewrite)}>
                {t('goals.useRewrite')}
              </Button>
            ) : undefined
          }
        />
      )}
    </Panel>
  );
}
