import { Alert, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Upload as UploadDto } from '../../../contract/imports.ts';
import { apiUpload, companyPath } from '../../api/client.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { useCurrentCompany } from '../../lib/use-company.ts';

/** The drop zone: sends the file to the server, which answers what it found in it. */
export function FileDrop({ onUploaded }: { onUploaded: (u: UploadDto) => void }) {
  const { t } = useTranslation();
  const { companyId } = useCurrentCompany();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Upload.Dragger
        name="file"
        multiple={false}
        showUploadList={false}
        accept=".csv,.tsv,.txt,.xlsx"
        disabled={busy}
        customRequest={async ({ file }) => {
          if (!(file instanceof Blob)) return;
          setBusy(true);
          setError(null);
          try {
            const name = file instanceof File ? file.name : 'upload.csv';
            const u = await apiUpload<UploadDto>(companyPath(companyId, '/imports/uploads'), file, name);
            onUploaded(u);
          } catch (e) {
            setError(errorMessage(e, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Typography.Paragraph style={{ fontSize: 16, marginBottom: 4 }}>
          {busy ? t('imports.uploading') : t('imports.dropHere')}
        </Typography.Paragraph>
        <Typography.Text type="secondary">{t('imports.dropHelp')}</Typography.Text>
      </Upload.Dragger>
      {error && <Alert type="error" showIcon title={error} />}
    </>
  );
}
