import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type MarketAnalysis,
  marketSizeKindSchema,
  priceLevelSchema,
  saveMarketAnalysisBodySchema,
} from '../../../contract/market.ts';
import { currencySchema, type Profile } from '../../../contract/profile.ts';
import { api, companyPath } from '../../api/client.ts';
import { formatDateTime, formatMoney, groupDigits, parseGrouped } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import {
  errorMessage,
  isConflict,
  problemFieldErrors,
  setFieldErrors,
  zodFieldErrors,
} from '../../lib/form-errors.ts';
import { PageHeader, ReadOnlyNotice } from '../../lib/page-header.tsx';
import { PageLoading } from '../../lib/page-loading.tsx';
import { Panel } from '../../lib/panel.tsx';
import { useCurrentCompany } from '../../lib/use-company.ts';
import {
  type MarketFormValues,
  marketSizeWarnings,
  SWOT_KINDS,
  toBody,
  toFormValues,
} from './market-form.ts';

const SWOT_COLORS = {
  strength: '#e6f4ea',
  weakness: '#fdecea',
  opportunity: '#e8f0fe',
  threat: '#fff4e5',
} as const;

function RemoveButton({ onClick, label }: { onClick: () => void; label: string }) {
  return (
    <Button danger type="text" onClick={onClick} aria-label={label}>
      ✕
    </Button>
  );
}

