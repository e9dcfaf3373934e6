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

const LIMIT = 200;

/** "profile.update" → the translated action when known, else the code itself. */
function useActionLabel() {
  const { t, i18n } = useTranslation();
  return (action: string) => {
    const key = `auditActions.${action.replace(/\./g, '_')}`;
    return i18n.exists(key) ? t(key) : action;
  };
}

function detailsText(details: Record<string, unknown>): string {
  const entries = Object.entries(details);
  if (entries.length === 0) return '';
  return entries.map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' · ');
}

export default function AuditPage() {
  const { t } = useTranslation();
  const { companyId } = useCurrentCompany();
  const lang = currentLanguage();
  const actionLabel = useActionLabel();
  const log = useQuery({
    queryKey: ['audit', companyId],
    queryFn: () => api.get<AuditEntry[]>(companyPath(companyId, `/audit-log?limit=${LIMIT}`)),
  });
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
            { title: t('audit.action'), dataIndex: 'action', render: (v: string) => actionLabel(v) },
            {
              title: t('audit.entity'),
              dataIndex: 'entity',
              render: (v: string, e) => (e.entityId ? `${v} · ${e.entityId}` : v),
            },
            {
              title: t('audit.details'),
              dataIndex: 'details',
              render: (d: Record<string, unknown>) => (
                <Typography.Paragraph
                  type="secondary"
                  style={{ fontSize: 12, marginBottom: 0 }}
                  ellipsis={{ rows: 2, expandable: 'collapsible' }}
                >
                  {detailsText(d)}
                </Typography.Paragraph>
              ),
            },
          ]}
        />
      </Panel>
    </>
  );
}
