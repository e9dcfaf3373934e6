import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  type ApiToken,
  createApiTokenBodySchema,
  type createdApiTokenSchema,
} from '../../../contract/tokens.ts';
import { api, companyPath } from '../../api/client.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import {
  clearErrorsOnEdit,
  errorMessage,
  problemFieldErrors,
  setFieldErrors,
  zodFieldErrors,
} from '../../lib/form-errors.ts';
import { PageHeader } from '../../lib/page-header.tsx';
import { Panel } from '../../lib/panel.tsx';
import { useCurrentCompany } from '../../lib/use-company.ts';

type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;

export default function TokensPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { companyId, companyName } = useCurrentCompany();
  const lang = currentLanguage();
  const [form] = Form.useForm<{ name: string }>();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const key = ['tokens', companyId];
  const tokens = useQuery({
    queryKey: key,
    queryFn: () => api.get<ApiToken[]>(companyPath(companyId, '/tokens')),
  });
  const create = useMutation({
    mutationFn: (body: { name: string }) =>
      api.post<CreatedApiToken>(companyPath(companyId, '/tokens'), body),
    onSuccess: async (tok) => {
      setCreated(tok);
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (e) => {
      const fields = problemFieldErrors(e, t);
      if (fields.length) setFieldErrors(form, fields);
      else void message.error(errorMessage(e, t));
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(companyPath(companyId, `/tokens/${encodeURIComponent(id)}`)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: key });
      void message.success(t('tokens.revoked'));
    },
    onError: (e) => void message.error(errorMessage(e, t)),
  });
  const submit = (values: { name: string }) => {
    const parsed = createApiTokenBodySchema.safeParse(values);
    if (!parsed.success) setFieldErrors(form, zodFieldErrors(parsed.error, t));
    else create.mutate(parsed.data);
  };

  return (
    <>
      <PageHeader title={t('tokens.title')} help={t('tokens.help', { company: companyName })} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Panel title={t('tokens.create')}>
          <Form
            form={form}
            name="token"
            layout="inline"
            onFinish={submit}
            onValuesChange={clearErrorsOnEdit(form)}
            requiredMark={false}
            style={{ rowGap: 8 }}
          >
            <Form.Item name="name" label={t('tokens.name')} style={{ minWidth: 260, flex: 1 }}>
              <Input maxLength={100} placeholder={t('tokens.namePlaceholder')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              {t('tokens.createButton')}
            </Button>
          </Form>
          {created && (
            <Alert
              style={{ marginTop: 16 }}
              type="warning"
              showIcon
              closable={{ onClose: () => setCreated(null) }}
              title={t('tokens.secretTitle', { name: created.name })}
              description={
                <>
                  <Typography.Paragraph
                    copyable={{ text: created.token }}
                    code
                    data-testid="token-secret"
                    style={{ wordBreak: 'break-all' }}
                  >
                    {created.token}
                  </Typography.Paragraph>
                  <Typography.Text>{t('tokens.secretOnce')}</Typography.Text>
                </>
              }
            />
          )}
        </Panel>
        <Panel title={t('tokens.list')}>
          {tokens.isError && <Alert type="error" showIcon title={errorMessage(tokens.error, t)} />}
          <Table<ApiToken>
            rowKey="id"
            loading={tokens.isPending}
            dataSource={tokens.data ?? []}
            pagination={false}
            scroll={{ x: 640 }}
            locale={{ emptyText: t('tokens.none') }}
            columns={[
              { title: t('tokens.name'), dataIndex: 'name' },
              {
                title: t('tokens.prefix'),
                dataIndex: 'prefix',
                render: (p: string) => <Typography.Text code>{p}…</Typography.Text>,
              },
              {
                title: t('tokens.createdAt'),
                dataIndex: 'createdAt',
                render: (v: string) => formatDateTime(v, lang),
              },
              {
                title: t('tokens.lastUsed'),
                dataIndex: 'lastUsedAt',
                render: (v: string | null) => (v ? formatDateTime(v, lang) : t('tokens.neverUsed')),
              },
              {
                title: '',
                key: 'actions',
                render: (_: unknown, tok) =>
                  tok.revokedAt ? (
                    <Tag>{t('tokens.revokedAt', { at: formatDateTime(tok.revokedAt, lang) })}</Tag>
                  ) : (
                    <Popconfirm
                      title={t('tokens.revokeConfirm', { name: tok.name })}
                      okText={t('tokens.revoke')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => revoke.mutate(tok.id)}
                    >
                      <Button danger size="small">
                        {t('tokens.revoke')}
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]}
          />
        </Panel>
      </Space>
    </>
  );
}
