import { Button, Col, Empty, Form, Input, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../lib/panel.tsx';
import { RemoveButton } from './remove-button.tsx';

/** Strategic objectives (goals link to them: the R of SMART). */
export function ObjectivesSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  return (
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
                  <Form.Item name={[field.name, 'description']} label={t('market.objectiveDescription')}>
                    <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
                  </Form.Item>
                </Col>
                <Col xs={4} md={1} style={{ paddingTop: 30 }}>
                  {canEdit && <RemoveButton label={t('common.remove')} onClick={() => remove(field.name)} />}
                </Col>
              </Row>
            ))}
            {canEdit && (
              <Button type="dashed" block onClick={() => add({ title: '', description: '' })}>
                + {t('market.addObjective')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </Panel>
  );
}
