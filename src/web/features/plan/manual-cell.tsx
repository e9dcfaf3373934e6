import { Button, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KpiUnit } from '../kpi/kpi-view.ts';
import { LockIcon } from './plan-grid.tsx';
import { manualInputFormat } from './plan-view.ts';

/** What the user typed in a manual split's preview: target and lock per `viewIndex:cellKey`. */
export type ManualEdits = ReadonlyMap<string, { target: number; locked: boolean }>;

export const manualKey = (viewIndex: number, periodId: string, member: string | null) =>
  `${viewIndex}:${periodId}${member === null ? '' : `|${member}`}`;

/** One editable target of a manual split: typing locks it; the padlock toggles the lock. */
export function ManualCell({
  value,
  locked,
  unit,
  currency,
  onChange,
}: {
  value: number;
  locked: boolean;
  unit: KpiUnit;
  currency: string;
  onChange: (next: { target: number; locked: boolean }) => void;
}) {
  const { t } = useTranslation();
  const format = manualInputFormat(unit, currency);
  return (
    <Space size={4}>
      <InputNumber<number>
        data-testid="manual-target"
        size="small"
        value={value}
        step={format.step}
        precision={format.precision}
        prefix={format.prefix}
        suffix={format.suffix}
        formatter={format.formatter}
        parser={format.parser}
        style={{ width: 160 }}
        onChange={(v) => {
          if (v !== null && Number.isFinite(v)) onChange({ target: v, locked: true });
        }}
      />
      <Button
        size="small"
        type="text"
        data-testid="manual-lock"
        data-locked={locked ? 'true' : 'false'}
        aria-label={locked ? t('plan.grid.unlock') : t('plan.grid.lock')}
        title={locked ? t('plan.grid.unlock') : t('plan.grid.lock')}
        onClick={() => onChange({ target: value, locked: !locked })}
        icon={<LockIcon locked={locked} />}
      />
    </Space>
  );
}
