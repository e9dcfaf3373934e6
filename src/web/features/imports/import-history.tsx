import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Popconfirm, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportRecordDto } from '../../../contract/imports.ts';
import { api, companyPath } from '../../api/client.ts';
import { companyDataChanged } from '../../api/company-data.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { useCurrentCompany } from '../../lib/use-company.ts';
import { ErrorReportLinks } from './error-report-links.tsx';
import { hasAccountDetails, ImportAccountDetails } from './import-account.tsx';

/** Past imports with their figures; an import can be undone as a whole. */
export function ImportHistory() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { message } = App.useApp();
  const { companyId, can } = useCurrentCompany();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['imports', companyId],
    queryFn: () => api.get<ImportRecordDto[]>(companyPath(companyId, '/imports')),
  });
  const undo = useMutation({
    mutationFn: (id: string) => api.post(companyPath(companyId, `/imports/${encodeURIComponent(id)}/undo`)),
    onSuccess: () => {
      void message.success(t('imports.history.undone'));
      companyDataChanged(queryClient, companyId);
    },
    onError: (e) => void message.error(errorMessage(e, t)),
  });
  const n = (v: number) => formatNumber(v, lang);
  return (
    <>
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error, t)} />}
      <Table<ImportRecordDto>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        // The file's name is the column that tells imports apart: it gets the room left by the others
        // (wrapped, never cut to "sales.…"); on a narrow screen the table scrolls sideways.
        scroll={{ x: 1080 }}
        tableLayout="fixed"
        locale={{ emptyText: t('imports.history.none') }}
        expandable={{
          rowExpandable: hasAccountDetails,
          expandedRowRender: (r) => <ImportAccountDetails record={r} />,
        }}
        columns={[
          {
            title: t('imports.history.when'),
            dataIndex: 'createdAt',
            width: 130,
            render: (v: string) => formatDateTime(v, lang),
          },
          {
            title: t('imports.history.file'),
            dataIndex: 'fileName',
            render: (v: string) => <span style={{ overflowWrap: 'anywhere' }}>{v}</span>,
          },
          {
            title: t('imports.history.kind'),
            dataIndex: 'kind',
            width: 100,
            render: (k: string) => t(`imports.kinds.${k}.label`),
          },
          {
            title: t('imports.history.who'),
            dataIndex: 'createdByName',
            width: 100,
            render: (v: string | null) => v ?? '—',
          },
          { title: t('imports.result.added'), dataIndex: 'added', align: 'right', width: 76, render: n },
          {
            // wide enough for "Duplicates" on a line of its own (not "Duplicat-es")
            title: t('imports.result.duplicates'),
            dataIndex: 'duplicates',
            align: 'right',
            width: 100,
            render: n,
          },
          {
            title: t('imports.result.rejected'),
            dataIndex: 'rejected',
            align: 'right',
            width: 80,
            render: n,
          },
          {
            title: t('imports.history.leftOut'),
            key: 'leftOut',
            align: 'right',
            width: 80,
            render: (_: unknown, r) => (r.orders ? n(r.orders.excludedLines) : '—'),
          },
          {
            title: t('imports.history.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: ImportRecordDto['status']) => (
              <Tag color={s === 'committed' ? 'green' : 'default'}>{t(`imports.history.statuses.${s}`)}</Tag>
            ),
          },
          {
            title: t('imports.history.actions'),
            key: 'actions',
            width: 180,
            render: (_: unknown, r) => (
              <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
                {r.rejected > 0 && <ErrorReportLinks importId={r.id} compact />}
                {r.status === 'committed' && can('data.import') && (
                  <Popconfirm
                    title={t('imports.history.undoTitle')}
                    description={t('imports.history.undoConfirm', { file: r.fileName, n: n(r.added) })}
                    okText={t('imports.history.undo')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => undo.mutateAsync(r.id)}
                  >
                    <Button size="small" danger>
                      {t('imports.history.undo')}
                    </Button>
                  </Popconfirm>
                )}
              </div>
            ),
          },
        ]}
      />
    </>
  );
}
