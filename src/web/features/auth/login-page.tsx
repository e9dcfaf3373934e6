import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { type LoginBody, loginBodySchema, type Session } from '../../../contract/auth.ts';
import { api } from '../../api/client.ts';
import { useApplySession, useSession } from '../../api/session.ts';
import { errorMessage, setFieldErrors, zodFieldErrors } from '../../lib/form-errors.ts';
import { AuthLayout } from './auth-layout.tsx';

/** Only same-site paths are accepted as a place to return to after login. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/profile';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginBody>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { data: session } = useSession();
  const applySession = useApplySession();
  const next = safeNext(params.get('next'));
  const login = useMutation({
    mutationFn: (body: LoginBody) => api.post<Session>('/api/auth/login', body),
    onSuccess: (s) => {
      applySession(s);
      void navigate(next, { replace: true });
    },
  });
  if (session && !login.isPending) return <Navigate to={next} replace />;

  const submit = (values: LoginBody) => {
    const parsed = loginBodySchema.safeParse(values);
    if (!parsed.success) setFieldErrors(form, zodFieldErrors(parsed.error, t));
    else login.mutate(parsed.data);
  };

  return (
    <AuthLayout title={t('auth.loginTitle')} intro={t('auth.loginIntro')}>
      {login.error && (
        <Alert type="error" showIcon title={errorMessage(login.error, t)} style={{ marginBottom: 16 }} />
      )}
      <Form form={form} name="login" layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="email" label={t('auth.email')}>
          <Input type="email" autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending}>
          {t('auth.login')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t('auth.noAccount')} <Link to="/signup">{t('auth.signupLink')}</Link>
      </Typography.Paragraph>
    </AuthLayout>
  );
}
