import { useQuery } from '@tanstack/react-query';
import { Button, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../lib/page-header.tsx';
import { Panel } from '../../lib/panel.tsx';
import { useCurrentCompany } from '../../lib/use-company.ts';
import { goalsApi } from '../goals/goals-api.ts';
import { StagePlanPanel } from './stage-plan-panel.tsx';

/** /plans — open a goal's plan (its phase goals), or create the company-stage phase plan. */
export default function PlansPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { companyId, can } = useCurrentCompany();
  const [goalId, setGoalId] = useState<string | null>(null);
  const goals = useQuery({
    queryKey: ['goals', companyId, 'list', 'active', '', null, 'plans'],
    queryFn: () => goalsApi.list(companyId, 'active', '', null),
  });
  return (
    <>
      <PageHeader title={t('plan.homeTitle')} help={t('plan.homeHelp')} />
      <Panel title={t('plan.pickTitle')} style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select<string>
            data-testid="plan-goal-picker"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('plan.pickGoal')}
            style={{ minWidth: 320, maxWidth: '100%' }}
            value={goalId ?? undefined}
            onChange={setGoalId}
            loading={goals.isPending}
            options={(goals.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
          />
          <Button
            type="primary"
            disabled={!goalId}
            onClick={() => goalId && void navigate(`/plans/${goalId}`)}
          >
            {t('plan.openPlan')}
          </Button>
        </Space>
      </Panel>
      <StagePlanPanel companyId={companyId} canWrite={can('goals.write')} />
    </>
  );
}
