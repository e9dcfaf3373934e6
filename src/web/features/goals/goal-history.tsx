import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { Panel } from '../../lib/panel.tsx';
import { describeReplan, describeVersionValue, type HistoryContext } from './goal-format.ts';
import type { GoalVersion } from './goals-api.ts';

/** Every saved version of the goal, newest first: who, when, why and what changed. */
export function GoalHistory({
  versions,
  context,
  metric,
}: {
  versions: UseQueryResult<GoalVersion[]>;
  context: HistoryContext;
  /** The goal's metric: the unit of a re-plan's amounts. */
  metric: string | undefined;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Panel title={t('goals.history')}>
      {versions.isError && <Alert type="error" showIcon title={errorMessage(versions.error, t)} />}
      {versions.data && versions.data.length > 0 ? (
        <Timeline
          data-testid="goal-history"
          items={[...versions.data]
            .sort((a, b) => b.version - a.version)
            .map((v) => ({
              key: v.version,
              title: t('goals.versionTitle', { version: v.version, at: formatDateTime(v.at, lang) }),
              content: (
                <div>
                  <Typography.Text type="secondary">
                    {t('goals.versionBy', { name: v.byName ?? t('goals.someone') })}
                  </Typography.Text>
                  {v.reason && (
                    <Typography.Paragraph style={{ margin: '2px 0' }}>
                      {t('goals.versionReason', { reason: v.reason })}
                    </Typography.Paragraph>
                  )}
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {Object.entries(v.changes).map(([field, c]) => {
                      const label = t(`goals.fields.${field}`, { defaultValue: field });
                      const replan = field === 'replan' ? describeReplan(c.to, metric, context) : null;
                      if (replan)
                        return (
                          <li key={field} data-testid="goal-history-replan">
                            {label}: {replan.summary}
                            {replan.periods.length > 0 && (
                              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                                {replan.periods.map((p) => (
                                  <li key={p}>{p}</li>
                                ))}
                              </ul>
                            )}
                          </li>
                        );
                      return (
                        <li key={field}>
                          {label}: {describeVersionValue(field, c.from, context)} →{' '}
                          {describeVersionValue(field, c.to, context)}
                        </li>
                      );
                    })}
                  </ul>
                </div>
              ),
            }))}
        />
      ) : (
        <Typography.Text type="secondary">{t('goals.noHistory')}</Typography.Text>
      )}
    </Panel>
  );
}
