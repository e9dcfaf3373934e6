import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../contract/common.ts';
import { isAdditive as isAdditiveMetric } from '../../../core/goals/metric-kinds.ts';
import type { KpiMetric } from '../../../core/kpi/types.ts';
import { needsSamePeriodBaseline as countsOverPeriod } from '../../../core/plan/stage-targets.ts';
import {
  SPLIT_DIMENSIONS,
  SPLIT_GRAINS,
  type SplitDimension,
  type SplitGrain,
} from '../../../core/plan/types.ts';
import { useFieldFailure } from '../../lib/use-field-failure.ts';
import type { KpiUnit } from '../kpi/kpi-view.ts';
import { LastYearCell } from './last-year-cell.tsx';
import { ManualCell, type ManualEdits, manualKey } from './manual-cell.tsx';
import { type PlanNode, planApi, type SplitView } from './plan-api.ts';
import { PlanChart } from './plan-chart.tsx';
import { mergeCurves } from './plan-chart-options.ts';
import {
  dimensionKey,
  exactSum,
  formatShare,
  formatValue,
  methodHelpKey,
  nodeLabel,
  periodLabel,
} from './plan-view.ts';

export const METHOD_CHOICES = ['equal', 'last-year', 'seasonal', 'ramp', 'manual'] as const;
type MethodChoice = (typeof METHOD_CHOICES)[number];

interface Recipe {
  into: SplitGrain;
  by: SplitDimension | null;
  method: MethodChoice;
  rampPct: number;
}

interface PreviewRow {
  key: string;
  /** manualKey: which view and cell. */
  cell: string;
  parent: string;
  period: string;
  member: string | null;
  target: number;
  share: number | null;
  lastYear: number | null;
  /** lastYear is an estimate (the data covers only part of that period last year). */
  lastYearEstimated: boolean;
}

/**
 * How one level is split (this goal, or each goal of the level below it): grain, dimension and
 * method; a preview of every child's target and share with the plan curve against last year, then
 * save. Saving replaces the goals' existing phase goals (archived, kept in their history).
 */
