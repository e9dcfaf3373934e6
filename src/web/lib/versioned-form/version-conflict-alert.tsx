import { Alert, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Shown when a save was refused because someone else saved a newer version meanwhile: which fields
 * they changed, then a choice between their version (reload) and ours (overwrite, confirmed).
 */
export function VersionConflictAlert({
  conflict,
  fieldLabel,
  onReload,
  onOverwrite,
  saving = false,
}: {
  conflict: { changed: string[] } | null;
  /** The form's label of a field name (as listed in `changed`). */
  fieldLabel: (field: string) => string;
  onReload: () => void;
  onOverwrite: () => void;
  saving?: boolean;
}) {
  const { t } = useTranslation();
  if (!conflict) return null;
  const fields = conflict.changed.map(fieldLabel).join(t('conflict.fieldSeparator'));
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="version-conflict"
      style={{ marginBottom: 16 }}
      title={t('conflict.title')}
      description={
        <>
          <div>{t('conflict.description')}</div>
          <div data-testid="version-conflict-fields" style={{ marginTop: 4 }}>
            {fields ? t('conflict.changed', { fields }) : t('conflict.nothingChanged')}
          </div>
        </>
      }
      action={
        <Space orientation="vertical" size={6}>
          <Button size="small" onClick={onReload}>
            {t('conflict.reload')}
          </Button>
          <Popconfirm
            title={t('conflict.overwriteConfirm')}
            description={fields ? t('conflict.overwriteLoses', { fields }) : undefined}
            okText={t('conflict.overwrite')}
            cancelText={t('common.cancel')}
            onConfirm={onOverwrite}
          >
            <Button size="small" danger loading={saving}>
              {t('conflict.overwrite')}
            </Button>
          </Popconfirm>
        </Space>
      }
    />
  );
}
