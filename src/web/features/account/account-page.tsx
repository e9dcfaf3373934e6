import { useMutation } from '@tanstack/react-query';
import { App, Button, Descriptions, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  changePasswordBodySchema,
  PASSWORD_MIN,
  type Session,
  updateMeBodySchema,
} from '../../../contract/auth.ts';
import { api } from '../../api/client.ts';
import { useApplySession, useSession } from '../../api/session.ts';
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

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

function NameCard({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const applySession = useApplySession();
  const [form] = Form.useForm<{ name: string }>();
  const rename = useMutation({
    mutationFn: (body: { name: string }) => api.patch<Session>('/api/auth/me', body),
    onSuccess: (s) => {
      applySession(s);
      void message.success(t('account.nameSaved'));
    },
    onError: (e) => {
      const fields = problemFieldErrors(e, t);
      if (fields.length) setFieldErrors(form, fields);
      else void message.error(errorMessage(e, t));
    },
  });
  const submit = (values: { name: string }) => {
    const parsed = updateMeBodySchema.required({ name: true }).safeParse(values);
    if (!parsed.success) setFieldErrors(form, zodFieldErrors(parsed.error, t));
    else rename.mutate({ name: parsed.data.name });
  };
  return (
    <Panel title={t('account.details')}>
      <Descriptions
        column={1}
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          { key: 'email', label: t('auth.email'), children: session.user.email },
          {
            key: 'since',
            label: t('account.since'),
            children: formatDateTime(session.user.createdAt, currentLanguage()),
          },
        ]}
      />
      <Form
        name="me"
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={clearErrorsOnEdit(form)}
        initialValues={{ name: session.user.name }}
        requiredMark={false}
      >
        <Form.Item name="name" label={t('auth.name')}>
          <Input maxLength={100} autoComplete="name" />
        </Form.Item>
        <Button htmlType="submit" loading={rename.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Panel>
  );
}

function PasswordCard({ email }: { email: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post<void>('/api/auth/password', body),
    onSuccess: () => {
      form.resetFields();
      void message.success(t('account.passwordChanged'));
    },
    onError: (e) => {
      const fields = problemFieldErrors(e, t);
      if (fields.length) setFieldErrors(form, fields);
      else void message.error(errorMessage(e, t));
    },
  });
  const submit = (values: PasswordValues) => {
    const parsed = changePasswordBodySchema.safeParse(values);
    if (!parsed.success) {
      setFieldErrors(form, zodFieldErrors(parsed.error, t));
      return;
    }
    if (values.confirm !== values.newPassword) {
      form.setFields([{ name: ['confirm'], errors: [t('account.mismatch')] }]);
      return;
    }
    change.mutate(parsed.data);
  };
  return (
    <Panel title={t('account.changePassword')}>
      <Form
        form={form}
        name="password"
        layout="vertical"
        onFinish={submit}
        onValuesChange={clearErrorsOnEdit(form)}
        requiredMark={false}
        style={{ maxWidth: 420 }}
      >
        {/* lets password managers know whose password this is */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <Form.Item name="currentPassword" label={t('account.currentPassword')}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('account.newPassword')}
          extra={t('auth.passwordHelp', { min: PASSWORD_MIN })}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label={t('account.confirmPassword')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('account.changePassword')}
        </Button>
      </Form>
    </Panel>
  );
}

export default function AccountPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  if (!session) return null;
  return (
    <>
      <PageHeader title={t('account.title')} help={t('account.help')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <NameCard session={session} />
        <PasswordCard email={session.user.email} />
      </Space>
    </>
  );
}