export function SplitDrawer({
  open,
  companyId,
  targets,
  title,
  defaults,
  unit,
  currency,
  lang,
  canWrite,
  onClose,
  onSaved,
}: {
  open: boolean;
  companyId: string;
  targets: readonly PlanNode[];
  title: string;
  defaults: Partial<Recipe>;
  unit: KpiUnit;
  currency: string;
  lang: Locale;
  canWrite: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [recipe, setRecipe] = useState<Recipe>({
    into: defaults.into ?? 'quarter',
    by: defaults.by ?? null,
    method: defaults.method ?? 'seasonal',
    rampPct: defaults.rampPct ?? 3,
  });
  const [views, setViews] = useState<SplitView[] | null>(null);
  const [edits, setEdits] = useState<ManualEdits>(new Map());
  const byFailure = useFieldFailure('by');
  const manual = recipe.method === 'manual';
  /** Manual: the preview sends the locked cells (the others share the rest); the save sends every cell as shown. */
  const cellsOf = (i: number, all: boolean) => {
    if (!manual) return {};
    const v = views?.[i];
    if (!all || !v)
      return {
        cells: [...edits.entries()]
          .filter(([k, e]) => e.locked && k.startsWith(`${i}:`))
          .map(([k, e]) => {
            const [periodId = '', member] = k.slice(`${i}:`.length).split('|');
            return { periodId, member: member ?? null, target: e.target, locked: true };
          }),
      };
    return {
      cells: v.children.map((c) => {
        const e = edits.get(manualKey(i, c.periodId, c.member));
        return {
          periodId: c.periodId,
          member: c.member,
          target: e?.target ?? c.target,
          locked: e?.locked ?? false,
        };
      }),
    };
  };
  const body = (i: number, dryRun: boolean) => ({
    into: recipe.into,
    by: recipe.by,
    method: recipe.method,
    rampPct: recipe.method === 'ramp' ? recipe.rampPct : null,
    dryRun,
    ...cellsOf(i, !dryRun),
  });
  const set = (patch: Partial<Recipe>) => {
    setRecipe((r) => ({ ...r, ...patch }));
    byFailure.clear();
    setViews(null);
    setEdits(new Map());
  };

  const preview = useMutation({
    mutationFn: async () => {
      const out: SplitView[] = [];
      for (const [i, n] of targets.entries()) out.push(await planApi.split(companyId, n.id, body(i, true)));
      return out;
    },
    onSuccess: (out) => {
      setViews(out);
      // The unlocked cells now show the re-balanced targets.
      setEdits((m) => new Map([...m].filter(([, e]) => e.locked)));
    },
    onError: byFailure.failed,
  });
  const save = useMutation({
    mutationFn: async () => {
      const out: SplitView[] = [];
      for (const [i, n] of targets.entries()) out.push(await planApi.split(companyId, n.id, body(i, false)));
      return out;
    },
    onSuccess: (out) => {
      if (out.some((v) => (v.mismatch ?? 0) !== 0)) void message.warning(t('plan.split.savedMismatch'));
      else void message.success(t('plan.split.saved'));
      setViews(null);
      setEdits(new Map());
      onSaved();
    },
    onError: byFailure.failed,
  });

  const many = targets.length > 1;
  // A ratio (AOV, retention…) is a level every child keeps, never shared: the help says so.
  const metric = (views?.[0]?.metric ?? targets[0]?.metric ?? 'revenue') as KpiMetric;
  const metricAdditive = views?.[0]?.additive ?? isAdditiveMetric(metric);
  const replacing = targets.filter((n) => n.children.length > 0).length;
  const rows: PreviewRow[] = (views ?? []).flatMap((v, i) =>
    v.children.map((c, j) => {
      const typed = edits.get(manualKey(i, c.periodId, c.member));
      return {
        key: `${i}:${j}`,
        cell: manualKey(i, c.periodId, c.member),
        parent: targets[i] ? nodeLabel(targets[i], lang) : '',
        period: periodLabel(c.periodId, lang),
        member: c.member,
        target: typed?.target ?? c.target,
        // A typed target's share of the parent, as the saved child will have it.
        share: typed && c.share !== null && v.total !== 0 ? typed.target / v.total : c.share,
        lastYear: c.lastYear,
        lastYearEstimated: c.lastYearEstimated,
      };
    }),
  );
  const notes = [...new Map((views ?? []).flatMap((v) => v.notes).map((n) => [n.code, n])).values()];
  const additive = views?.[0]?.additive ?? true;
  // Manual: what the shown targets add up to against each parent's total (a gap is shown, never hidden).
  const gaps =
    manual && views && additive
      ? views
          .map((v, i) => {
            const sum = exactSum(rows.filter((r) => r.cell.startsWith(`${i}:`)).map((r) => r.target));
            return { i, sum, total: v.total, gap: exactSum([sum, -v.total]) };
          })
          .filter((g) => g.gap !== 0)
      : [];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={720}
      destroyOnHidden
      data-testid="split-drawer"
      extra={
        <Space>
          <Button onClick={() => preview.mutate()} loading={preview.isPending} data-testid="split-preview">
            {manual && views ? t('plan.split.rebalanceManual') : t('plan.split.preview')}
          </Button>
          {canWrite && (
            <Button
              type="primary"
              disabled={!views}
              loading={save.isPending}
              onClick={() => save.mutate()}
              data-testid="split-save"
            >
              {t('plan.split.save')}
            </Button>
          )}
        </Space>
      }
    >
      <Form layout="vertical">
        <Space wrap size={16} align="start">
          <Form.Item label={t('plan.split.into')}>
            <Select<SplitGrain>
              data-testid="split-into"
              value={recipe.into}
              style={{ width: 140 }}
              onChange={(into) => set({ into })}
              options={SPLIT_GRAINS.map((g) => ({ value: g, label: t(`plan.grains.${g}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('plan.split.by')} {...byFailure.item}>
            <Select<SplitDimension | 'none'>
              data-testid="split-by"
              value={recipe.by ?? 'none'}
              style={{ width: 160 }}
              onChange={(by) => set({ by: by === 'none' ? null : by })}
              options={[
                { value: 'none', label: t('plan.split.byNone') },
                ...SPLIT_DIMENSIONS.map((d) => ({ value: d, label: t(dimensionKey(d)) })),
              ]}
            />
          </Form.Item>
          <Form.Item label={t('plan.split.method')}>
            <Select<MethodChoice>
              data-testid="split-method"
              value={recipe.method}
              style={{ width: 200 }}
              onChange={(method) => set({ method })}
              options={METHOD_CHOICES.map((m) => ({ value: m, label: t(`plan.methods.${m}`) }))}
            />
          </Form.Item>
          {recipe.method === 'ramp' && (
            <Form.Item label={t('plan.split.rampPct')}>
              <InputNumber<number>
                data-testid="split-ramp"
                value={recipe.rampPct}
                min={-99}
                max={1000}
                step={1}
                suffix="%"
                onChange={(v) => set({ rampPct: v ?? 0 })}
              />
            </Form.Item>
          )}
        </Space>
      </Form>
      <Typography.Paragraph type="secondary" data-testid="split-method-help">
        {t(methodHelpKey(recipe.method, metricAdditive))}
      </Typography.Paragraph>
      {many && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('plan.split.each', { n: targets.length })}
        />
      )}
      {replacing > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('plan.split.replaces', { n: replacing })}
        />
      )}
      {notes.map((n) => (
        <Alert key={n.code} type="info" style={{ marginBottom: 8 }} title={lang === 'en' ? n.en : n.zhTW} />
      ))}
      {gaps.map((g) => (
        <Alert
          key={g.i}
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="split-manual-mismatch"
          title={t('plan.split.manualMismatch', {
            name: targets[g.i] ? nodeLabel(targets[g.i] as PlanNode, lang) : '',
            sum: formatValue(g.sum, unit, currency, lang, 'exact'),
            total: formatValue(g.total, unit, currency, lang, 'exact'),
            gap: formatValue(g.gap, unit, currency, lang, 'exact'),
          })}
        />
      ))}
      {views && (
        <div data-testid="split-preview-result">
          <PlanChart curve={mergeCurves(views)} unit={unit} currency={currency} lang={lang} />
          <Table<PreviewRow>
            size="small"
            rowKey="key"
            dataSource={rows}
            pagination={rows.length > 60 ? { pageSize: 60 } : false}
            columns={[
              ...(many
                ? [{ title: t('plan.split.parent'), dataIndex: 'parent' as const, key: 'parent' }]
                : []),
              { title: t('plan.grid.period'), dataIndex: 'period', key: 'period' },
              ...(recipe.by
                ? [
                    {
                      title: t(dimensionKey(recipe.by)),
                      key: 'member',
                      render: (_: unknown, r: PreviewRow) => r.member,
                    },
                  ]
                : []),
              {
                title: t('plan.split.target'),
                key: 'target',
                align: 'right' as const,
                render: (_: unknown, r: PreviewRow) =>
                  manual ? (
                    <ManualCell
                      value={r.target}
                      locked={edits.get(r.cell)?.locked ?? false}
                      unit={unit}
                      currency={currency}
                      onChange={(e) => setEdits((m) => new Map(m).set(r.cell, e))}
                    />
                  ) : (
                    formatValue(r.target, unit, currency, lang)
                  ),
              },
              ...(additive
                ? [
                    {
                      title: t('plan.split.share'),
                      key: 'share',
                      align: 'right' as const,
                      render: (_: unknown, r: PreviewRow) => formatShare(r.share, lang),
                    },
                  ]
                : []),
              {
                title: t('plan.chart.lastYear'),
                key: 'ly',
                align: 'right' as const,
                render: (_: unknown, r: PreviewRow) => (
                  <LastYearCell
                    value={formatValue(r.lastYear, unit, currency, lang)}
                    estimated={r.lastYearEstimated}
                  />
                ),
              },
            ]}
            summary={() =>
              additive ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={(many ? 2 : 1) + (recipe.by ? 1 : 0)}>
                    {t('plan.grid.total')}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    <span data-testid="split-preview-total">
                      {formatValue(exactSum(rows.map((r) => r.target)), unit, currency, lang)}
                    </span>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} colSpan={2} />
                </Table.Summary.Row>
              ) : (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={5}>
                    {t(countsOverPeriod(metric) ? 'plan.split.countNote' : 'plan.split.ratioNote')}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )
            }
          />
        </div>
      )}
    </Drawer>
  );
}
