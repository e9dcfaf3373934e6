import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Form, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { currentLanguage } from '../../i18n/index.ts';
import { errorMessage, problemFieldErrors, setFieldErrors } from '../../lib/form-errors.ts';
import { PageHeader, ReadOnlyNotice } from '../../lib/page-header.tsx';
import { PageLoading } from '../../lib/page-loading.tsx';
import { Panel } from '../../lib/panel.tsx';
import { useCurrentCompany } from '../../lib/use-company.ts';
import { useVersionedForm } from '../../lib/versioned-form/use-versioned-form.ts';
import { VersionConflictAlert } from '../../lib/versioned-form/version-conflict-alert.tsx';
import { DataFreshnessBanner } from '../../shell/data-freshness-banner.tsx';
import { AchievabilityCard } from './achievability-card.tsx';
import { DataCaveatsAlert, TargetsDisagreeAlert, UnknownScopeAlert } from './finding-alerts.tsx';
import {
  type GoalFormValues,
  keepTarget,
  mapScopeName,
  sameMetricTargets,
  targetFromRecommended,
  toFormValues,
  toGoalInput,
} from './goal-form.ts';
import { GoalFormPanel } from './goal-form-panel.tsx';
import { GoalHistory } from './goal-history.tsx';
import { type GoalInput, type GoalWithGrading, goalKeys, goalsApi } from './goals-api.ts';
import { ReasonModal } from './reason-modal.tsx';
import { SmartPanel } from './smart-panel.tsx';
import { StatementPanel } from './statement-panel.tsx';
import { useGoalLookups } from './use-goal-lookups.ts';
import { useGoalReader } from './use-goal-reader.ts';

