import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { companyPath } from '../../api/client.ts';
import { useCurrentCompany } from '../../lib/use-company.ts';

/** Links to the error report of an import, as CSV and as Excel (cookies go along with a plain link). */
export function ErrorReportLinks({ importId, compact = false }: { importId: string; compact?: boolean }) {
  const { t } = useTranslation();
  const { companyId } = useCurrentCompany();
  const base = companyPath(companyId, `/imports/${encodeURIComponent(importId)}/errors`);
  return (
    <Space size="small" wrap>
      {compact && <Typography.Text type="secondary">{t('imports.report')}</Typography.Text>}
      <a href={`${base}?format=csv`} download data-testid="error-report-csv">
        {compact ? 'CSV' : t('imports.reportCsv')}
      </a>
      <a href={`${base}?format=xlsx`} download>
        {compact ? 'Excel' : t('imports.reportXlsx')}
      </a>
    </Space>
  );
}
