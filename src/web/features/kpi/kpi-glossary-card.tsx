import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KpiGlossaryBody } from '../../../contract/kpi.ts';
import { Panel } from '../../lib/panel.tsx';

/** The language of a name: Chinese when it holds a CJK character (so the browser picks its font). */
const otherLang = (name: string): string => (/[\u3400-\u9fff]/.test(name) ? 'zh-TW' : 'en');

/** The chosen KPI's names, definition and formula. */
export function KpiGlossaryCard({ entry }: { entry: KpiGlossaryBody[number] }) {
  const { t } = useTranslation();
  return (
    <Panel small title={t('kpi.glossary')} style={{ marginBottom: 16 }}>
      <div data-testid="kpi-glossary">
        <Typography.Text strong>{entry.name}</Typography.Text>
        {/* The name in the other language, for teams that use both (not in brackets: names have their own). */}
        <Typography.Text type="secondary" lang={otherLang(entry.otherName)}>
          {' · '}
          {entry.otherName}
        </Typography.Text>
        <Typography.Paragraph style={{ margin: '6px 0' }}>{entry.definition}</Typography.Paragraph>
        <Typography.Text code>{entry.formula}</Typography.Text>
      </div>
    </Panel>
  );
}
