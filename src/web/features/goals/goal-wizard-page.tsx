import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Spin,
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Dimension, KpiMetric } from '../../../core/kpi/types.ts';
import { formatDateTime, groupDigits, parseGrouped } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { errorMessage, isConflict, problemFieldErrors, setFieldErrors } from '../../lib/form-errors.ts';
import { PageHeader, ReadOnlyNotice } from '../../lib/page-header.tsx';
import { PageLoading } from '../../lib/page-loading.tsx';
import { Panel } from '../../lib/panel.tsx';
import { useCurrentCompany } from '../../lib/use-company.ts';
import type { KpiUnit } from '../kpi/kpi-view.ts';
import { AchievabilityCard } from './achievability-card.tsx';
import {
  GOAL_DIMENSIONS,
  type GoalFormValues,
  PER_CHOICES,
  type PerChoice,
  TARGET_KINDS,
  type TargetKind,
  targetFromTotal,
  toFormValues,
  toGoalInput,
  unknownNameList,
} from './goal-form.ts';
import { describeVersionValue, type HistoryContext } from './goal-format.ts';
import { type GoalWithGrading, type Grading, goalKeys, goalsApi, lookupApi } from './goals-api.ts';
import { SmartPanel, SmartTags } from './smart-panel.tsx';

const DEBOUNCE_MS = 500;

