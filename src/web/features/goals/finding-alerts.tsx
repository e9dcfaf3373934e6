import { Alert, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dimension } from '../../../core/kpi/types.ts';
import { formatNumber } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import type { KpiUnit } from '../kpi/kpi-view.ts';
import type { sameMetricTargets, TargetPick } from './goal-form.ts';
import { formatTarget } from './goal-format.ts';
import type { Grading } from './goals-api.ts';

type ScopeName = { dimension: Dimension; name: string };

/**
 * Facts the files behind the graded history lacked that the goal's metric depends on (a file
 * without order ids counts every line as an order): the grade and the forecast lean on them.
 */
export function DataCaveatsAlert({ caveats }: { caveats: Grading['caveats'] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (caveats.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="goal-caveats"
      title={t('goals.caveatsTitle')}
      description={
        <Space orientation="vertical" size={2}>
          {caveats.map((c) => (
            <Typography.Text key={c.gap}>
              {t(`kpi.caveat.${c.gap}`, { n: formatNumber(c.lines, lang) })}
            </Typography.Text>
          ))}
        </Space>
      }
    />
  );
}

/**
 * Scope names the company's data does not hold (「產品A」), each with the closest names the data does
 * hold, of any kind (「咖啡豆類別」 is a category): one click maps the scope to it and grades again.
 * Until then Achievable stays unknown (the goal would otherwise be graded on the whole company).
 */
export function UnknownScopeAlert({
  unknown,
  canWrite,
  onChoose,
}: {
  unknown: Grading['unknownScope'];
  canWrite: boolean;
  onChoose: (from: ScopeName, to: ScopeName) => void;
}) {
  const { t } = useTranslation();
  if (unknown.length === 0) return null;
  const dimension = (d: string) => t(`kpi.dimensions.${d}`, { defaultValue: d });
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="unknown-names"
      style={{ marginTop: 8 }}
      title={t('goals.unknownTitle')}
      description={
        <>
          {unknown.map((u) => (
            <div key={`${u.dimension}:${u.name}`} style={{ marginTop: 4 }} data-testid="unknown-name">
              <Typography.Text>
                {t('goals.unknownName', { name: u.name, dimension: dimension(u.dimension) })}
              </Typography.Text>
              {u.suggestions.length > 0 ? (
                <div style={{ marginTop: 4 }}>
                  <Typography.Text type="secondary">{t('goals.unknownClosest')}</Typography.Text>
                  <Space wrap size={4} style={{ marginInlineStart: 4 }}>
                    {u.suggestions.map((s) => (
                      <Button
                        key={`${s.dimension}:${s.name}`}
                        size="small"
                        data-testid="scope-suggestion"
                        disabled={!canWrite}
                        onClick={() => onChoose(u, s)}
                      >
                        {t('goals.unknownUse', { name: s.name, dimension: dimension(s.dimension) })}
                      </Button>
                    ))}
                  </Space>
                </div>
              ) : (
                <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0' }}>
                  {t('goals.unknownNoneClose')}
                </Typography.Paragraph>
              )}
            </div>
          ))}
          <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
            {t('goals.unknownAchievable')}
          </Typography.Paragraph>
        </>
      }
    />
  );
}

/**
 * Two targets on the goal's metric that ask for different things (「提升15%」 and 「每日1500元」 for a
 * shop selling about NT$40,000 a day): which one is meant? The one chosen becomes the main target.
 */
export function TargetsDisagreeAlert({
  grading,
  candidates,
  unit,
  currency,
  canWrite,
  onKeep,
}: {
  grading: Grading;
  candidates: ReturnType<typeof sameMetricTargets>;
  unit: KpiUnit;
  currency: string;
  canWrite: boolean;
  onKeep: (pick: TargetPick) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const finding = grading.findings.find((f) => f.code === 'TARGETS_DISAGREE');
  if (!finding || candidates.length < 2) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="targets-disagree"
      style={{ marginTop: 8 }}
      title={t('goals.disagreeTitle')}
      description={
        <>
          <Typography.Paragraph style={{ margin: 0 }}>{finding.message}</Typography.Paragraph>
          {canWrite && (
            <Space wrap size={6} style={{ marginTop: 6 }}>
              {candidates.map((c) => (
                <Button
                  key={String(c.pick)}
                  size="small"
                  data-testid="keep-target"
                  onClick={() => onKeep(c.pick)}
                >
                  {t('goals.disagreeKeep', { target: formatTarget(c.target, unit, currency, lang, t) })}
                </Button>
              ))}
            </Space>
          )}
        </>
      }
    />
  );
}
