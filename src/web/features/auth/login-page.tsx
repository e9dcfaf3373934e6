import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { type LoginBody, loginBodySchema, type Session } from '../../../contract/auth.ts';
import type { Locale } from '../../../contract/common.ts';
import { api, setCsrfToken } from '../../api/client.ts';
import { useApplySession, useSession } from '../../api/session.ts';
import { storedLanguage } from '../../i18n/index.ts';
import { clearErrorsOnEdit, errorMessage, setFieldErrors, zodFieldErrors } from '../../lib/form-errors.ts';
import { safeNext } from '../../lib/home.ts';
import { AuthLayout } from './auth-layout.tsx';

/**
 * Logs in and keeps the language chosen in this browser (on this page or before): the account's
 * saved language is set to it, before the session is applied, so the account's older choice never
 * flashes in. A browser where nobody chose a language follows the account's (see the app shell).
 */
async function logIn(body: LoginBody, language: Locale | null): Promise<Session> {
  const session = await api.post<Session>('/api/auth/login', language ? { ...body, locale: language } : body);
  if (language === null || session.user.locale === language) return session;
  setCsrfToken(session.csrfToken);
  return api.patch<Session>('/api/auth/me', { locale: language });
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
    mutationFn: (body: LoginBody) => logIn(body, storedLanguage()),
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
      <Form
        form={form}
        name="login"
        layout="vertical"
        onFinish={submit}
        onValuesChange={clearErrorsOnEdit(form)}
        // our own message in the UI's language, not the browser's bubble in the browser's
        noValidate
        requiredMark={false}
      >
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
