import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Space, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type MarketAnalysis,
  type SaveMarketAnalysisBody,
  saveMarketAnalysisBodySchema,
} from '../../../contract/market.ts';
import type { Profile } from '../../../contract/profile.ts';
import { api, companyPath } from '../../api/client.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import {
  clearErrorsOnEdit,
  errorMessage,
  type FieldPath,
  problemFieldErrors,
  setFieldErrors,
  zodFieldErrors,
} from '../../lib/form-errors.ts';
import { PageHeader, ReadOnlyNotice } from '../../lib/page-header.tsx';
import { PageLoading } from '../../lib/page-loading.tsx';
import { Panel } from '../../lib/panel.tsx';
import { useCurrentCompany } from '../../lib/use-company.ts';
import { useVersionedForm } from '../../lib/versioned-form/use-versioned-form.ts';
import { VersionConflictAlert } from '../../lib/versioned-form/version-conflict-alert.tsx';
import { useDataFreshness } from '../../shell/data-freshness-banner.tsx';
import { CompetitorsSection } from './competitors-section.tsx';
import { type MarketFormValues, toBody, toFormValues } from './market-form.ts';
import { MarketSizesSection } from './market-sizes-section.tsx';
import { ObjectivesSection } from './objectives-section.tsx';
import { SwotSection } from './swot-section.tsx';

/** The form's field names → their section titles (for the version-conflict alert). */
const SECTION_LABELS: Record<keyof MarketFormValues, string> = {
  positioning: 'market.positioning',
  marketSizes: 'market.sizes',
  competitors: 'market.competitors',
  swot: 'market.swot',
  objectives: 'market.objectives',
};

export default function MarketPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { companyId, can } = useCurrentCompany();
  const canEdit = can('market.write');
  const lang = currentLanguage();
  const [form] = Form.useForm<MarketFormValues>();
  /** Maps the error paths of the last body sent back to the editor's fields. */
  const mapPath = useRef<(p: FieldPath) => FieldPath>((p) => p);
  const versioned = useVersionedForm<MarketAnalysis, MarketFormValues, SaveMarketAnalysisBody>({
    form,
    queryKey: ['market', companyId],
    load: () => api.get<MarketAnalysis>(companyPath(companyId, '/market-analysis')),
    enabled: companyId !== '',
    toValues: toFormValues,
    send: (body, version) =>
      api.put<MarketAnalysis>(companyPath(companyId, '/market-analysis'), { ...body, version: version ?? 0 }),
    onSaved: () => void message.success(t('market.saved')),
    onError: (e) => {
      const fields = problemFieldErrors(e, t, mapPath.current);
      if (fields.length) setFieldErrors(form, fields);
      void message.error(errorMessage(e, t));
    },
  });
  const market = versioned.query;
  const profile = useQuery({
    queryKey: ['profile', companyId],
    queryFn: () => api.get<Profile>(companyPath(companyId, '/profile')),
    enabled: companyId !== '',
  });
  const defaultCurrency = profile.data?.currency ?? 'TWD';
  // The company's today (a new market size's year), not the browser's.
  const today = useDataFreshness(companyId).data?.today;

  if (market.isPending) return <PageLoading />;
  if (market.isError) return <Alert type="error" showIcon title={errorMessage(market.error, t)} />;

  const submit = (values: MarketFormValues) => {
    const built = toBody(values, market.data.version);
    mapPath.current = built.mapPath;
    const parsed = saveMarketAnalysisBodySchema.safeParse(built.body);
    if (!parsed.success) {
      setFieldErrors(form, zodFieldErrors(parsed.error, t, built.mapPath));
      void message.error(t('validation.fixErrors'));
      return;
    }
    versioned.save(parsed.data);
  };

  return (
    <>
      <PageHeader title={t('market.title')} help={t('market.help')} />
      {!canEdit && <ReadOnlyNotice text={t('common.readOnly')} />}
      <VersionConflictAlert
        conflict={versioned.conflict}
        fieldLabel={(f) => t(SECTION_LABELS[f as keyof MarketFormValues] ?? f)}
        onReload={() => void versioned.reload()}
        onOverwrite={versioned.overwrite}
        saving={versioned.saving}
      />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={clearErrorsOnEdit(form)}
        disabled={!canEdit}
        requiredMark={false}
        initialValues={toFormValues(market.data)}
        name="market"
      >
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Panel title={t('market.positioning')}>
            <Typography.Paragraph type="secondary">{t('market.positioningHelp')}</Typography.Paragraph>
            <Form.Item name="positioning" style={{ marginBottom: 0 }}>
              <Input.TextArea
                rows={3}
                maxLength={2000}
                showCount
                placeholder={t('market.positioningPlaceholder')}
              />
            </Form.Item>
          </Panel>
          <MarketSizesSection
            form={form}
            canEdit={canEdit}
            defaultCurrency={defaultCurrency}
            lang={lang}
            today={today}
          />
          <CompetitorsSection canEdit={canEdit} />
          <SwotSection canEdit={canEdit} />
          <ObjectivesSection canEdit={canEdit} />
          {canEdit && (
            <Space wrap>
              <Button type="primary" htmlType="submit" loading={versioned.saving}>
                {t('common.save')}
              </Button>
              <Typography.Text type="secondary">
                {market.data.updatedAt
                  ? t('common.lastSaved', { at: formatDateTime(market.data.updatedAt, lang) })
                  : t('common.neverSaved')}
              </Typography.Text>
            </Space>
          )}
        </Space>
      </Form>
    </>
  );
}
