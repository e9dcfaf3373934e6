import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { companyPath } from '../../api/client.ts';
import { DownloadLink } from '../../lib/download-link.tsx';
import { useCurrentCompany } from '../../lib/use-company.ts';

/** Links to the error report of an import, as CSV and as Excel, in the UI's language. */
export function ErrorReportLinks({ importId, compact = false }: { importId: string; compact?: boolean }) {
  const { t } = useTranslation();
  const { companyId } = useCurrentCompany();
  const base = companyPath(companyId, `/imports/${encodeURIComponent(importId)}/errors`);
  return (
    <Space size="small" wrap>
      {compact && <Typography.Text type="secondary">{t('imports.report')}</Typography.Text>}
      <DownloadLink href={`${base}?format=csv`} testId="error-report-csv">
        {compact ? 'CSV' : t('imports.reportCsv')}
      </DownloadLink>
      <DownloadLink href={`${base}?format=xlsx`}>{compact ? 'Excel' : t('imports.reportXlsx')}</DownloadLink>
    </Space>
  );
}
