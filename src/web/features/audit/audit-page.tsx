import { useQuery } from '@tanstack/react-query';
import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../contract/audit.ts';
import { api, companyPath } from '../../api/client.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { PageHeader } from '../../lib/page-header.tsx';
import { Panel } from '../../lib/panel.tsx';
import { useCurrentCompany } from '../../lib/use-company.ts';
import { goalKeys, goalsApi } from '../goals/goals-api.ts';
import { type AuditFormat, auditActionLabel, auditDetailLines, auditTargetLabel } from './audit-format.ts';

const LIMIT = 200;

export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const { companyId } = useCurrentCompany();
  const lang = currentLanguage();
  const log = useQuery({
    queryKey: ['audit', companyId],
    queryFn: () => api.get<AuditEntry[]>(companyPath(companyId, `/audit-log?limit=${LIMIT}`)),
  });
  // Goals' names for entries that carry only the goal's id (edits, breakdowns, re-plans).
  const goals = useQuery({
    queryKey: goalKeys.list(companyId, 'all', '', null, lang),
    queryFn: () => goalsApi.list(companyId, 'all', '', null),
  });
  const format: AuditFormat = {
    t,
    has: (key) => i18n.exists(key),
    lang,
    goalName: (id) => goals.data?.find((g) => g.id === id)?.name,
  };
  return (
    <>
      <PageHeader title={t('audit.title')} help={t('audit.help', { limit: LIMIT })} />
      <Panel>
        {log.isError && <Alert type="error" showIcon title={errorMessage(log.error, t)} />}
        <Table<AuditEntry>
          rowKey="id"
          loading={log.isPending}
          dataSource={log.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 960 }}
          tableLayout="fixed"
          locale={{ emptyText: t('audit.none') }}
          columns={[
            {
              title: t('audit.at'),
              dataIndex: 'at',
              width: 180,
              render: (v: string) => formatDateTime(v, lang),
            },
            {
              title: t('audit.who'),
              dataIndex: 'userName',
              render: (v: string | null) => v ?? t('audit.system'),
            },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              render: (v: string) => auditActionLabel(v, format),
            },
            {
              title: t('audit.entity'),
              dataIndex: 'entity',
              render: (_: string, e) => auditTargetLabel(e, format),
            },
            {
              title: t('audit.details'),
              dataIndex: 'details',
              render: (_: Record<string, unknown>, e) => (
                <Typography.Paragraph
                  type="secondary"
                  style={{ fontSize: 12, marginBottom: 0 }}
                  ellipsis={{ rows: 2, expandable: 'collapsible' }}
                >
                  {auditDetailLines(e, format).join(' · ')}
                </Typography.Paragraph>
              ),
            },
          ]}
        />
      </Panel>
    </>
  );
}
