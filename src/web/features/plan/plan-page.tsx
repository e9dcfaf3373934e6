import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Col, Input, Row, Segmented, Space, Tree, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isAdditive as isAdditiveMetric } from '../../../core/goals/metric-kinds.ts';
import type { KpiMetric } from '../../../core/kpi/types.ts';
import { needsSamePeriodBaseline as countsOverPeriod } from '../../../core/plan/stage-targets.ts';
import { formatLocalDate } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { DownloadLink } from '../../lib/download-link.tsx';
import { errorMessage } from '../../lib/form-errors.ts';
import { PageHeader, ReadOnlyNotice } from '../../lib/page-header.tsx';
import { PageLoading } from '../../lib/page-loading.tsx';
import { Panel } from '../../lib/panel.tsx';
import { useCurrentCompany } from '../../lib/use-company.ts';
import { lookupApi } from '../goals/goals-api.ts';
import type { KpiUnit } from '../kpi/kpi-view.ts';
import { type PlanNode, planApi, planKeys } from './plan-api.ts';
import { PlanChart } from './plan-chart.tsx';
import { LockIcon, PlanGrid } from './plan-grid.tsx';
import {
  actualCurve,
  closedChildren,
  dimensionKey,
  findPath,
  formatValue,
  grainFor,
  levelGrid,
  levelTally,
  nodeLabel,
  planHelpKey,
} from './plan-view.ts';
import { ReplanModal } from './replan-modal.tsx';
import { SplitDrawer } from './split-drawer.tsx';

type Orientation = 'across' | 'down';
type TreeItem = { key: string; title: ReactNode; children: TreeItem[] };

