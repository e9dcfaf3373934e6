import type { FormInstance } from 'antd';
import { Alert, Button, Col, Empty, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../contract/common.ts';
import { marketSizeKindSchema } from '../../../contract/market.ts';
import { currencySchema } from '../../../contract/profile.ts';
import { formatMoney, groupDigits, parseGrouped } from '../../i18n/format.ts';
import { Panel } from '../../lib/panel.tsx';
import { type MarketFormValues, marketSizeWarnings, newMarketSize } from './market-form.ts';
import { RemoveButton } from './remove-button.tsx';

/** TAM / SAM / SOM by year, with their sources, a check of their order and a one-line summary. */
export function MarketSizesSection({
  form,
  canEdit,
  defaultCurrency,
  lang,
  today,
}: {
  form: FormInstance<MarketFormValues>;
  canEdit: boolean;
  defaultCurrency: string;
  lang: Locale;
  /** The company's today (the data-freshness answer); undefined while it loads. */
  today: string | undefined;
}) {
  const { t } = useTranslation();
  const sizes = Form.useWatch('marketSizes', form);
  const sizeSummary = (sizes ?? [])
    .filter((s) => s && typeof s.amount === 'number' && s.year)
    .map((s) => `${s.kind} ${s.year}: ${formatMoney(s.amount, s.currency ?? defaultCurrency, lang)}`);
  return (
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
                    <Select options={marketSizeKindSchema.options.map((k) => ({ value: k, label: k }))} />
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
                  {canEdit && <RemoveButton label={t('common.remove')} onClick={() => remove(field.name)} />}
                </Col>
              </Row>
            ))}
            {canEdit && (
              <Button type="dashed" block onClick={() => add(newMarketSize(today, defaultCurrency))}>
                + {t('market.addSize')}
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
  );
}
