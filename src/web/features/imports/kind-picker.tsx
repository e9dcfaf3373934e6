import { Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { IMPORT_KINDS, type ImportKind } from './imports-api.ts';

/** Sales lines, marketing figures or satisfaction responses: each with a line on what it holds. */
export function KindPicker({ kind, onChange }: { kind: ImportKind; onChange: (k: ImportKind) => void }) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Title level={5}>{t('imports.chooseKind')}</Typography.Title>
      <Radio.Group
        value={kind}
        onChange={(e) => onChange(e.target.value as ImportKind)}
        style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
      >
        {IMPORT_KINDS.map((k) => (
          <Radio key={k} value={k}>
            <Typography.Text strong>{t(`imports.kinds.${k}.label`)}</Typography.Text>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t(`imports.kinds.${k}.help`)}
            </Typography.Paragraph>
          </Radio>
        ))}
      </Radio.Group>
    </div>
  );
}
