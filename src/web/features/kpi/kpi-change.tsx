import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.ts';
import { changeDirection, changeOf, formatChange, type KpiUnit } from './kpi-view.ts';

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
  // A change that rounds to nothing as shown (−0.0 pt) is no change: not coloured as better or worse.
  const direction = changeDirection(c);
  if (direction === 0) return <Typography.Text>{text}</Typography.Text>;
  const good = lowerIsBetter ? direction < 0 : direction > 0;
  return <Typography.Text type={good ? 'success' : 'danger'}>{text}</Typography.Text>;
}
