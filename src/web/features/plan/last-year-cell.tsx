import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Last year's figure of a split preview's cell: the actual, or (the data covering only part of that
 * period last year) an estimate, marked and explained, never shown as an actual.
 */
export function LastYearCell({ value, estimated }: { value: string; estimated: boolean }) {
  const { t } = useTranslation();
  if (!estimated) return <>{value}</>;
  return (
    <Tooltip title={t('plan.split.lastYearEstimate')}>
      <span data-testid="split-ly-estimate">
        ≈ {value} <Typography.Text type="secondary">{t('plan.split.estimate')}</Typography.Text>
      </span>
    </Tooltip>
  );
}