/** /plans/:goalId — a goal's phase goals: the tree, one level as a spreadsheet, splits, re-planning. */
export default function PlanPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { goalId = '' } = useParams<{ goalId: string }>();
  const [search, setSearch] = useSearchParams();
  const { companyId, can } = useCurrentCompany();
  const canWrite = can('goals.write');
  const [drawer, setDrawer] = useState<'self' | 'next' | null>(null);
  const [replanOpen, setReplanOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState<string | null>(null);

  const tree = useQuery({
    queryKey: planKeys.tree(companyId, goalId),
    queryFn: () => planApi.tree(companyId, goalId),
  });
  const glossary = useQuery({
    queryKey: ['kpi', companyId, 'glossary', lang],
    queryFn: () => lookupApi.glossary(companyId),
    staleTime: 10 * 60_000,
  });
  const profile = useQuery({ queryKey: ['profile', companyId], queryFn: () => lookupApi.profile(companyId) });
  const currency = profile.data?.currency ?? 'TWD';

  const root: PlanNode | null = useMemo(
    () => (tree.data ? { ...tree.data.goal, children: tree.data.children } : null),
    [tree.data],
  );
  const path = root ? (findPath(root, search.get('node') ?? root.id) ?? [root]) : [];
  const node = path[path.length - 1] ?? null;
  const entry = glossary.data?.find((g) => g.metric === root?.metric);
  const unit: KpiUnit = (entry?.unit as KpiUnit | undefined) ?? 'money';
  const isAdditive = root ? isAdditiveMetric(root.metric as KpiMetric) : true;
  const orientation: Orientation =
    (search.get('view') as Orientation | null) ??
    (new Set(node?.children.map((c) => c.periodId)).size > 14 ? 'down' : 'across');
  const grid = useMemo(
    () => (node ? levelGrid(node.children, orientation === 'down', lang, t('plan.grid.all')) : null),
    [node, orientation, lang, t],
  );

  const focus = (id: string) =>
    setSearch((s) => {
      const next = new URLSearchParams(s);
      if (root && id === root.id) next.delete('node');
      else next.set('node', id);
      return next;
    });
  const setOrientation = (o: Orientation) =>
    setSearch((s) => {
      const next = new URLSearchParams(s);
      next.set('view', o);
      return next;
    });
  const refresh = () => queryClient.invalidateQueries({ queryKey: planKeys.tree(companyId, goalId) });
  const editReason = () => reason.trim() || t('plan.defaultReason');

  const edit = useMutation({
    mutationFn: (v: { child: PlanNode; target?: number; locked?: boolean }) => {
      setPending(v.child.id);
      return planApi.editChild(companyId, node?.id ?? '', v.child.id, {
        ...(v.target !== undefined ? { target: v.target } : {}),
        ...(v.locked !== undefined ? { locked: v.locked } : {}),
        reason: editReason(),
      });
    },
    onSuccess: () => refresh(),
    onError: (e) => void message.error(errorMessage(e, t)),
    onSettled: () => setPending(null),
  });
  const rebalance = useMutation({
    mutationFn: () => planApi.rebalance(companyId, node?.id ?? '', editReason()),
    onSuccess: () => {
      void message.success(t('plan.rebalanced'));
      return refresh();
    },
    onError: (e) => void message.error(errorMessage(e, t)),
  });

  if (tree.isPending) return <PageLoading />;
  if (tree.isError || !root || !node || !grid)
    return <Alert type="error" showIcon title={errorMessage(tree.error, t)} />;

  const toItem = (n: PlanNode): TreeItem => ({
    key: n.id,
    title: (
      <span>
        {n === root ? t('plan.whole') : nodeLabel(n, lang)} · {formatValue(n.target, unit, currency, lang)}
        {n.mismatch ? ' ⚠' : ''} {n.locked && <LockIcon locked />}
      </span>
    ),
    children: n.children.map(toItem),
  });
  const value = (v: number | null) => formatValue(v, unit, currency, lang);
  // A gap of cents must not read as NT$0.
  const exact = (v: number | null) => formatValue(v, unit, currency, lang, 'exact');
  const closed = closedChildren(node, tree.data.today, isAdditive);
  const tally = levelTally(node, tree.data.today, isAdditive);
  const recipe = node.split;
  const curve = actualCurve(node.children, isAdditive, tree.data.today);
  const gap = node.mismatch !== null && node.mismatch !== 0;

  return (
    <>
      <PageHeader
        title={root.name}
        help={t(planHelpKey(isAdditive))}
        extra={
          <Space wrap>
            <Link to={`/goals/${root.id}`}>
              <Button>{t('plan.openGoal')}</Button>
            </Link>
            <DownloadLink href={planApi.exportUrl(companyId, root.id, 'xlsx')} testId="plan-export">
              <Button>{t('plan.exportXlsx')}</Button>
            </DownloadLink>
            <Link to="/plans">
              <Button>{t('plan.backToPlans')}</Button>
            </Link>
          </Space>
        }
      />
      {!canWrite && <ReadOnlyNotice text={t('plan.readOnly')} />}
      <Typography.Paragraph data-testid="plan-summary">
        {entry?.name ?? root.metric} · {formatLocalDate(root.period.start, lang)} –{' '}
        {formatLocalDate(root.period.end, lang)}
        {' · '}
        {t(isAdditive ? 'plan.targetTotal' : 'plan.targetLevel', { value: value(root.target) })}
        {root.actual !== null && ` · ${t('plan.actualToDate', { value: value(root.actual) })}`}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={6}>
          <Panel title={t('plan.outline')} small>
            <Tree
              data-testid="plan-outline"
              treeData={[toItem(root)]}
              selectedKeys={[node.id]}
              defaultExpandAll
              onSelect={(keys) => {
                const k = keys[0];
                if (typeof k === 'string') focus(k);
              }}
            />
          </Panel>
        </Col>
        <Col xs={24} lg={18}>
          <Panel
            title={
              <Breadcrumb
                data-testid="plan-breadcrumb"
                items={path.map((n, i) => ({
                  key: n.id,
                  title:
                    i === path.length - 1 ? (
                      <span>{n === root ? t('plan.whole') : nodeLabel(n, lang)}</span>
                    ) : (
                      <Link to={{ search: n === root ? '' : `?node=${encodeURIComponent(n.id)}` }}>
                        {n === root ? t('plan.whole') : nodeLabel(n, lang)}
                      </Link>
                    ),
                }))}
              />
            }
            extra={
              <Link to={`/goals/${node.id}`} data-testid="plan-node-goal">
                {t('plan.grid.openGoal')} ↗
              </Link>
            }
          >
            <Space wrap style={{ marginBottom: 12 }}>
              <Typography.Text strong data-testid="plan-node-target">
                {t(isAdditive ? 'plan.targetTotal' : 'plan.targetLevel', { value: value(node.target) })}
              </Typography.Text>
              {recipe?.into && (
                <Typography.Text type="secondary" data-testid="plan-recipe">
                  {t('plan.recipe', {
                    into: t(`plan.grains.${recipe.into}`),
                    by: recipe.by ? ` × ${t(dimensionKey(recipe.by))}` : '',
                    method: t(`plan.methods.${recipe.method}`, { defaultValue: recipe.method }),
                  })}
                  {recipe.method === 'ramp' && recipe.rampPct !== null ? ` +${recipe.rampPct}%` : ''}
                </Typography.Text>
              )}
              {tally.closed > 0 && (
                // A closed level without a value (no orders: no AOV) is neither reached nor missed.
                <Typography.Text type="secondary" data-testid="plan-results">
                  {t('plan.results', { closed: tally.closed, reached: tally.reached, missed: tally.missed })}
                  {tally.noData > 0 && t('plan.resultsNoData', { count: tally.noData })}
                </Typography.Text>
              )}
            </Space>
            <Space wrap style={{ marginBottom: 12 }}>
              {canWrite && (
                <Button type="primary" onClick={() => setDrawer('self')} data-testid="plan-split">
                  {node.children.length > 0 ? t('plan.resplit') : t('plan.splitThis')}
                </Button>
              )}
              {canWrite && node.children.length > 0 && (
                <Button onClick={() => setDrawer('next')} data-testid="plan-split-next">
                  {t('plan.splitNext', { n: node.children.length })}
                </Button>
              )}
              {canWrite && closed.length > 0 && !countsOverPeriod(node.metric as KpiMetric) && (
                <Button onClick={() => setReplanOpen(true)} data-testid="plan-replan">
                  {t('plan.replan.open')}
                </Button>
              )}
              {node.children.length > 0 && (
                <Segmented<Orientation>
                  value={orientation}
                  onChange={setOrientation}
                  data-testid="plan-orientation"
                  options={[
                    { value: 'across', label: t('plan.across') },
                    { value: 'down', label: t('plan.down') },
                  ]}
                />
              )}
            </Space>
            {gap && (
              <Alert
                type="warning"
                showIcon
                data-testid="plan-mismatch"
                style={{ marginBottom: 12 }}
                title={t('plan.mismatch', {
                  children: exact(node.childrenTotal),
                  target: exact(node.target),
                  gap: exact(node.mismatch),
                })}
                action={
                  canWrite ? (
                    <Button size="small" onClick={() => rebalance.mutate()} loading={rebalance.isPending}>
                      {t('plan.rebalance')}
                    </Button>
                  ) : undefined
                }
              />
            )}
            {!isAdditive && node.children.length > 0 && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="plan-implied"
                title={
                  countsOverPeriod(node.metric as KpiMetric)
                    ? t('plan.countNotImplied')
                    : t(node.impliedWeighting === 'last-year' ? 'plan.impliedWeighted' : 'plan.implied', {
                        value: value(node.implied),
                      })
                }
              />
            )}
            {node.children.length === 0 ? (
              <Typography.Paragraph type="secondary" data-testid="plan-empty">
                {t('plan.noChildren')}
              </Typography.Paragraph>
            ) : (
              <>
                {canWrite && (
                  <Input
                    addonBefore={t('plan.reasonLabel')}
                    placeholder={t('plan.defaultReason')}
                    value={reason}
                    maxLength={500}
                    onChange={(e) => setReason(e.target.value)}
                    style={{ marginBottom: 12, maxWidth: 520 }}
                    data-testid="plan-reason"
                  />
                )}
                <PlanGrid
                  node={node}
                  grid={grid}
                  additive={isAdditive}
                  unit={unit}
                  currency={currency}
                  lang={lang}
                  canWrite={canWrite}
                  today={tree.data.today}
                  pending={pending}
                  onEdit={(child, target) => edit.mutate({ child, target })}
                  onToggleLock={(child) => edit.mutate({ child, locked: !child.locked })}
                  onOpen={(child) => focus(child.id)}
                  onUp={() => {
                    const up = path[path.length - 2];
                    if (up) focus(up.id);
                  }}
                />
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
                  {t('plan.keys')}
                </Typography.Paragraph>
                {curve.length > 0 && (
                  <PlanChart
                    curve={curve}
                    unit={unit}
                    currency={currency}
                    lang={lang}
                    lineName={t('plan.chart.actual')}
                  />
                )}
              </>
            )}
          </Panel>
        </Col>
      </Row>
      {drawer && (
        <SplitDrawer
          open
          companyId={companyId}
          targets={drawer === 'self' ? [node] : node.children}
          title={
            drawer === 'self'
              ? t('plan.split.titleSelf', { name: nodeLabel(node, lang) })
              : t('plan.split.titleNext')
          }
          defaults={
            drawer === 'self'
              ? { into: recipe?.into ?? grainFor(node.period), by: recipe?.by ?? null }
              : { into: nextGrain(node.children[0]?.periodId ?? null) }
          }
          unit={unit}
          currency={currency}
          lang={lang}
          canWrite={canWrite}
          onClose={() => setDrawer(null)}
          onSaved={() => {
            setDrawer(null);
            void refresh();
          }}
        />
      )}
      {replanOpen && (
        <ReplanModal
          open
          companyId={companyId}
          node={node}
          unit={unit}
          currency={currency}
          lang={lang}
          onClose={() => setReplanOpen(false)}
          onSaved={() => {
            setReplanOpen(false);
            void refresh();
          }}
        />
      )}
    </>
  );
}

/** The grain one step finer than a period id's: quarter → month → week → day. */
function nextGrain(periodId: string | null): 'quarter' | 'month' | 'week' | 'day' {
  if (!periodId) return 'quarter';
  if (/Q\d$/.test(periodId)) return 'month';
  if (/^\d{4}-\d{2}$/.test(periodId)) return 'week';
  if (/W\d{2}$/.test(periodId)) return 'day';
  return 'month';
}
