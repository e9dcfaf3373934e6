import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type Company, renameCompanyBodySchema } from '../../../contract/companies.ts';
import { api, companyPath } from '../../api/client.ts';
import { SESSION_KEY } from '../../api/session.ts';
import {
  clearErrorsOnEdit,
  errorMessage,
  problemFieldErrors,
  setFieldErrors,
  zodFieldErrors,
} from '../../lib/form-errors.ts';
import { Panel } from '../../lib/panel.tsx';
import { useCurrentCompany } from '../../lib/use-company.ts';

/** The company's name: owners can rename it; everyone else just sees it. */
export function CompanyNameCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { companyId, companyName, can } = useCurrentCompany();
  const [form] = Form.useForm<{ name: string }>();
  useEffect(() => form.setFieldsValue({ name: companyName }), [companyName, form]);
  const rename = useMutation({
    mutationFn: (body: { name: string }) => api.patch<Company>(companyPath(companyId), body),
    onSuccess: async (c) => {
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      void message.success(t('company.renamed', { name: c.name }));
    },
    onError: (e) => {
      const fields = problemFieldErrors(e, t);
      if (fields.length) setFieldErrors(form, fields);
      else void message.error(errorMessage(e, t));
    },
  });
  if (!can('company.rename')) return null;
  const submit = (values: { name: string }) => {
    const parsed = renameCompanyBodySchema.safeParse(values);
    if (!parsed.success) setFieldErrors(form, zodFieldErrors(parsed.error, t));
    else rename.mutate(parsed.data);
  };
  return (
    <Panel small style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('company.renameHelp')}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        onFinish={submit}
        onValuesChange={clearErrorsOnEdit(form)}
        initialValues={{ name: companyName }}
        name="company"
      >
        <Space.Compact style={{ width: '100%', maxWidth: 520 }}>
          <Form.Item name="name" noStyle>
            <Input aria-label={t('company.name')} maxLength={120} />
          </Form.Item>
          <Button htmlType="submit" loading={rename.isPending}>
            {t('company.rename')}
          </Button>
        </Space.Compact>
      </Form>
    </Panel>
  );
}
