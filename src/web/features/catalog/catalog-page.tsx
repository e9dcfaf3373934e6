import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, Select, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogEntryDto } from '../../../contract/catalog.ts';
import { ApiError, api, companyPath } from '../../api/client.ts';
import { formatNumber } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { PageHeader, ReadOnlyNotice } from '../../lib/page-header.tsx';
import { useCurrentCompany } from '../../lib/use-company.ts';

export const CATALOG_TABLES = ['products', 'categories', 'channels', 'reps', 'regions'] as const;
export type CatalogTable = (typeof CATALOG_TABLES)[number];

interface MergeState {
  from: CatalogEntryDto;
  intoId: string | null;
}

function CatalogTableView({ table }: { table: CatalogTable }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { message, modal } = App.useApp();
  const { companyId, can } = useCurrentCompany();
  const editable = can('data.manage');
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState('');
  const [merge, setMerge] = useState<MergeState | null>(null);
  const key = ['catalog', companyId, table] as const;
  const list = useQuery({
    queryKey: key,
    queryFn: () => api.get<CatalogEntryDto[]>(companyPath(companyId, `/catalog/${table}`)),
  });
  const entries = list.data ?? [];
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['catalog', companyId] });
    void queryClient.invalidateQueries({ queryKey: ['kpi', companyId] });
  };
  const doMerge = useMutation({
    mutationFn: ({ fromId, intoId }: { fromId: string; intoId: string }) =>
      api.post(companyPath(companyId, `/catalog/${table}/${encodeURIComponent(fromId)}/merge`), { intoId }),
    onSuccess: () => {
      void message.success(t('catalog.merged'));
      setMerge(null);
      refresh();
    },
    onError: (e) => void message.error(errorMessage(e, t)),
  });
  const rename = useMutation({
    mutationFn: ({ entry, name }: { entry: CatalogEntryDto; name: string }) =>
      api.patch(companyPath(companyId, `/catalog/${table}/${encodeURIComponent(entry.id)}`), { name }),
    onSuccess: () => {
      void message.success(t('catalog.renamed'));
      refresh();
    },
    onError: (e, { entry, name }) => {
      const target = entries.find((x) => x.name === name && x.id !== entry.id);
      if (e instanceof ApiError && e.problem.code === 'DIMENSION_NAME_TAKEN' && target) {
        modal.confirm({
          title: t('catalog.takenTitle', { name }),
          content: t('catalog.takenMerge', { from: entry.name, into: target.name }),
          okText: t('catalog.merge'),
          cancelText: t('common.cancel'),
          onOk: () => doMerge.mutateAsync({ fromId: entry.id, intoId: target.id }),
        });
        return;
      }
      void message.error(errorMessage(e, t));
    },
  });
  const mergeTarget = entries.find((x) => x.id === merge?.intoId);
  const shown = filter.trim()
    ? entries.filter((e) => e.name.toLowerCase().includes(filter.trim().toLowerCase()))
    : entries;
  return (
    <>
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error, t)} />}
      <Input.Search
        allowClear
        aria-label={t('catalog.search')}
        placeholder={t('catalog.search')}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        style={{ maxWidth: 320, marginBottom: 12 }}
      />
      <Table<CatalogEntryDto>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={shown}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('catalog.none') }}
        columns={[
          {
            title: t('catalog.name'),
            dataIndex: 'name',
            render: (name: string, entry) => (
              <Typography.Text
                editable={
                  editable
                    ? {
                        tooltip: t('catalog.rename'),
                        triggerType: ['icon', 'text'],
                        onChange: (v) => {
                          const next = v.trim();
                          // An empty name is no name: the old one is kept, and said so.
                          if (!next) void message.warning(t('catalog.nameRequired', { name }));
                          else if (next !== name) rename.mutate({ entry, name: next });
                        },
                      }
                    : false
                }
              >
                {name}
              </Typography.Text>
            ),
          },
          {
            title: t('catalog.lines'),
            dataIndex: 'lines',
            align: 'right',
            width: 120,
            render: (n: number) => formatNumber(n, lang),
            sorter: (a, b) => a.lines - b.lines,
          },
          ...(editable
            ? [
                {
                  title: t('catalog.actions'),
                  key: 'actions',
                  width: 140,
                  render: (_: unknown, entry: CatalogEntryDto) => (
                    <Button size="small" onClick={() => setMerge({ from: entry, intoId: null })}>
                      {t('catalog.mergeInto')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={merge !== null}
        title={t('catalog.mergeTitle', { name: merge?.from.name ?? '' })}
        okText={t('catalog.merge')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !merge?.intoId, loading: doMerge.isPending }}
        onCancel={() => setMerge(null)}
        onOk={() => {
          if (merge?.intoId) doMerge.mutate({ fromId: merge.from.id, intoId: merge.intoId });
        }}
      >
        <Typography.Paragraph type="secondary">{t('catalog.mergeHelp')}</Typography.Paragraph>
        <Select<string>
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('catalog.mergeTarget')}
          placeholder={t('catalog.mergeTarget')}
          style={{ width: '100%' }}
          value={merge?.intoId ?? undefined}
          onChange={(v) => setMerge((m) => (m ? { ...m, intoId: v } : m))}
          options={entries
            .filter((e) => e.id !== merge?.from.id)
            .map((e) => ({ value: e.id, label: e.name }))}
        />
        {merge && mergeTarget && (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            title={t('catalog.mergeConfirm', {
              from: merge.from.name,
              into: mergeTarget.name,
              n: formatNumber(merge.from.lines, lang),
            })}
          />
        )}
      </Modal>
    </>
  );
}

export default function CatalogPage() {
  const { t } = useTranslation();
  const { can } = useCurrentCompany();
  const [tab, setTab] = useState<CatalogTable>('products');
  return (
    <>
      <PageHeader title={t('catalog.title')} help={t('catalog.help')} />
      {!can('data.manage') && <ReadOnlyNotice text={t('common.readOnly')} />}
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as CatalogTable)}
        items={CATALOG_TABLES.map((k) => ({
          key: k,
          label: t(`catalog.tables.${k}`),
          children: <CatalogTableView table={k} />,
        }))}
        destroyOnHidden
      />
    </>
  );
}
