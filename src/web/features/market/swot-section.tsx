import { Button, Col, Form, Input, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../lib/panel.tsx';
import { SWOT_KINDS } from './market-form.ts';
import { RemoveButton } from './remove-button.tsx';

const SWOT_COLORS = {
  strength: '#e6f4ea',
  weakness: '#fdecea',
  opportunity: '#e8f0fe',
  threat: '#fff4e5',
} as const;

/** Strengths, weaknesses, opportunities and threats as four coloured quadrants. */
export function SwotSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('market.swot')}>
      <Typography.Paragraph type="secondary">{t('market.swotHelp')}</Typography.Paragraph>
      <Row gutter={[12, 12]}>
        {SWOT_KINDS.map((kind) => (
          <Col xs={24} md={12} key={kind}>
            <div style={{ background: SWOT_COLORS[kind], borderRadius: 8, padding: 12, height: '100%' }}>
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
                        + {t('common.add')}
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
  );
}