export default function MarketPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { companyId, can } = useCurrentCompany();
  const canEdit = can('market.write');
  const queryClient = useQueryClient();
  const [form] = Form.useForm<MarketFormValues>();
  const [conflict, setConflict] = useState(false);
  const queryKey = ['market', companyId];
  const market = useQuery({
    queryKey,
    queryFn: () => api.get<MarketAnalysis>(companyPath(companyId, '/market-analysis')),
    enabled: companyId !== '',
  });
  const profile = useQuery({
    queryKey: ['profile', companyId],
    queryFn: () => api.get<Profile>(companyPath(companyId, '/profile')),
    enabled: companyId !== '',
  });
  const defaultCurrency = profile.data?.currency ?? 'TWD';
  const lang = currentLanguage();
  const sizes = Form.useWatch('marketSizes', form);

  useEffect(() => {
    if (market.data) form.setFieldsValue(toFormValues(market.data));
  }, [market.data, form]);

  const save = useMutation({
    mutationFn: (body: unknown) => api.put<MarketAnalysis>(companyPath(companyId, '/market-analysis'), body),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKey, saved);
      form.setFieldsValue(toFormValues(saved));
      setConflict(false);
      void message.success(t('market.saved'));
    },
  });

  const reload = async () => {
    const fresh = await market.refetch();
    if (fresh.data) {
      form.resetFields();
      form.setFieldsValue(toFormValues(fresh.data));
    }
    setConflict(false);
  };

  if (market.isPending) return <PageLoading />;
  if (market.isError) return <Alert type="error" showIcon title={errorMessage(market.error, t)} />;
  const version = market.data.version;

  const submit = (values: MarketFormValues) => {
    const { body, mapPath } = toBody(values, version);
    const parsed = saveMarketAnalysisBodySchema.safeParse(body);
    if (!parsed.success) {
      setFieldErrors(form, zodFieldErrors(parsed.error, t, mapPath));
      void message.error(t('validation.fixErrors'));
      return;
    }
    save.mutate(parsed.data, {
      onError: (e) => {
        if (isConflict(e)) {
          setConflict(true);
          return;
        }
        const fields = problemFieldErrors(e, t, mapPath);
        if (fields.length) setFieldErrors(form, fields);
        void message.error(errorMessage(e, t));
      },
    });
  };

  const sizeSummary = (sizes ?? [])
    .filter((s) => s && typeof s.amount === 'number' && s.year)
    .map((s) => `${s.kind} ${s.year}: ${formatMoney(s.amount, s.currency ?? defaultCurrency, lang)}`);

  return (
    <>
      <PageHeader title={t('market.title')} help={t('market.help')} />
      {!canEdit && <ReadOnlyNotice text={t('common.readOnly')} />}
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
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
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

          <Panel title={t('market.sizes')}>
            <Typography.Paragraph type="secondary">{t('market.sizesHelp')}</Typography.Paragraph>
            <ul style={{ marginTop: 0, paddingInlineStart: 20, color: 'rgba(0,0,0,0.65)' }}>
              <li>{t('market.tam')}</li>
              <li>{t('market.sam')}</li>
              <li>{t('market.som')}</li>
            </ul>
            <Form.List name="marketSizes">
              {(fields, { add, remove }) => (
                <>
                  {fields.length === 0 && (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('market.noSizes')} />
                  )}
                  {fields.map((field) => (
                    <Row key={field.key} gutter={8} align="top" wrap>
                      <Col xs={12} md={3}>
                        <Form.Item name={[field.name, 'kind']} label={t('market.kind')}>
                          <Select
                            options={marketSizeKindSchema.options.map((k) => ({ value: k, label: k }))}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={3}>
                        <Form.Item name={[field.name, 'year']} label={t('market.year')}>
                          <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col xs={14} md={6}>
                        <Form.Item name={[field.name, 'amount']} label={t('market.amount')}>
                          <InputNumber<number>
                            min={0}
                            style={{ width: '100%' }}
                            formatter={(v) => groupDigits(v)}
                            parser={(v) => parseGrouped(v)}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={10} md={3}>
                        <Form.Item name={[field.name, 'currency']} label={t('profile.currency')}>
                          <Select options={currencySchema.options.map((c) => ({ value: c, label: c }))} />
                        </Form.Item>
                      </Col>
                      <Col xs={20} md={8}>
                        <Form.Item name={[field.name, 'source']} label={t('market.source')}>
                          <Input maxLength={300} placeholder={t('market.sourcePlaceholder')} />
                        </Form.Item>
                      </Col>
                      <Col xs={4} md={1} style={{ paddingTop: 30 }}>
                        {canEdit && (
                          <RemoveButton label={t('common.remove')} onClick={() => remove(field.name)} />
                        )}
                      </Col>
                    </Row>
                  ))}
                  {canEdit && (
                    <Button
                      type="dashed"
                      block
                      onClick={() =>
                        add({
                          kind: 'TAM',
                          year: new Date().getFullYear(),
                          amount: null,
                          currency: defaultCurrency,
                          source: '',
                        })
                      }
                    >
                      ＋ {t('market.addSize')}
                    </Button>
                  )}
                </>
              )}
            </Form.List>
            {marketSizeWarnings(sizes ?? []).map((w) => (
              <Alert
                key={`${w.year}-${w.currency}-${w.smaller}`}
                type="warning"
                showIcon
                style={{ marginTop: 12 }}
                title={t('market.sizeOrder', { smaller: w.smaller, larger: w.larger, year: w.year })}
              />
            ))}
            {sizeSummary.length > 0 && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                {sizeSummary.join(' · ')}
              </Typography.Paragraph>
            )}
          </Panel>

          <Panel title={t('market.competitors')}>
            <Typography.Paragraph type="secondary">{t('market.competitorsHelp')}</Typography.Paragraph>
            <Form.List name="competitors">
              {(fields, { add, remove }) => (
                <>
                  {fields.length === 0 && (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('market.noCompetitors')} />
                  )}
                  {fields.map((field) => (
                    <Panel
                      key={field.key}
                      small
                      style={{ marginBottom: 12 }}
                      extra={
                        canEdit && (
                          <RemoveButton label={t('common.remove')} onClick={() => remove(field.name)} />
                        )
                      }
                      title={t('market.competitorN', { n: field.name + 1 })}
                    >
                      <Row gutter={8}>
                        <Col xs={24} md={16}>
                          <Form.Item name={[field.name, 'name']} label={t('market.competitorName')}>
                            <Input maxLength={120} />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={8}>
                          <Form.Item name={[field.name, 'priceLevel']} label={t('market.priceLevel')}>
                            <Select
                              allowClear
                              options={priceLevelSchema.options.map((p) => ({
                                value: p,
                                label: t(`priceLevels.${p}`),
                              }))}
                            />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={8}>
                          <Form.Item name={[field.name, 'strengths']} label={t('market.theirStrengths')}>
                            <Input.TextArea rows={2} maxLength={1000} />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={8}>
                          <Form.Item name={[field.name, 'weaknesses']} label={t('market.theirWeaknesses')}>
                            <Input.TextArea rows={2} maxLength={1000} />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={8}>
                          <Form.Item name={[field.name, 'notes']} label={t('market.notes')}>
                            <Input.TextArea rows={2} maxLength={1000} />
                          </Form.Item>
                        </Col>
                      </Row>
                    </Panel>
                  ))}
                  {canEdit && (
                    <Button
                      type="dashed"
                      block
                      onClick={() =>
                        add({ name: '', priceLevel: null, strengths: '', weaknesses: '', notes: '' })
                      }
                    >
                      ＋ {t('market.addCompetitor')}
                    </Button>
                  )}
                </>
              )}
            </Form.List>
          </Panel>

          <Panel title={t('market.swot')}>
            <Typography.Paragraph type="secondary">{t('market.swotHelp')}</Typography.Paragraph>
            <Row gutter={[12, 12]}>
              {SWOT_KINDS.map((kind) => (
                <Col xs={24} md={12} key={kind}>
                  <div
                    style={{ background: SWOT_COLORS[kind], borderRadius: 8, padding: 12, height: '100%' }}
                  >
                    <Typography.Text strong>{t(`swot.${kind}.label`)}</Typography.Text>
                    <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
                      {t(`swot.${kind}.help`)}
                    </Typography.Paragraph>
                    <Form.List name={['swot', kind]}>
                      {(fields, { add, remove }) => (
                        <>
                          {fields.map((field) => (
                            <div key={field.key} style={{ display: 'flex', gap: 4 }}>
                              <Form.Item name={[field.name, 'text']} style={{ flex: 1, marginBottom: 8 }}>
                                <Input maxLength={500} />
                              </Form.Item>
                              {canEdit && (
                                <RemoveButton label={t('common.remove')} onClick={() => remove(field.name)} />
                              )}
                            </div>
                          ))}
                          {canEdit && (
                            <Button size="small" type="dashed" onClick={() => add({ text: '' })}>
                              ＋ {t('common.add')}
                            </Button>
                          )}
                        </>
                      )}
                    </Form.List>
                  </div>
                </Col>
              ))}
            </Row>
          </Panel>

          <Panel title={t('market.objectives')}>
            <Typography.Paragraph type="secondary">{t('market.objectivesHelp')}</Typography.Paragraph>
            <Form.List name="objectives">
              {(fields, { add, remove }) => (
                <>
                  {fields.length === 0 && (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('market.noObjectives')} />
                  )}
                  {fields.map((field) => (
                    <Row key={field.key} gutter={8} align="top">
                      <Form.Item name={[field.name, 'id']} hidden>
                        <Input />
                      </Form.Item>
                      <Col xs={24} md={8}>
                        <Form.Item name={[field.name, 'title']} label={t('market.objectiveTitle')}>
                          <Input maxLength={200} />
                        </Form.Item>
                      </Col>
                      <Col xs={20} md={15}>
                        <Form.Item
                          name={[field.name, 'description']}
                          label={t('market.objectiveDescription')}
                        >
                          <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
                        </Form.Item>
                      </Col>
                      <Col xs={4} md={1} style={{ paddingTop: 30 }}>
                        {canEdit && (
                          <RemoveButton label={t('common.remove')} onClick={() => remove(field.name)} />
                        )}
                      </Col>
                    </Row>
                  ))}
                  {canEdit && (
                    <Button type="dashed" block onClick={() => add({ title: '', description: '' })}>
                      ＋ {t('market.addObjective')}
                    </Button>
                  )}
                </>
              )}
            </Form.List>
          </Panel>

          {canEdit && (
            <Space wrap>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
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
