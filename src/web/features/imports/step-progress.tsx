import { useQuery } from '@tanstack/react-query';
import { Alert, Progress, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../contract/imports.ts';
import { api, companyPath } from '../../api/client.ts';
import { formatNumber } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { useCurrentCompany } from '../../lib/use-company.ts';
import { jobPercent } from './imports-api.ts';

/** Step 3: the running job, polled until it has finished. */
export function StepProgress({ start, onDone }: { start: ImportJob; onDone: (job: ImportJob) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { companyId } = useCurrentCompany();
  const job = useQuery({
    queryKey: ['import-job', companyId, start.jobId],
    queryFn: () =>
      api.get<ImportJob>(companyPath(companyId, `/imports/jobs/${encodeURIComponent(start.jobId)}`)),
    initialData: start,
    initialDataUpdatedAt: 0,
    refetchInterval: (q) => (q.state.data && q.state.data.state !== 'running' ? false : 500),
  });
  const finished = job.data.state !== 'running' ? job.data : null;
  useEffect(() => {
    if (finished) onDone(finished);
  }, [finished, onDone]);
  const j = job.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-progress">
      <Typography.Text>{t(j.phase === 'saving' ? 'imports.saving' : 'imports.importing')}</Typography.Text>
      <Progress
        percent={jobPercent(j.phase === 'saving' ? j.totalBytes : j.bytesRead, j.totalBytes)}
        status={j.state === 'failed' ? 'exception' : 'active'}
        data-testid="import-progress-bar"
      />
      <Typography.Text type="secondary">
        {t('imports.linesRead', { n: formatNumber(j.linesRead, lang) })}
      </Typography.Text>
      {job.isError && <Alert type="error" showIcon title={errorMessage(job.error, t)} />}
    </Space>
  );
}
