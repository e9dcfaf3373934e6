import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.ts';
import { changeOf, formatChange, type KpiUnit } from './kpi-view.ts';

/**
 * The change against last year, in the measure of the unit (percentage points for rates, points
 * for scores, percent otherwise), green when better. `lowerIsBetter` flips the colours (CAC, churn).
 */
export function ChangeText({
  unit,
  current,
  previous,
  lowerIsBetter = false,
}: {
  unit: KpiUnit;
  current: number | null;
  previous: number | null;
  lowerIsBetter?: boolean;
}) {
  const { t } = useTranslation();
  const c = changeOf(unit, current, previous);
  if (c === null) return <>—</>;
  const text = formatChange(c, currentLanguage(), {
    points: (n) => t('kpi.change.points', { n }),
    score: (n) => t('kpi.change.score', { n }),
  });
  if (c.value === 0) return <Typography.Text>{text}</Typography.Text>;
  const good = lowerIsBetter ? c.value < 0 : c.value > 0;
  return <Typography.Text type={good ? 'success' : 'danger'}>{text}</Typography.Text>;
}