/** /goals/new and /goals/:goalId: the sentence, the form, the live SMART panel and achievability. */
export default function GoalWizardPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { goalId = 'new' } = useParams<{ goalId: string }>();
  const editing = goalId !== 'new';
  const { companyId, can } = useCurrentCompany();
  const canWrite = can('goals.write');
  const [form] = Form.useForm<GoalFormValues>();
  const [reasonOpen, setReasonOpen] = useState(false);
  const lookups = useGoalLookups(companyId, lang, t);
  const reader = useGoalReader(form, companyId);
  const period = Form.useWatch('period', form);
  const metric = Form.useWatch('metric', form);
  const target = Form.useWatch('target', form);
  const extraTargets = Form.useWatch('extraTargets', form);

  const versions = useQuery({
    queryKey: goalKeys.versions(companyId, goalId),
    queryFn: () => goalsApi.versions(companyId, goalId),
    enabled: editing,
  });
  const versioned = useVersionedForm<GoalWithGrading, GoalFormValues, GoalInput & { reason: string }>({
    form,
    queryKey: goalKeys.one(companyId, goalId, lang),
    load: () => goalsApi.get(companyId, goalId),
    enabled: editing,
    idOf: (g) => g.id,
    toValues: (g) => toFormValues(g, true),
    send: ({ reason, ...input }, version) =>
      version === null
        ? goalsApi.create(companyId, input)
        : goalsApi.update(companyId, goalId, { ...input, version, reason }),
    onFilled: (g, how) => {
      reader.showSaved(g);
      if (how === 'reloaded') void versions.refetch();
    },
    onSaved: () => {
      setReasonOpen(false);
      void queryClient.invalidateQueries({ queryKey: goalKeys.all(companyId) });
      void message.success(t('goals.saved'));
      if (!editing) void navigate('/goals');
    },
    onConflict: () => setReasonOpen(false),
    onError: (e) => {
      setReasonOpen(false);
      const fields = problemFieldErrors(e, t);
      if (fields.length) setFieldErrors(form, fields);
      void message.error(errorMessage(e, t));
    },
  });
  const goal = versioned.query;

  const currentInput = () => toGoalInput(form.getFieldsValue(true) as GoalFormValues, reader.statement);
  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      void message.error(t('validation.fixErrors'));
      return;
    }
    const input = currentInput();
    if (!input) {
      void message.error(t('goals.incomplete'));
      return;
    }
    if (editing) setReasonOpen(true);
    else versioned.save({ ...input, reason: '' });
  };
  const saveWithReason = (reason: string) => {
    const input = currentInput();
    if (input) versioned.save({ ...input, reason });
  };

  if (editing && goal.isPending) return <PageLoading />;
  if (editing && goal.isError) return <Alert type="error" showIcon title={errorMessage(goal.error, t)} />;

  const unit = lookups.unitOf(metric);
  const periodYmd =
    period?.[0] && period[1]
      ? { start: period[0].format('YYYY-MM-DD'), end: period[1].format('YYYY-MM-DD') }
      : null;
  const takeRecommended = (recommended: number) => {
    if (!periodYmd || !metric) return;
    const current = form.getFieldValue('target') as GoalFormValues['target'];
    form.setFieldsValue({
      target: targetFromRecommended(recommended, metric, current, periodYmd.start, periodYmd.end),
    });
    reader.regrade();
  };
  const grading = reader.grading;
  const mapScope: Parameters<typeof UnknownScopeAlert>[0]['onChoose'] = (from, to) => {
    form.setFieldsValue({ scope: mapScopeName(form.getFieldValue('scope'), from, to) });
    reader.regrade();
  };
  const keep = (pick: Parameters<typeof keepTarget>[1]) => {
    form.setFieldsValue(keepTarget(form.getFieldsValue(true) as GoalFormValues, pick));
    reader.regrade();
  };

  return (
    <>
      <PageHeader
        title={editing ? t('goals.editTitle') : t('goals.newTitle')}
        help={t('goals.wizardHelp')}
        extra={
          <Space>
            {editing && (
              <Button data-testid="goal-plan-link" onClick={() => void navigate(`/plans/${goalId}`)}>
                {t('plan.fromGoal')}
              </Button>
            )}
            <Button onClick={() => void navigate('/goals')}>{t('goals.backToList')}</Button>
          </Space>
        }
      />
      {!canWrite && <ReadOnlyNotice text={t('goals.readOnly')} />}
      {editing && goal.data?.status === 'archived' && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('goals.archivedNotice')} />
      )}
      <DataFreshnessBanner freshness={grading?.freshness} canImport={can('data.import')} />
      <VersionConflictAlert
        conflict={versioned.conflict}
        fieldLabel={(f) => t(`goals.fields.${f}`, { defaultValue: f })}
        onReload={() => void versioned.reload()}
        onOverwrite={versioned.overwrite}
        saving={versioned.saving}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <StatementPanel reader={reader} canWrite={canWrite}>
              {grading && (
                <>
                  <UnknownScopeAlert unknown={grading.unknownScope} canWrite={canWrite} onChoose={mapScope} />
                  <DataCaveatsAlert caveats={grading.caveats} />
                  <TargetsDisagreeAlert
                    grading={grading}
                    candidates={sameMetricTargets({ metric, target, extraTargets })}
                    unit={unit}
                    currency={lookups.currency}
                    canWrite={canWrite}
                    onKeep={keep}
                  />
                </>
              )}
            </StatementPanel>
            <GoalFormPanel
              form={form}
              companyId={companyId}
              lookups={lookups}
              canWrite={canWrite}
              editing={editing}
              saving={versioned.saving}
              onChange={reader.regrade}
              onSubmit={() => void submit()}
              onCancel={() => void navigate('/goals')}
            />
            {editing && (
              <GoalHistory versions={versions} context={lookups.historyContext} metric={goal.data?.metric} />
            )}
          </Space>
        </Col>

        <Col xs={24} lg={10}>
          <div style={{ position: 'sticky', top: 80 }}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              {reader.liveError && <Alert type="error" showIcon title={reader.liveError} />}
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
                    currency={lookups.currency}
                    lang={lang}
                    period={periodYmd}
                    onUseTarget={canWrite ? takeRecommended : undefined}
                  />
                ) : (
                  <Typography.Text type="secondary">{t('goals.achEmpty')}</Typography.Text>
                )}
              </Panel>
            </Space>
          </div>
        </Col>
      </Row>

      <ReasonModal
        open={reasonOpen}
        saving={versioned.saving}
        onCancel={() => setReasonOpen(false)}
        onSave={saveWithReason}
      />
    </>
  );
}
