import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KpiResultBody } from '../../../contract/kpi.ts';
import { isLowerBetter } from '../../../core/goals/metric-kinds.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { ChangeText } from './kpi-change.tsx';
import { formatKpi } from './kpi-view.ts';

interface Row {
  period: string;
  label: string;
  partial: boolean;
  value: number | null;
  lastYear: number | null;
}

/** One row per period against last year (partial periods tagged), and the whole range below. */
export function KpiFiguresTable({
  result,
  name,
  loading,
}: {
  result: KpiResultBody | undefined;
  name: string;
  loading: boolean;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const rows: Row[] = (result?.series ?? []).map((p, i) => ({
    period: p.period,
    label: p.label,
    partial: p.partial === true,
    value: p.value,
    lastYear: result?.comparison[i]?.value ?? null,
  }));
  const fmt = (v: number | null) => (result ? formatKpi(v, result.unit, result.currency, lang, true) : '—');
  const change = (value: number | null, lastYear: number | null) =>
    result ? (
      <ChangeText
        unit={result.unit}
        current={value}
        previous={lastYear}
        lowerIsBetter={isLowerBetter(result.metric)}
      />
    ) : (
      '—'
    );
  const total = result?.total[0];
  const totalLastYear = result?.comparisonTotal[0];
  return (
    <Table<Row>
      size="small"
      rowKey="period"
      loading={loading}
      dataSource={rows}
      data-testid="kpi-figures"
      pagination={{ pageSize: 24, hideOnSinglePage: true }}
      scroll={{ x: 520 }}
      columns={[
        {
          title: t('kpi.table.period'),
          dataIndex: 'label',
          render: (label: string, r) => (
            <>
              {label}
              {r.partial && (
                <Tag style={{ marginInlineStart: 8 }} data-testid="kpi-partial-tag">
                  {t('kpi.partial')}
                </Tag>
              )}
            </>
          ),
        },
        { title: name, dataIndex: 'value', align: 'right', render: fmt },
        { title: t('kpi.table.lastYear'), dataIndex: 'lastYear', align: 'right', render: fmt },
        {
          title: t('kpi.table.change'),
          key: 'change',
          align: 'right',
          render: (_: unknown, r) => change(r.value, r.lastYear),
        },
      ]}
      summary={() =>
        result && total && rows.length > 1 ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t(result.aggregation === 'sum' ? 'kpi.table.total' : 'kpi.table.wholeRange')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong data-testid="kpi-figures-total">{fmt(total.value)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              {fmt(totalLastYear?.value ?? null)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              {change(total.value, totalLastYear?.value ?? null)}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}
