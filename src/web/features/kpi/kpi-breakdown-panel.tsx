import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KpiResultBody } from '../../../contract/kpi.ts';
import { isLowerBetter } from '../../../core/goals/metric-kinds.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { Panel } from '../../lib/panel.tsx';
import { ChangeText } from './kpi-change.tsx';
import { rankedKeys } from './kpi-chart-options.ts';
import { BreakdownChart } from './kpi-charts.tsx';
import { formatKpi } from './kpi-view.ts';
import type { Dimension } from './use-kpi-data.ts';

interface Row {
  key: string;
  value: number | null;
  lastYear: number | null;
}

/**
 * The KPI by member: the chart (stacked only when the values add up) and a table of each member
 * over the whole range, computed by the server from the member's own numerator and denominator.
 */
export function KpiBreakdownPanel({
  by,
  breakdown,
  withoutCustomers = [],
}: {
  by: Dimension;
  breakdown: UseQueryResult<KpiResultBody>;
  /** Members with no identified customer in the range (a customer KPI has no value for them). */
  withoutCustomers?: readonly string[];
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const b = breakdown.data;
  const lastYear = new Map((b?.comparisonTotal ?? []).map((p) => [p.key ?? '', p.value]));
  const byKey = new Map((b?.total ?? []).map((p) => [p.key ?? '', p.value]));
  const rows: Row[] = b
    ? rankedKeys(b).map((k) => ({ key: k, value: byKey.get(k) ?? null, lastYear: lastYear.get(k) ?? null }))
    : [];
  const fmt = (v: number | null) => (b ? formatKpi(v, b.unit, b.currency, lang, true) : '—');
  const memberName = (k: string) => (k === '' ? t('kpi.noneRecorded') : k);
  return (
    <Panel title={t('kpi.breakdownTitle', { by: t(`kpi.dimensions.${by}`) })} style={{ marginBottom: 16 }}>
      {breakdown.isError && <Alert type="error" showIcon title={errorMessage(breakdown.error, t)} />}
      <Spin spinning={breakdown.isFetching}>
        {b ? (
          <BreakdownChart
            result={b}
            lang={lang}
            labels={{ none: t('kpi.noneRecorded'), others: t('kpi.others'), partial: t('kpi.partial') }}
          />
        ) : (
          <div style={{ height: 360 }} />
        )}
      </Spin>
      <Table<Row>
        size="small"
        rowKey="key"
        data-testid="kpi-breakdown-table"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={rows}
        columns={[
          { title: t(`kpi.dimensions.${by}`), dataIndex: 'key', render: memberName },
          {
            title: t(b?.aggregation === 'sum' ? 'kpi.table.total' : 'kpi.table.wholeRange'),
            dataIndex: 'value',
            align: 'right',
            render: fmt,
          },
          { title: t('kpi.table.lastYear'), dataIndex: 'lastYear', align: 'right', render: fmt },
          {
            title: t('kpi.table.change'),
            key: 'change',
            align: 'right',
            render: (_: unknown, r) =>
              b ? (
                <ChangeText
                  unit={b.unit}
                  current={r.value}
                  previous={r.lastYear}
                  lowerIsBetter={isLowerBetter(b.metric)}
                />
              ) : (
                '—'
              ),
          },
        ]}
      />
      {withoutCustomers.length > 0 && (
        <Typography.Paragraph
          type="secondary"
          style={{ marginTop: 8, marginBottom: 0 }}
          data-testid="kpi-without-customers"
        >
          {t('kpi.withoutCustomers', {
            by: t(`kpi.dimensions.${by}`),
            names: withoutCustomers.join(lang === 'zh-TW' ? '、' : ', '),
          })}
        </Typography.Paragraph>
      )}
    </Panel>
  );
}
