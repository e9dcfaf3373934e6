import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Company } from '../../contract/companies.ts';
import { createCompanyBodySchema } from '../../contract/companies.ts';
import { api } from '../api/client.ts';
import { SESSION_KEY } from '../api/session.ts';
import {
  clearErrorsOnEdit,
  errorMessage,
  problemFieldErrors,
  setFieldErrors,
  zodFieldErrors,
} from '../lib/form-errors.ts';
import { Panel } from '../lib/panel.tsx';

interface Values {
  name: string;
}

function useCreateCompany(onDone: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const mutation = useMutation({
    mutationFn: (body: Values) => api.post<Company>('/api/companies', body),
    onSuccess: async (company) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      void message.success(t('company.created', { name: company.name }));
      form.resetFields();
      onDone();
    },
    onError: (e) => {
      const fields = problemFieldErrors(e, t);
      if (fields.length) setFieldErrors(form, fields);
      else void message.error(errorMessage(e, t));
    },
  });
  const submit = (values: Values) => {
    const parsed = createCompanyBodySchema.safeParse(values);
    if (!parsed.success) setFieldErrors(form, zodFieldErrors(parsed.error, t));
    else mutation.mutate(parsed.data);
  };
  return { form, mutation, submit };
}

function CompanyNameForm({
  form,
  submit,
  formName,
}: Pick<ReturnType<typeof useCreateCompany>, 'form' | 'submit'> & { formName: string }) {
  const { t } = useTranslation();
  return (
    <Form
      form={form}
      name={formName}
      layout="vertical"
      onFinish={submit}
      onValuesChange={clearErrorsOnEdit(form)}
      requiredMark={false}
    >
      <Form.Item name="name" label={t('company.name')} extra={t('company.nameHelp')}>
        <Input autoComplete="organization" maxLength={120} />
      </Form.Item>
    </Form>
  );
}

/** Dialog to create another company; the creator becomes its owner and it becomes the current one. */
export function CreateCompanyModal({
  open,
  onClose,
}: {
  open: boolean;
  onClose: (created: boolean) => void;
}) {
  const { t } = useTranslation();
  const { form, mutation, submit } = useCreateCompany(() => onClose(true));
  return (
    <Modal
      open={open}
      title={t('company.create')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('company.createHelp')}</Typography.Paragraph>
      <CompanyNameForm form={form} submit={submit} formName="new-company-modal" />
    </Modal>
  );
}

/** Shown when the user belongs to no company (e.g. after being removed from their only one). */
export function CreateCompanyCard() {
  const { t } = useTranslation();
  const { form, mutation, submit } = useCreateCompany(() => undefined);
  return (
    <Panel title={t('company.noneTitle')} style={{ maxWidth: 560 }}>
      <Typography.Paragraph>{t('company.noneHelp')}</Typography.Paragraph>
      <CompanyNameForm form={form} submit={submit} formName="new-company" />
      <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
        {t('common.create')}
      </Button>
    </Panel>
  );
}
