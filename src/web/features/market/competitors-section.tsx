import { Button, Col, Empty, Form, Input, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { priceLevelSchema } from '../../../contract/market.ts';
import { Panel } from '../../lib/panel.tsx';
import { RemoveButton } from './remove-button.tsx';

/** The main competitors: price level, strengths, weaknesses and notes. */
export function CompetitorsSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  return (
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
                  canEdit && <RemoveButton label={t('common.remove')} onClick={() => remove(field.name)} />
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
                onClick={() => add({ name: '', priceLevel: null, strengths: '', weaknesses: '', notes: '' })}
              >
                + {t('market.addCompetitor')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </Panel>
  );
}
