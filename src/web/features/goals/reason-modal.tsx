import { Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks why a saved goal is being changed (kept in its history) before the change is saved. */
export function ReasonModal({
  open,
  saving,
  onCancel,
  onSave,
}: {
  open: boolean;
  saving: boolean;
  onCancel: () => void;
  onSave: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Modal
      open={open}
      title={t('goals.reasonTitle')}
      okText={t('goals.saveChanges')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving }}
      onCancel={onCancel}
      onOk={() => onSave(reason)}
      afterClose={() => setReason('')}
    >
      <Typography.Paragraph type="secondary">{t('goals.reasonHelp')}</Typography.Paragraph>
      <Input.TextArea
        aria-label={t('goals.reasonTitle')}
        autoSize={{ minRows: 2, maxRows: 5 }}
        maxLength={1000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
    </Modal>
  );
}
