import {
  Button,
  Col,
  DatePicker,
  Form,
  type FormInstance,
  Input,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dimension, KpiMetric } from '../../../core/kpi/types.ts';
import { Panel } from '../../lib/panel.tsx';
import { GOAL_DIMENSIONS, type GoalFormValues, toFormValues } from './goal-form.ts';
import { GoalTargetFields } from './goal-target-fields.tsx';
import { ScopeSelect } from './scope-select.tsx';
import type { GoalLookups } from './use-goal-lookups.ts';

/** The goal as a form: metric, period, targets, scope, owner, objective, strategies and notes. */
export function GoalFormPanel({
  form,
  companyId,
  lookups,
  canWrite,
  editing,
  saving,
  onChange,
  onSubmit,
  onCancel,
}: {
  form: FormInstance<GoalFormValues>;
  companyId: string;
  lookups: GoalLookups;
  canWrite: boolean;
  editing: boolean;
  saving: boolean;
  onChange: () => void;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const metric = Form.useWatch('metric', form);
  const { glossary, members, market, metricOptions } = lookups;
  const dims: readonly Dimension[] = lookups.entryOf(metric)?.dimensions ?? GOAL_DIMENSIONS;
  return (
    <Panel title={t('goals.formTitle')}>
      <Form<GoalFormValues>
        form={form}
        layout="vertical"
        name="goal"
        requiredMark={false}
        disabled={!canWrite}
        initialValues={toFormValues({}, true)}
        onValuesChange={onChange}
      >
        <Form.Item
          name="name"
          label={t('goals.form.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={8}>
          <Col xs={24} md={10}>
            <Form.Item
              name="metric"
              label={t('goals.form.metric')}
              rules={[{ required: true, message: t('validation.choose') }]}
            >
              <Select<KpiMetric>
                data-testid="goal-metric"
                showSearch={{ optionFilterProp: 'label' }}
                loading={glossary.isPending}
                options={metricOptions}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item
              name="period"
              label={t('goals.form.period')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <DatePicker.RangePicker
                data-testid="goal-period"
                style={{ width: '100%' }}
                allowClear={false}
              />
            </Form.Item>
          </Col>
        </Row>
        <GoalTargetFields metric={metric} metricOptions={metricOptions} />
        <Typography.Text strong>{t('goals.form.scope')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          {t('goals.form.scopeHelp')}
        </Typography.Paragraph>
        <Row gutter={8}>
          {dims.map((d) => (
            <Col xs={24} sm={12} key={d}>
              <Form.Item name={['scope', d]} label={t(`kpi.dimensions.${d}`)} style={{ marginBottom: 12 }}>
                <ScopeSelect companyId={companyId} dimension={d} label={t(`kpi.dimensions.${d}`)} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Row gutter={8}>
          <Col xs={24} md={12}>
            <Form.Item name="ownerUserId" label={t('goals.form.owner')}>
              <Select<string>
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={members.isPending}
                options={(members.data ?? []).map((m) => ({ value: m.userId, label: m.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="objectiveId" label={t('goals.form.objective')}>
              <Select<string>
                allowClear
                loading={market.isPending}
                notFoundContent={t('goals.form.noObjectives')}
                options={(market.data?.objectives ?? []).map((o) => ({ value: o.id, label: o.title }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="strategies"
          label={t('goals.form.strategies')}
          extra={t('goals.form.strategiesHelp')}
        >
          <Select<string[]>
            mode="tags"
            open={false}
            suffixIcon={null}
            aria-label={t('goals.form.strategies')}
          />
        </Form.Item>
        <Form.Item name="notes" label={t('goals.form.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
        {canWrite && (
          <Space wrap>
            <Button type="primary" data-testid="goal-save" loading={saving} onClick={onSubmit}>
              {editing ? t('goals.saveChanges') : t('goals.create')}
            </Button>
            <Button onClick={onCancel}>{t('common.cancel')}</Button>
          </Space>
        )}
      </Form>
    </Panel>
  );
}
