import { useMutation } from '@tanstack/react-query';
import { Alert, App, Descriptions, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../contract/common.ts';
import { isLowerBetter } from '../../../core/goals/metric-kinds.ts';
import type { KpiMetric } from '../../../core/kpi/types.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import type { KpiUnit } from '../kpi/kpi-view.ts';
import { type PlanNode, planApi, type ReplanView } from './plan-api.ts';
import { formatValue, noDataText, PERIOD_STATE_KEY, periodLabel, replanGap } from './plan-view.ts';

type Mode = 'spread' | 'keep';

/**
 * Re-planning after periods closed short or long: spread the difference over the open periods, or
 * keep them and show the run rate now needed. A preview first; the choice is recorded with its
 * reason in the goal's history. Each period says whether it is closed (its actual final), closed with
 * no data (a level without a value: no orders, no AOV; neither short nor ahead), in progress (its
 * actual so far, marked partial) or not started.
 */
export function ReplanModal({
  open,
  companyId,
  node,
  unit,
  currency,
  lang,
  onClose,
  onSaved,
}: {
  open: boolean;
  companyId: string;
  node: PlanNode;
  unit: KpiUnit;
  currency: string;
  lang: Locale;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [mode, setMode] = useState<Mode>('spread');
  const [reason, setReason] = useState('');
  const [view, setView] = useState<ReplanView | null>(null);
  const money = (v: number | null) => formatValue(v, unit, currency, lang);

  const preview = useMutation({
    mutationFn: (m: Mode) =>
      planApi.replan(companyId, node.id, { mode: m, reason: reason.trim() || '—', dryRun: true }),
    onSuccess: setView,
    onError: (e) => void message.error(errorMessage(e, t)),
  });
  const record = useMutation({
    mutationFn: () => planApi.replan(companyId, node.id, { mode, reason: reason.trim() }),
    onSuccess: () => {
      void message.success(t('plan.replan.saved'));
      setView(null);
      setReason('');
      onSaved();
    },
    onError: (e) => void message.error(errorMessage(e, t)),
  });
  const choose = (m: Mode) => {
    setMode(m);
    preview.mutate(m);
  };
  const ratio = view ? !view.additive : false;
  const gap = view
    ? replanGap(view.difference, view.additive, isLowerBetter(node.metric as KpiMetric))
    : null;
  // Only closed periods with an actual are short or ahead; without one there is no gap to speak of.
  const anyClosed = view ? view.children.some((c) => c.state === 'closed') : false;
  const level = (v: number | null) => formatValue(v, unit, currency, lang);

  return (
    <Modal
      open={open}
      title={t('plan.replan.title')}
      onCancel={onClose}
      okText={t('plan.replan.record')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !view || reason.trim() === '', id: 'replan-record' }}
      confirmLoading={record.isPending}
      onOk={() => record.mutate()}
      afterOpenChange={(o) => {
        if (o && !view) preview.mutate(mode);
      }}
      width={720}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('plan.replan.help')}</Typography.Paragraph>
      {ratio && view && (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          data-testid="replan-weighting"
          title={t(view.weighting === 'last-year' ? 'plan.replan.ratioWeighted' : 'plan.replan.ratioByDays')}
        />
      )}
      <Radio.Group value={mode} onChange={(e) => choose(e.target.value as Mode)} style={{ marginBottom: 12 }}>
        <Space orientation="vertical">
          <Radio value="spread" data-testid="replan-spread">
            {t('plan.replan.spread')}
          </Radio>
          <Radio value="keep" data-testid="replan-keep">
            {t('plan.replan.keep')}
          </Radio>
        </Space>
      </Radio.Group>
      {view && gap && (
        <div data-testid="replan-preview">
          <Alert
            type={anyClosed ? gap.tone : 'info'}
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="replan-gap"
            title={anyClosed ? t(gap.key, { amount: money(gap.amount) }) : t('plan.replan.noClosedData')}
          />
          {ratio ? (
            <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t('plan.replan.targetLevel')}>{level(view.total)}</Descriptions.Item>
              <Descriptions.Item label={t('plan.replan.levelSoFar')}>
                {level(view.currentLevel)}
              </Descriptions.Item>
              <Descriptions.Item label={t('plan.replan.levelNeeded')}>
                <span data-testid="replan-level-needed">{level(view.requiredLevel)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('plan.replan.impliedAfter')}>
                {level(view.impliedAfter)}
              </Descriptions.Item>
            </Descriptions>
          ) : (
            <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t('plan.replan.total')}>{money(view.total)}</Descriptions.Item>
              <Descriptions.Item label={t('plan.replan.actualToDate')}>
                {money(view.actualToDate)}
              </Descriptions.Item>
              <Descriptions.Item label={t('plan.replan.required')}>
                {view.requiredRunRate === null
                  ? '—'
                  : t('plan.replan.perDay', { value: money(view.requiredRunRate) })}
              </Descriptions.Item>
              <Descriptions.Item label={t('plan.replan.current')}>
                {view.currentRunRate === null
                  ? '—'
                  : t('plan.replan.perDay', { value: money(view.currentRunRate) })}
              </Descriptions.Item>
              <Descriptions.Item label={t('plan.replan.remainingDays')}>
                {view.remainingDays}
              </Descriptions.Item>
            </Descriptions>
          )}
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={view.children}
            columns={[
              {
                title: t('plan.grid.period'),
                key: 'p',
                render: (_: unknown, c) => periodLabel(c.periodId, lang),
              },
              {
                title: t('plan.replan.status'),
                key: 's',
                render: (_: unknown, c) => (
                  <span data-testid="replan-state" data-state={c.state}>
                    {t(PERIOD_STATE_KEY[c.state])}
                    {c.locked && <Tag style={{ marginInlineStart: 8 }}>{t('plan.replan.locked')}</Tag>}
                    {c.state === 'closed-no-data' && (
                      <Typography.Text
                        type="secondary"
                        style={{ display: 'block', fontSize: 12 }}
                        data-testid="replan-no-data"
                      >
                        {noDataText(node.metric, lang)}
                      </Typography.Text>
                    )}
                  </span>
                ),
              },
              {
                title: t('plan.grid.actual'),
                key: 'a',
                align: 'right',
                render: (_: unknown, c) => (
                  <span data-testid="replan-actual">
                    {money(c.actual)}
                    {c.actual !== null && c.state === 'in-progress' && (
                      <Tag style={{ marginInlineStart: 8, marginInlineEnd: 0 }} data-testid="replan-partial">
                        {t('kpi.partial')}
                      </Tag>
                    )}
                  </span>
                ),
              },
              {
                title: t('plan.replan.before'),
                key: 'b',
                align: 'right',
                render: (_: unknown, c) => money(c.target),
              },
              {
                title: t('plan.replan.after'),
                key: 'n',
                align: 'right',
                render: (_: unknown, c) => (
                  <span style={{ fontWeight: c.newTarget !== c.target ? 600 : undefined }}>
                    {money(c.newTarget)}
                  </span>
                ),
              },
            ]}
          />
        </div>
      )}
      <Input.TextArea
        data-testid="replan-reason"
        style={{ marginTop: 12 }}
        value={reason}
        maxLength={500}
        rows={2}
        placeholder={t('plan.replan.reasonPlaceholder')}
        aria-label={t('plan.replan.reason')}
        onChange={(e) => setReason(e.target.value)}
      />
    </Modal>
  );
}
