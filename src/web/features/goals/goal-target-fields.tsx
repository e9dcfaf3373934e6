import { Button, Col, Form, InputNumber, type InputNumberProps, Row, Select, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiMetric } from '../../../core/kpi/types.ts';
import { groupDigits, parseGrouped } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import {
  hasRate,
  impossibleTargetMessage,
  PER_CHOICES,
  type PerChoice,
  TARGET_KINDS,
  type TargetKind,
} from './goal-form.ts';

type MetricOptions = { value: KpiMetric; label: string }[];

/** A number with thousands separators (Form.Item passes value, onChange and id). */
function ValueInput({ label, ...rest }: { label: string } & InputNumberProps<number>) {
  return (
    <InputNumber<number>
      {...rest}
      aria-label={label}
      style={{ width: '100%' }}
      formatter={(v) => groupDigits(v)}
      parser={(s) => parseGrouped(s)}
    />
  );
}

/**
 * "Per" of a target: a rate (每日, 每月…) or the whole period for totals; a level (AOV, retention) has
 * neither and says so (its "per" is dropped when the goal is sent, see toGoalInput).
 */
function PerField({
  name,
  metric,
  style,
}: {
  name: (string | number)[];
  metric: KpiMetric | undefined;
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  if (!hasRate(metric))
    return (
      <Form.Item label={t('goals.form.per')} style={style}>
        <Select
          disabled
          value="level"
          data-testid="target-level"
          options={[{ value: 'level', label: t('goals.form.levelPer') }]}
        />
      </Form.Item>
    );
  return (
    <Form.Item name={name} label={t('goals.form.per')} style={style}>
      <Select<PerChoice> options={PER_CHOICES.map((p) => ({ value: p, label: t(`goals.per.${p}`) }))} />
    </Form.Item>
  );
}

/** The "per" of one further target, following that target's own metric. */
function ExtraPerField({ index }: { index: number }) {
  const metric = Form.useWatch(['extraTargets', index, 'metric']) as KpiMetric | undefined;
  return <PerField name={[index, 'per']} metric={metric} style={{ marginBottom: 8 }} />;
}

/** The main target (kind, value, per) and the further targets a sentence named (「每月100單」). */
export function GoalTargetFields({
  metric,
  metricOptions,
}: {
  metric: KpiMetric | undefined;
  metricOptions: MetricOptions;
}) {
  const { t } = useTranslation();
  const kindOptions = TARGET_KINDS.map((k) => ({ value: k, label: t(`goals.kinds.${k}`) }));
  return (
    <>
      <Typography.Text strong>{t('goals.form.target')}</Typography.Text>
      <Row gutter={8} style={{ marginTop: 4 }}>
        <Col xs={24} sm={8}>
          <Form.Item name={['target', 'kind']} label={t('goals.form.targetKind')}>
            <Select<TargetKind> options={kindOptions} />
          </Form.Item>
        </Col>
        <Col xs={14} sm={9}>
          <Form.Item
            name={['target', 'value']}
            label={t('goals.form.targetValue')}
            dependencies={[['target', 'kind']]}
            rules={[
              { required: true, message: t('validation.required') },
              ({ getFieldValue }) => ({
                validator: (_rule, value) => {
                  const kind = getFieldValue(['target', 'kind']) as TargetKind | undefined;
                  const why = impossibleTargetMessage(metric, kind, value, currentLanguage());
                  return why ? Promise.reject(new Error(why)) : Promise.resolve();
                },
              }),
            ]}
          >
            <ValueInput label={t('goals.form.targetValue')} />
          </Form.Item>
        </Col>
        <Col xs={10} sm={7}>
          <PerField name={['target', 'per']} metric={metric} />
        </Col>
      </Row>
      <Form.List name="extraTargets">
        {(fields, { add, remove }) => (
          <div style={{ marginBottom: 16 }}>
            <Typography.Text strong>{t('goals.form.extraTargets')}</Typography.Text>
            {fields.map((field) => (
              <Row
                key={field.key}
                gutter={8}
                align="bottom"
                style={{ marginTop: 4 }}
                data-testid="extra-target"
              >
                <Col xs={24} sm={6}>
                  <Form.Item
                    name={[field.name, 'metric']}
                    label={t('goals.form.metric')}
                    style={{ marginBottom: 8 }}
                  >
                    <Select<KpiMetric> showSearch={{ optionFilterProp: 'label' }} options={metricOptions} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={6}>
                  <Form.Item
                    name={[field.name, 'kind']}
                    label={t('goals.form.targetKind')}
                    style={{ marginBottom: 8 }}
                  >
                    <Select<TargetKind> options={kindOptions} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={5}>
                  <Form.Item
                    name={[field.name, 'value']}
                    label={t('goals.form.targetValue')}
                    style={{ marginBottom: 8 }}
                  >
                    <ValueInput label={t('goals.form.targetValue')} />
                  </Form.Item>
                </Col>
                <Col xs={18} sm={5}>
                  <ExtraPerField index={field.name} />
                </Col>
                <Col xs={6} sm={2}>
                  <Button
                    danger
                    type="text"
                    aria-label={t('common.remove')}
                    onClick={() => remove(field.name)}
                    style={{ marginBottom: 8 }}
                  >
                    ✕
                  </Button>
                </Col>
              </Row>
            ))}
            <div>
              <Button
                type="dashed"
                size="small"
                style={{ marginTop: 6 }}
                onClick={() =>
                  add({ metric: metric ?? 'revenue', kind: 'absolute', value: null, per: 'total' })
                }
              >
                {t('goals.form.addTarget')}
              </Button>
            </div>
          </div>
        )}
      </Form.List>
    </>
  );
}
