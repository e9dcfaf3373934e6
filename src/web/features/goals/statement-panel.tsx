import { Alert, Button, Input, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../lib/panel.tsx';
import { SmartTags } from './smart-panel.tsx';
import type { GoalReader } from './use-goal-reader.ts';

/**
 * The goal as a sentence: its grades at a glance, what the reader asks back (`children`: names the
 * data does not hold, contradicting targets), the suggested rewrite.
 */
export function StatementPanel({
  reader,
  canWrite,
  children,
}: {
  reader: GoalReader;
  canWrite: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { statement, grading, busy } = reader;
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
      {children}
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
