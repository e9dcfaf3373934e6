import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Segmented, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COMPANY_STAGES, type CompanyStage, stageFromProfile } from '../../../core/plan/stage-templates.ts';
import { formatLocalDate, formatNumber } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { Panel } from '../../lib/panel.tsx';
import { useDataFreshness } from '../../shell/data-freshness-banner.tsx';
import { lookupApi } from '../goals/goals-api.ts';
import { SmartTags } from '../goals/smart-panel.tsx';
import type { KpiUnit } from '../kpi/kpi-view.ts';
import { planApi, type StagePlan } from './plan-api.ts';
import { defaultStageStart, formatValue, stageChangeKey } from './plan-view.ts';

type StageGoal = StagePlan['phases'][number]['goals'][number];

/**
 * The guide's phase plan by company stage (初創 / 快速成長 / 成熟; default: the profile's stage):
 * a preview of the three phases with their goals and targets suggested from the company's own data,
 * then created as goals (each graded and editable on its goal page).
 */
export function StagePlanPanel({ companyId, canWrite }: { companyId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { message } = App.useApp();
  const profile = useQuery({ queryKey: ['profile', companyId], queryFn: () => lookupApi.profile(companyId) });
  const glossary = useQuery({
    queryKey: ['kpi', companyId, 'glossary', lang],
    queryFn: () => lookupApi.glossary(companyId),
    staleTime: 10 * 60_000,
  });
  const [chosen, setChosen] = useState<CompanyStage | null>(null);
  // The first of next month by the company's today (the server's), until the user picks a day.
  const today = useDataFreshness(companyId).data?.today;
  const [picked, setPicked] = useState<string | null>(null);
  const start = picked ?? (today ? defaultStageStart(today) : null);
  const [plan, setPlan] = useState<StagePlan | null>(null);
  const currency = profile.data?.currency ?? 'TWD';
  const stage: CompanyStage = chosen ?? (profile.data ? stageFromProfile(profile.data.stage) : 'startup');
  const unitOf = (metric: string) =>
    (glossary.data?.find((g) => g.metric === metric)?.unit as KpiUnit | undefined) ?? 'count';

  const run = useMutation({
    mutationFn: (dryRun: boolean) => planApi.stage(companyId, { stage, start: start ?? '', dryRun }),
    onSuccess: (p) => {
      setPlan(p);
      if (p.saved) void message.success(t('plan.stage.created'));
    },
    onError: (e) => void message.error(errorMessage(e, t)),
  });
  const targetText = (g: StageGoal) =>
    g.target === null
      ? (g.reason ?? t('plan.stage.userSets'))
      : g.targetKind === 'percent_change'
        ? t(stageChangeKey(g.basis), {
            value: `${g.target >= 0 ? '+' : ''}${formatNumber(g.target, lang, 1)}%`,
          })
        : formatValue(g.target, unitOf(g.metric), currency, lang);

  return (
    <Panel title={t('plan.stage.title')}>
      <Typography.Paragraph type="secondary">{t('plan.stage.help')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<CompanyStage>
          data-testid="stage-choice"
          value={stage}
          onChange={(s) => {
            setChosen(s);
            setPlan(null);
          }}
          options={COMPANY_STAGES.map((s) => ({ value: s, label: t(`plan.stage.stages.${s}`) }))}
        />
        <DatePicker
          aria-label={t('plan.stage.start')}
          value={start ? dayjs(start) : null}
          allowClear={false}
          onChange={(d: Dayjs | null) => {
            if (d) setPicked(d.format('YYYY-MM-DD'));
            setPlan(null);
          }}
        />
        <Button
          onClick={() => run.mutate(true)}
          disabled={start === null}
          loading={run.isPending && !plan}
          data-testid="stage-preview"
        >
          {t('plan.stage.preview')}
        </Button>
        {canWrite && (
          <Button
            type="primary"
            disabled={!plan || plan.saved || start === null}
            loading={run.isPending && !!plan}
            onClick={() => run.mutate(false)}
            data-testid="stage-create"
          >
            {t('plan.stage.create')}
          </Button>
        )}
      </Space>
      {profile.data && chosen === null && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('plan.stage.fromProfile')}
        </Typography.Paragraph>
      )}
      {plan && (
        <div data-testid="stage-plan">
          <Typography.Title level={5}>{plan.title}</Typography.Title>
          {plan.saved && (
            <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('plan.stage.savedNote')} />
          )}
          {plan.phases.map((ph) => (
            <div key={ph.name} style={{ marginBottom: 16 }} data-testid="stage-phase">
              <Typography.Text strong>
                {ph.name} · {formatLocalDate(ph.period.start, lang)} – {formatLocalDate(ph.period.end, lang)}
              </Typography.Text>
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
                {ph.goal}
              </Typography.Paragraph>
              <Table<StageGoal>
                size="small"
                rowKey={(g) => `${ph.name}:${g.metric}:${g.kpi}`}
                pagination={false}
                dataSource={ph.goals}
                scroll={{ x: 640 }}
                columns={[
                  {
                    title: t('plan.stage.kpi'),
                    key: 'kpi',
                    render: (_: unknown, g) => (g.id ? <Link to={`/goals/${g.id}`}>{g.kpi}</Link> : g.kpi),
                  },
                  {
                    title: t('plan.stage.target'),
                    key: 'target',
                    align: 'right',
                    render: (_: unknown, g) => targetText(g),
                  },
                  {
                    title: t('plan.stage.source'),
                    key: 'from',
                    render: (_: unknown, g) => (
                      <Tag
                        color={
                          g.suggestedFrom === 'recommended'
                            ? 'green'
                            : g.suggestedFrom === 'baseline'
                              ? 'blue'
                              : 'default'
                        }
                      >
                        {t(g.reason ? 'plan.stage.from.noBaseline' : `plan.stage.from.${g.suggestedFrom}`)}
                      </Tag>
                    ),
                  },
                  {
                    title: 'SMART',
                    key: 'grades',
                    render: (_: unknown, g) => (g.grades ? <SmartTags grades={g.grades} /> : '—'),
                  },
                  {
                    title: t('plan.stage.score'),
                    key: 'score',
                    align: 'right',
                    render: (_: unknown, g) => g.score ?? '—',
                  },
                ]}
              />
            </div>
          ))}
        </div>
      )}
    </Panel>
  );
}
