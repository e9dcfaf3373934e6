import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Grid,
  Input,
  Popconfirm,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Locale } from '../../../contract/common.ts';
import type { KpiGlossaryBody } from '../../../contract/kpi.ts';
import { formatLocalDate } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { PageHeader } from '../../lib/page-header.tsx';
import { Panel } from '../../lib/panel.tsx';
import { useCurrentCompany } from '../../lib/use-company.ts';
import { DataFreshnessBanner, useDataFreshness } from '../../shell/data-freshness-banner.tsx';
import { formatTarget } from './goal-format.ts';
import { type Goal, type GoalStatusFilter, goalKeys, goalsApi, lookupApi } from './goals-api.ts';
import { SmartTags } from './smart-panel.tsx';

function useGlossary(companyId: string, lang: Locale) {
  return useQuery({
    queryKey: ['kpi', companyId, 'glossary', lang],
    queryFn: () => lookupApi.glossary(companyId),
    staleTime: 10 * 60_000,
  });
}

export default function GoalsPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const wide = screens.md ?? true;
  const { companyId, can } = useCurrentCompany();
  const canWrite = can('goals.write');
  const freshness = useDataFreshness(companyId);
  const [status, setStatus] = useState<GoalStatusFilter>('active');
  const [q, setQ] = useState('');
  const [metric, setMetric] = useState<string | null>(null);

  const goals = useQuery({
    queryKey: goalKeys.list(companyId, status, q, metric, lang),
    queryFn: () => goalsApi.list(companyId, status, q, metric),
  });
  const glossary = useGlossary(companyId, lang);
  const profile = useQuery({ queryKey: ['profile', companyId], queryFn: () => lookupApi.profile(companyId) });
  const currency = profile.data?.currency ?? 'TWD';
  const entryOf = (metric: string): KpiGlossaryBody[number] | undefined =>
    glossary.data?.find((g) => g.metric === metric);

  const toggle = useMutation({
    mutationFn: (g: Goal) =>
      g.status === 'active' ? goalsApi.archive(companyId, g.id) : goalsApi.restore(companyId, g.id),
    onSuccess: (g) => {
      void queryClient.invalidateQueries({ queryKey: goalKeys.all(companyId) });
      void message.success(g.status === 'archived' ? t('goals.archived') : t('goals.restored'));
    },
    onError: (e) => void message.error(errorMessage(e, t)),
  });

  const target = (g: Goal) => formatTarget(g.target, entryOf(g.metric)?.unit ?? 'money', currency, lang, t);
  const periodText = (g: Goal) =>
    `${formatLocalDate(g.period.start, lang)} – ${formatLocalDate(g.period.end, lang)}`;
  const actions = (g: Goal) =>
    canWrite ? (
      <Popconfirm
        title={g.status === 'active' ? t('goals.archiveConfirm') : t('goals.restoreConfirm')}
        okText={g.status === 'active' ? t('goals.archive') : t('goals.restore')}
        cancelText={t('common.cancel')}
        onConfirm={() => toggle.mutate(g)}
      >
        <Button size="small">{g.status === 'active' ? t('goals.archive') : t('goals.restore')}</Button>
      </Popconfirm>
    ) : null;
  const score = (g: Goal) => (g.score === null ? '—' : String(g.score));

  return (
    <>
      <PageHeader
        title={t('goals.title')}
        help={t('goals.help')}
        extra={
          canWrite && (
            <Button type="primary" data-testid="goal-new" onClick={() => void navigate('/goals/new')}>
              {t('goals.new')}
            </Button>
          )
        }
      />
      <DataFreshnessBanner freshness={freshness.data} canImport={can('data.import')} />
      <Panel style={{ marginBottom: 16 }}>
        <Space wrap>
          <Segmented<GoalStatusFilter>
            value={status}
            onChange={setStatus}
            options={(['active', 'archived', 'all'] as const).map((s) => ({
              value: s,
              label: t(`goals.status.${s}`),
            }))}
          />
          <Select<string>
            allowClear
            aria-label={t('goals.columns.metric')}
            placeholder={t('goals.allMetrics')}
            value={metric ?? undefined}
            onChange={(v) => setMetric(v ?? null)}
            style={{ minWidth: 160 }}
            showSearch={{ optionFilterProp: 'label' }}
            options={(glossary.data ?? []).map((g) => ({ value: g.metric, label: g.name }))}
          />
          <Input.Search
            allowClear
            aria-label={t('goals.search')}
            placeholder={t('goals.search')}
            onSearch={(v) => setQ(v)}
            style={{ width: 260, maxWidth: '100%' }}
          />
        </Space>
      </Panel>
      {goals.isError && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorMessage(goals.error, t)} />
      )}
      {wide ? (
        <Table<Goal>
          data-testid="goal-table"
          rowKey="id"
          loading={goals.isPending}
          dataSource={goals.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 980 }}
          locale={{ emptyText: t('goals.empty') }}
          columns={[
            {
              title: t('goals.columns.name'),
              dataIndex: 'name',
              width: 280,
              render: (_: unknown, g) => (
                <span>
                  <Link to={`/goals/${g.id}`}>{g.name}</Link>
                  {g.status === 'archived' && (
                    <Tag style={{ marginInlineStart: 6 }}>{t('goals.status.archived')}</Tag>
                  )}
                </span>
              ),
            },
            {
              title: t('goals.columns.metric'),
              key: 'metric',
              width: 110,
              render: (_: unknown, g) => entryOf(g.metric)?.name ?? g.metric,
            },
            {
              title: t('goals.columns.period'),
              key: 'period',
              width: 190,
              render: (_: unknown, g) => periodText(g),
            },
            {
              title: t('goals.columns.target'),
              key: 'target',
              width: 150,
              render: (_: unknown, g) => target(g),
            },
            {
              title: t('goals.columns.owner'),
              key: 'owner',
              width: 100,
              render: (_: unknown, g) => g.ownerName ?? '—',
            },
            {
              title: 'SMART',
              key: 'grades',
              width: 160,
              render: (_: unknown, g) => <SmartTags grades={g.grades} />,
            },
            {
              title: t('goals.columns.score'),
              key: 'score',
              width: 70,
              align: 'right',
              render: (_: unknown, g) => score(g),
            },
            ...(canWrite
              ? [{ title: '', key: 'actions', width: 90, render: (_: unknown, g: Goal) => actions(g) }]
              : []),
          ]}
        />
      ) : (
        <div data-testid="goal-cards" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
          {(goals.data ?? []).length === 0 && !goals.isPending && (
            <Typography.Text type="secondary">{t('goals.empty')}</Typography.Text>
          )}
          {(goals.data ?? []).map((g) => (
            <Panel key={g.id} small>
              <Link to={`/goals/${g.id}`} style={{ fontWeight: 600, display: 'block', marginBottom: 6 }}>
                {g.name}
              </Link>
              <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
                <SmartTags grades={g.grades} />
                <Typography.Text strong>{t('goals.scoreShort', { score: score(g) })}</Typography.Text>
              </div>
              <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
                {entryOf(g.metric)?.name ?? g.metric} · {target(g)}
                <br />
                {periodText(g)}
                {g.ownerName ? ` · ${g.ownerName}` : ''}
              </Typography.Paragraph>
              {canWrite && <div style={{ marginTop: 8 }}>{actions(g)}</div>}
            </Panel>
          ))}
        </div>
      )}
    </>
  );
}
