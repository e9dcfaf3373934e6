import { Alert, App, Button, Col, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type CompanyStage,
  companyStageSchema,
  currencySchema,
  type Profile,
  type ProfileInput,
  profileInputSchema,
  timeZoneSchema,
} from '../../../contract/profile.ts';
import { api, companyPath } from '../../api/client.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import {
  clearErrorsOnEdit,
  errorMessage,
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
import { CompanyNameCard } from './company-name-card.tsx';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

function monthName(month: number, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-US' : 'zh-TW', { month: 'long' }).format(
    new Date(2024, month - 1, 1),
  );
}

export default function ProfilePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { companyId, companyName, can } = useCurrentCompany();
  const canEdit = can('profile.write');
  const [form] = Form.useForm<ProfileInput>();
  const versioned = useVersionedForm<Profile, ProfileInput, ProfileInput>({
    form,
    queryKey: ['profile', companyId],
    load: () => api.get<Profile>(companyPath(companyId, '/profile')),
    enabled: companyId !== '',
    toValues: (p) => ({
      stage: p.stage,
      industry: p.industry,
      currency: p.currency,
      fiscalYearStartMonth: p.fiscalYearStartMonth,
      timeZone: p.timeZone,
      description: p.description,
    }),
    send: (body, version) =>
      api.put<Profile>(companyPath(companyId, '/profile'), { ...body, version: version ?? 0 }),
    onSaved: () => void message.success(t('profile.saved')),
    onError: (e) => {
      const fields = problemFieldErrors(e, t);
      if (fields.length) setFieldErrors(form, fields);
      void message.error(errorMessage(e, t));
    },
  });
  const profile = versioned.query;

  if (profile.isPending) return <PageLoading />;
  if (profile.isError) return <Alert type="error" showIcon title={errorMessage(profile.error, t)} />;

  const submit = (values: ProfileInput) => {
    const parsed = profileInputSchema.safeParse(values);
    if (!parsed.success) setFieldErrors(form, zodFieldErrors(parsed.error, t));
    else versioned.save(parsed.data);
  };
  const lang = currentLanguage();

  return (
    <>
      <PageHeader title={t('profile.title')} help={t('profile.help', { company: companyName })} />
      <CompanyNameCard />
      {!canEdit && <ReadOnlyNotice text={t('common.readOnly')} />}
      <VersionConflictAlert
        conflict={versioned.conflict}
        fieldLabel={(f) => t(`profile.${f}`)}
        onReload={() => void versioned.reload()}
        onOverwrite={versioned.overwrite}
        saving={versioned.saving}
      />
      <Panel>
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          onValuesChange={clearErrorsOnEdit(form)}
          disabled={!canEdit}
          requiredMark={false}
          initialValues={profile.data}
          name="profile"
        >
          <Form.Item name="stage" label={t('profile.stage')} extra={t('profile.stageHelp')}>
            <Radio.Group style={{ width: '100%' }}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                {companyStageSchema.options.map((stage: CompanyStage) => (
                  <Radio key={stage} value={stage} data-testid={`stage-${stage}`}>
                    <Typography.Text strong>{t(`stages.${stage}.label`)}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">{t(`stages.${stage}.explain`)}</Typography.Text>
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="industry" label={t('profile.industry')} extra={t('profile.industryHelp')}>
                <Input maxLength={100} placeholder={t('profile.industryPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="currency" label={t('profile.currency')} extra={t('profile.currencyHelp')}>
                <Select
                  options={currencySchema.options.map((c) => ({
                    value: c,
                    label: `${c} — ${t(`currencies.${c}`)}`,
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="fiscalYearStartMonth"
                label={t('profile.fiscalYearStartMonth')}
                extra={t('profile.fiscalYearStartMonthHelp')}
              >
                <Select options={MONTHS.map((m) => ({ value: m, label: monthName(m, lang) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="timeZone" label={t('profile.timeZone')} extra={t('profile.timeZoneHelp')}>
                <Select options={timeZoneSchema.options.map((z) => ({ value: z, label: z }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="description" label={t('profile.description')} extra={t('profile.descriptionHelp')}>
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
          {canEdit && (
            <Space wrap>
              <Button type="primary" htmlType="submit" loading={versioned.saving}>
                {t('common.save')}
              </Button>
              <Typography.Text type="secondary">
                {profile.data.updatedAt
                  ? t('common.lastSaved', { at: formatDateTime(profile.data.updatedAt, lang) })
                  : t('common.neverSaved')}
              </Typography.Text>
            </Space>
          )}
        </Form>
      </Panel>
    </>
  );
}
