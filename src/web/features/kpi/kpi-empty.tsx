import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { KpiResultBody } from '../../../contract/kpi.ts';
import type { KpiMetric } from '../../../core/kpi/types.ts';
import { fillingImport, KPI_SOURCE, undefinedWithData } from './kpi-view.ts';

/**
 * "No data in this period", with the import that would fill this KPI and a link to it; or, where the
 * data is there but the KPI is undefined (CLV of customers none of whom left), why.
 */
export function KpiEmpty({ metric, series }: { metric: KpiMetric; series: KpiResultBody['series'] }) {
  const { t } = useTranslation();
  const source = KPI_SOURCE[metric];
  const kind = fillingImport(metric);
  if (undefinedWithData(metric, series))
    return (
      <div data-testid="kpi-empty" style={{ padding: '24px 0' }}>
        <Typography.Paragraph strong style={{ marginBottom: 4 }}>
          {t('kpi.noValue')}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" data-testid="kpi-empty-reason">
          {t('kpi.clvNoChurn')}
        </Typography.Paragraph>
      </div>
    );
  return (
    <div data-testid="kpi-empty" style={{ padding: '24px 0' }}>
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>
        {t('kpi.noData')}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t(`kpi.fillWith.${source}`)}</Typography.Paragraph>
      {kind && (
        <Link to={`/imports?kind=${kind}`} data-testid="kpi-empty-import" style={{ fontWeight: 600 }}>
          {t(`kpi.importKind.${kind}`)} →
        </Link>
      )}
    </div>
  );
}
