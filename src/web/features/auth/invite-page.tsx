import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { PASSWORD_MIN, type Session } from '../../../contract/auth.ts';
import { acceptInvitationBodySchema, type invitationPreviewSchema } from '../../../contract/members.ts';
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
import { HOME_PATH } from '../../lib/home.ts';
import { Notice } from '../../lib/notice.tsx';
import { PageLoading } from '../../lib/page-loading.tsx';
import { AuthLayout } from './auth-layout.tsx';

type Preview = z.infer<typeof invitationPreviewSchema>;
interface NewAccount {
  name: string;
  password: string;
}

export default function InvitePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<NewAccount>();
  const { data: session, isPending: sessionPending } = useSession();
  const applySession = useApplySession();
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.get<Preview>(`/api/invitations/${encodeURIComponent(token)}`),
  });
  const accept = useMutation({
    mutationFn: (body: Partial<NewAccount>) =>
      api.post<Session>(`/api/invitations/${encodeURIComponent(token)}/accept`, body),
    onSuccess: (s) => {
      applySession(s);
      void navigate(HOME_PATH, { replace: true });
    },
    onError: (e) => {
      const fields = problemFieldErrors(e, t);
      if (fields.length) setFieldErrors(form, fields);
    },
  });

  if (preview.isPending || sessionPending) return <PageLoading />;
  if (preview.isError) {
    return (
      <AuthLayout title={t('invite.title')} intro={t('invite.intro')}>
        <Notice
          title={t('invite.invalidTitle')}
          text={errorMessage(preview.error, t)}
          extra={<Link to="/login">{t('auth.loginLink')}</Link>}
        />
      </AuthLayout>
    );
  }
  const inv = preview.data;
  const lang = currentLanguage();
  const details = (
    <Descriptions
      column={1}
      size="small"
      bordered
      style={{ marginBottom: 16 }}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      items={[
        {
          key: 'company',
          label: t('invite.company'),
          children: <span data-testid="invite-company">{inv.companyName}</span>,
        },
        {
          key: 'role',
          label: t('invite.role'),
          children: `${t(`roles.${inv.role}`)} — ${t(`roleHelp.${inv.role}`)}`,
        },
        { key: 'email', label: t('auth.email'), children: inv.email },
        { key: 'by', label: t('invite.invitedBy'), children: inv.invitedBy },
        { key: 'exp', label: t('invite.expires'), children: formatDateTime(inv.expiresAt, lang) },
      ]}
    />
  );
  const errorAlert = accept.error && problemFieldErrors(accept.error, t).length === 0 && (
    <Alert type="error" showIcon title={errorMessage(accept.error, t)} style={{ marginBottom: 16 }} />
  );

  if (session) {
    const otherEmail = session.user.email.toLowerCase() !== inv.email.toLowerCase();
    return (
      <AuthLayout title={t('invite.title')} intro={t('invite.introLoggedIn', { company: inv.companyName })}>
        {details}
        {otherEmail && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('invite.otherAccount', { current: session.user.email, invited: inv.email })}
          />
        )}
        {errorAlert}
        <Button type="primary" block loading={accept.isPending} onClick={() => accept.mutate({})}>
          {t('invite.join', { company: inv.companyName })}
        </Button>
      </AuthLayout>
    );
  }

  if (inv.accountExists) {
    return (
      <AuthLayout title={t('invite.title')} intro={t('invite.introExisting', { company: inv.companyName })}>
        {details}
        <Link to={`/login?next=${encodeURIComponent(`/invite/${token}`)}`}>
          <Button type="primary" block>
            {t('invite.loginToAccept')}
          </Button>
        </Link>
      </AuthLayout>
    );
  }

  const submit = (values: NewAccount) => {
    const schema = acceptInvitationBodySchema.required();
    const parsed = schema.safeParse(values);
    if (!parsed.success) setFieldErrors(form, zodFieldErrors(parsed.error, t));
    else accept.mutate(parsed.data);
  };

  return (
    <AuthLayout title={t('invite.title')} intro={t('invite.introNew', { company: inv.companyName })}>
      {details}
      {errorAlert}
      <Form
        form={form}
        name="accept"
        layout="vertical"
        onFinish={submit}
        onValuesChange={clearErrorsOnEdit(form)}
        requiredMark={false}
      >
        <Form.Item name="name" label={t('auth.name')}>
          <Input autoComplete="name" maxLength={100} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          extra={t('auth.passwordHelp', { min: PASSWORD_MIN })}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={accept.isPending}>
          {t('invite.createAndJoin')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