/** Member names of one dimension, loaded once the picker is opened (or already holds names). */
function ScopeSelect({
  companyId,
  dimension,
  label,
  value,
  onChange,
}: {
  companyId: string;
  dimension: Dimension;
  label: string;
  value?: string[];
  onChange?: (v: string[]) => void;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const members = useQuery({
    queryKey: ['kpi', companyId, 'dimension', dimension],
    queryFn: () => lookupApi.dimension(companyId, dimension),
    enabled: opened || (value?.length ?? 0) > 0,
    staleTime: 5 * 60_000,
  });
  return (
    <Select<string[]>
      mode="tags"
      aria-label={label}
      placeholder={t('goals.form.scopeAll')}
      value={value ?? []}
      onChange={onChange}
      onOpenChange={(o) => {
        if (o) setOpened(true);
      }}
      loading={members.isFetching}
      maxTagCount="responsive"
      style={{ width: '100%' }}
      options={(members.data?.names ?? []).map((n) => ({ value: n, label: n }))}
    />
  );
}

export default function GoalWizardPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { goalId } = useParams<{ goalId: string }>();
  const editing = goalId !== undefined && goalId !== 'new';
  const { companyId, can } = useCurrentCompany();
  const canWrite = can('goals.write');
  const [form] = Form.useForm<GoalFormValues>();

  const [statement, setStatement] = useState('');
  const [toParse, setToParse] = useState<{ text: string; seq: number } | null>(null);
  const [gradeTick, setGradeTick] = useState(0);
  const [grading, setGrading] = useState<Grading | null>(null);
  const [unknownNames, setUnknownNames] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState<'parse' | 'grade' | null>(null);
  const [liveError, setLiveError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [reasonOpen, setReasonOpen] = useState(false);
  const [reason, setReason] = useState('');
  const seq = useRef(0);
  const filledFor = useRef<string | null>(null);

  const metric = Form.useWatch('metric', form);
  const period = Form.useWatch('period', form);

  const glossary = useQuery({
    queryKey: ['kpi', companyId, 'glossary', lang],
    queryFn: () => lookupApi.glossary(companyId),
    staleTime: 10 * 60_000,
  });
  const members = useQuery({
    queryKey: ['members', companyId],
    queryFn: () => lookupApi.members(companyId),
  });
  const market = useQuery({ queryKey: ['market', companyId], queryFn: () => lookupApi.market(companyId) });
  const profile = useQuery({ queryKey: ['profile', companyId], queryFn: () => lookupApi.profile(companyId) });
  const goal = useQuery({
    queryKey: goalKeys.one(companyId, goalId ?? '', lang),
    queryFn: () => goalsApi.get(companyId, goalId ?? ''),
    enabled: editing,
  });
  const versions = useQuery({
    queryKey: goalKeys.versions(companyId, goalId ?? ''),
    queryFn: () => goalsApi.versions(companyId, goalId ?? ''),
    enabled: editing,
  });

  const fillFromGoal = useCallback(
    (g: GoalWithGrading) => {
      form.resetFields();
      form.setFieldsValue(toFormValues(g, true));
      setStatement(g.statement);
      setGrading(g.grading);
      setUnknownNames({});
    },
    [form],
  );

  // The saved goal fills the form once (a language switch refetches it only for the panel's messages).
  useEffect(() => {
    if (!goal.data) return;
    if (filledFor.current !== `${goal.data.id}:${goal.data.version}`) {
      filledFor.current = `${goal.data.id}:${goal.data.version}`;
      fillFromGoal(goal.data);
    }
  }, [goal.data, fillFromGoal]);

  // Sentence → form: parse the sentence once typing pauses.
  useEffect(() => {
    if (!toParse?.text.trim()) return;
    const handle = window.setTimeout(() => {
      const mine = ++seq.current;
      setBusy('parse');
      goalsApi
        .parse(companyId, toParse.text)
        .then((parsed) => {
          if (mine !== seq.current) return;
          const current = form.getFieldsValue(true) as GoalFormValues;
          const next = toFormValues(parsed.draft, true);
          // What a sentence cannot say (owner, objective, notes) stays as chosen.
          if (!next.ownerUserId) next.ownerUserId = current.ownerUserId ?? null;
          if (!next.objectiveId) next.objectiveId = current.objectiveId ?? null;
          if (!next.notes) next.notes = current.notes ?? '';
          if (!next.metric && current.metric) next.metric = current.metric;
          form.setFieldsValue(next);
          setGrading(parsed.grading);
          setUnknownNames(parsed.unknownNames);
          setLiveError(null);
          // An owner or objective kept from before changes the grade: grade the merged goal.
          if (next.ownerUserId || next.objectiveId) setGradeTick((n) => n + 1);
        })
        .catch((e: unknown) => {
          if (mine === seq.current) setLiveError(errorMessage(e, t));
        })
        .finally(() => {
          if (mine === seq.current) setBusy(null);
        });
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(handle);
  }, [toParse, companyId, form, t]);

  // Form → SMART panel: grade the goal once editing pauses (and again in another language). The
  // sentence is read when the timer fires: a new sentence is parsed (and graded) on its own.
  // biome-ignore lint/correctness/useExhaustiveDependencies: statement is read, not a trigger
  useEffect(() => {
    if (gradeTick === 0) return;
    const handle = window.setTimeout(() => {
      const input = toGoalInput(form.getFieldsValue(true) as GoalFormValues, statement);
      if (!input) return;
      const mine = ++seq.current;
      setBusy('grade');
      goalsApi
        .grade(companyId, input)
        .then((g) => {
          if (mine === seq.current) {
            setGrading(g);
            setLiveError(null);
          }
        })
        .catch((e: unknown) => {
          if (mine === seq.current) setLiveError(errorMessage(e, t));
        })
        .finally(() => {
          if (mine === seq.current) setBusy(null);
        });
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(handle);
  }, [gradeTick, companyId, form, t]);

  // The panel's messages come from the server in the request's language.
  const lastLang = useRef(lang);
  useEffect(() => {
    if (lastLang.current === lang) return;
    lastLang.current = lang;
    setGradeTick((n) => n + 1);
  }, [lang]);

  const save = useMutation({
    mutationFn: async (withReason: string) => {
      const input = toGoalInput(form.getFieldsValue(true) as GoalFormValues, statement);
      if (!input) throw new Error('incomplete');
      if (editing && goal.data) {
        return goalsApi.update(companyId, goal.data.id, {
          ...input,
          version: goal.data.version,
          reason: withReason,
        });
      }
      return goalsApi.create(companyId, input);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: goalKeys.all(companyId) });
      void message.success(t('goals.saved'));
      setConflict(false);
      setReasonOpen(false);
      setReason('');
      if (editing) {
        queryClient.setQueryData(goalKeys.one(companyId, saved.id, lang), saved);
      } else {
        void navigate('/goals');
      }
    },
    onError: (e) => {
      setReasonOpen(false);
      if (isConflict(e)) {
        setConflict(true);
        return;
      }
      const fields = problemFieldErrors(e, t);
      if (fields.length) setFieldErrors(form, fields);
      void message.error(errorMessage(e, t));
    },
  });

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      void message.error(t('validation.fixErrors'));
      return;
    }
    if (!toGoalInput(form.getFieldsValue(true) as GoalFormValues, statement)) {
      void message.error(t('goals.incomplete'));
      return;
    }
    if (editing) setReasonOpen(true);
    else save.mutate('');
  };

  const reload = async () => {
    filledFor.current = null;
    const fresh = await goal.refetch();
    if (fresh.data) fillFromGoal(fresh.data);
    void versions.refetch();
    setConflict(false);
  };

  if (editing && goal.isPending) return <PageLoading />;
  if (editing && goal.isError) return <Alert type="error" showIcon title={errorMessage(goal.error, t)} />;

  const glossaryEntry = glossary.data?.find((g) => g.metric === metric);
  const unit: KpiUnit = glossaryEntry?.unit ?? 'money';
  const currency = profile.data?.currency ?? 'TWD';
  const dims: readonly Dimension[] = glossaryEntry?.dimensions ?? GOAL_DIMENSIONS;
  const metricOptions = (glossary.data ?? []).map((g) => ({ value: g.metric, label: g.name }));
  const periodYmd =
    period?.[0] && period[1]
      ? { start: period[0].format('YYYY-MM-DD'), end: period[1].format('YYYY-MM-DD') }
      : null;
  const unknown = unknownNameList(unknownNames);
  const applyTotal = (total: number) => {
    if (!periodYmd) return;
    const current = form.getFieldValue('target') as GoalFormValues['target'];
    const additive = unit === 'money' || unit === 'count';
    form.setFieldsValue({
      target: targetFromTotal(total, current, periodYmd.start, periodYmd.end, additive),
    });
    setGradeTick((n) => n + 1);
  };

  const historyCtx: HistoryContext = {
    unitOf: (m) => glossary.data?.find((g) => g.metric === m)?.unit ?? 'money',
    metricName: (m) => glossary.data?.find((g) => g.metric === m)?.name ?? m,
    memberName: (id) => members.data?.find((m) => m.userId === id)?.name,
    objectiveTitle: (id) => market.data?.objectives.find((o) => o.id === id)?.title,
    currency,
    lang,
    t,
  };
  const kindOptions = TARGET_KINDS.map((k) => ({ value: k, label: t(`goals.kinds.${k}`) }));
  const perOptions = PER_CHOICES.map((p) => ({ value: p, label: t(`goals.per.${p}`) }));
  const valueInput = (label: string) => (
    <InputNumber<number>
      aria-label={label}
      style={{ width: '100%' }}
      formatter={(v) => groupDigits(v)}
      parser={(s) => parseGrouped(s)}
    />
  );

  return (
    <>
      <PageHeader
        title={editing ? t('goals.editTitle') : t('goals.newTitle')}
        help={t('goals.wizardHelp')}
        extra={<Button onClick={() => void navigate('/goals')}>{t('goals.backToList')}</Button>}
      />
      {!canWrite && <ReadOnlyNotice text={t('goals.readOnly')} />}
      {editing && goal.data?.status === 'archived' && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('goals.archivedNotice')} />
      )}
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('conflict.title')}
          description={t('conflict.description')}
          action={
            <Button size="small" onClick={() => void reload()}>
              {t('conflict.reload')}
            </Button>
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Panel title={t('goals.sentence')}>
              <Typography.Paragraph type="secondary">{t('goals.sentenceHelp')}</Typography.Paragraph>
              <Input.TextArea
                data-testid="goal-statement"
                aria-label={t('goals.sentence')}
                autoSize={{ minRows: 3, maxRows: 8 }}
                maxLength={2000}
                disabled={!canWrite}
                placeholder={t('goals.sentencePlaceholder')}
                value={statement}
                onChange={(e) => {
                  setStatement(e.target.value);
                  setToParse({ text: e.target.value, seq: Date.now() });
                }}
              />
              <div
                style={{
                  minHeight: 22,
                  marginTop: 6,
                  display: 'flex',
                  gap: 8,
                  flexWrap: 'wrap',
                  alignItems: 'center',
                }}
              >
                {grading && (
                  <span
                    data-testid="goal-summary"
                    style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}
                  >
                    <SmartTags grades={grading.grades} />
                    <Typography.Text strong>
                      {t('goals.scoreShort', { score: grading.score })}
                    </Typography.Text>
                    <Typography.Text type="secondary">
                      {t(`goals.verdicts.${grading.achievability.verdict}`)}
                    </Typography.Text>
                  </span>
                )}
                {busy && (
                  <Typography.Text type="secondary" data-testid="goal-busy">
                    <Spin size="small" style={{ marginInlineEnd: 6 }} />
                    {busy === 'parse' ? t('goals.reading') : t('goals.grading')}
                  </Typography.Text>
                )}
              </div>
              {unknown.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  data-testid="unknown-names"
                  style={{ marginTop: 8 }}
                  title={t('goals.unknownTitle')}
                  description={
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {unknown.map((u) => (
                        <li key={`${u.dimension}:${u.name}`}>
                          {t('goals.unknownName', {
                            name: u.name,
                            dimension: t(`kpi.dimensions.${u.dimension}`, { defaultValue: u.dimension }),
                          })}
                        </li>
                      ))}
                    </ul>
                  }
                />
              )}
              {grading?.rewrite && grading.rewrite.trim() !== statement.trim() && (
                <Alert
                  type="info"
                  style={{ marginTop: 8 }}
                  data-testid="goal-rewrite"
                  title={t('goals.rewriteTitle')}
                  description={grading.rewrite}
                  action={
                    canWrite ? (
                      <Button
                        size="small"
                        onClick={() => {
                          setStatement(grading.rewrite);
                          setToParse({ text: grading.rewrite, seq: Date.now() });
                        }}
                      >
                        {t('goals.useRewrite')}
                      </Button>
                    ) : undefined
                  }
                />
              )}
            </Panel>

            <Panel title={t('goals.formTitle')}>
              <Form<GoalFormValues>
                form={form}
                layout="vertical"
                name="goal"
                requiredMark={false}
                disabled={!canWrite}
                initialValues={toFormValues({}, true)}
                onValuesChange={() => setGradeTick((n) => n + 1)}
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
                      rules={[{ required: true, message: t('validation.required') }]}
                    >
                      {valueInput(t('goals.form.targetValue'))}
                    </Form.Item>
                  </Col>
                  <Col xs={10} sm={7}>
                    <Form.Item name={['target', 'per']} label={t('goals.form.per')}>
                      <Select<PerChoice> options={perOptions} />
                    </Form.Item>
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
                              <Select<KpiMetric>
                                showSearch={{ optionFilterProp: 'label' }}
                                options={metricOptions}
                              />
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
                              {valueInput(t('goals.form.targetValue'))}
                            </Form.Item>
                          </Col>
                          <Col xs={18} sm={5}>
                            <Form.Item
                              name={[field.name, 'per']}
                              label={t('goals.form.per')}
                              style={{ marginBottom: 8 }}
                            >
                              <Select<PerChoice> options={perOptions} />
                            </Form.Item>
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
                <Typography.Text strong>{t('goals.form.scope')}</Typography.Text>
                <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                  {t('goals.form.scopeHelp')}
                </Typography.Paragraph>
                <Row gutter={8}>
                  {dims.map((d) => (
                    <Col xs={24} sm={12} key={d}>
                      <Form.Item
                        name={['scope', d]}
                        label={t(`kpi.dimensions.${d}`)}
                        style={{ marginBottom: 12 }}
                      >
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
                        options={(market.data?.objectives ?? []).map((o) => ({
                          value: o.id,
                          label: o.title,
                        }))}
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
                    <Button
                      type="primary"
                      data-testid="goal-save"
                      loading={save.isPending}
                      onClick={() => void submit()}
                    >
                      {editing ? t('goals.saveChanges') : t('goals.create')}
                    </Button>
                    <Button onClick={() => void navigate('/goals')}>{t('common.cancel')}</Button>
                  </Space>
                )}
              </Form>
            </Panel>

            {editing && (
              <Panel title={t('goals.history')}>
                {versions.isError && <Alert type="error" showIcon title={errorMessage(versions.error, t)} />}
                {versions.data && versions.data.length > 0 ? (
                  <Timeline
                    data-testid="goal-history"
                    items={[...versions.data]
                      .sort((a, b) => b.version - a.version)
                      .map((v) => ({
                        key: v.version,
                        title: t('goals.versionTitle', {
                          version: v.version,
                          at: formatDateTime(v.at, lang),
                        }),
                        content: (
                          <div>
                            <Typography.Text type="secondary">
                              {t('goals.versionBy', { name: v.byName ?? t('goals.someone') })}
                            </Typography.Text>
                            {v.reason && (
                              <Typography.Paragraph style={{ margin: '2px 0' }}>
                                {t('goals.versionReason', { reason: v.reason })}
                              </Typography.Paragraph>
                            )}
                            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                              {Object.entries(v.changes).map(([field, c]) => (
                                <li key={field}>
                                  {t(`goals.fields.${field}`, { defaultValue: field })}:{' '}
                                  {describeVersionValue(field, c.from, historyCtx)} →{' '}
                                  {describeVersionValue(field, c.to, historyCtx)}
                                </li>
                              ))}
                            </ul>
                          </div>
                        ),
                      }))}
                  />
                ) : (
                  <Typography.Text type="secondary">{t('goals.noHistory')}</Typography.Text>
                )}
              </Panel>
            )}
          </Space>
        </Col>

        <Col xs={24} lg={10}>
          <div style={{ position: 'sticky', top: 80 }}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              {liveError && <Alert type="error" showIcon title={liveError} />}
              <Panel title={t('goals.smartTitle')}>
                {grading ? (
                  <SmartPanel grading={grading} />
                ) : (
                  <Typography.Text type="secondary">{t('goals.smartEmpty')}</Typography.Text>
                )}
              </Panel>
              <Panel title={t('goals.achTitle')}>
                {grading ? (
                  <AchievabilityCard
                    ach={grading.achievability}
                    unit={unit}
                    currency={currency}
                    lang={lang}
                    period={periodYmd}
                    onUseTarget={canWrite ? applyTotal : undefined}
                  />
                ) : (
                  <Typography.Text type="secondary">{t('goals.achEmpty')}</Typography.Text>
                )}
              </Panel>
            </Space>
          </div>
        </Col>
      </Row>

      <Modal
        open={reasonOpen}
        title={t('goals.reasonTitle')}
        okText={t('goals.saveChanges')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: save.isPending }}
        onCancel={() => setReasonOpen(false)}
        onOk={() => save.mutate(reason)}
      >
        <Typography.Paragraph type="secondary">{t('goals.reasonHelp')}</Typography.Paragraph>
        <Input.TextArea
          aria-label={t('goals.reasonTitle')}
          autoSize={{ minRows: 2, maxRows: 5 }}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}
