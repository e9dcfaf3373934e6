import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { PASSWORD_MIN, type Session, type SignupBody, signupBodySchema } from '../../../contract/auth.ts';
import { api } from '../../api/client.ts';
import { useApplySession, useSession } from '../../api/session.ts';
import { currentLanguage } from '../../i18n/index.ts';
import {
  clearErrorsOnEdit,
  errorMessage,
  problemFieldErrors,
  setFieldErrors,
  zodFieldErrors,
} from '../../lib/form-errors.ts';
import { AuthLayout } from './auth-layout.tsx';

export default function SignupPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<SignupBody>();
  const navigate = useNavigate();
  const { data: session } = useSession();
  const applySession = useApplySession();
  const signup = useMutation({
    mutationFn: (body: SignupBody) => api.post<Session>('/api/auth/signup', body),
    onSuccess: (s) => {
      applySession(s);
      void navigate('/profile', { replace: true });
    },
    onError: (e) => {
      const fields = problemFieldErrors(e, t);
      if (fields.length) setFieldErrors(form, fields);
    },
  });
  if (session && !signup.isPending) return <Navigate to="/profile" replace />;

  const submit = (values: SignupBody) => {
    const parsed = signupBodySchema.safeParse({ ...values, locale: currentLanguage() });
    if (!parsed.success) setFieldErrors(form, zodFieldErrors(parsed.error, t));
    else signup.mutate(parsed.data);
  };

  return (
    <AuthLayout title={t('auth.signupTitle')} intro={t('auth.signupIntro')}>
      {signup.error && problemFieldErrors(signup.error, t).length === 0 && (
        <Alert type="error" showIcon title={errorMessage(signup.error, t)} style={{ marginBottom: 16 }} />
      )}
      <Form
        form={form}
        name="signup"
        layout="vertical"
        onFinish={submit}
        onValuesChange={clearErrorsOnEdit(form)}
        // our own message in the UI's language, not the browser's bubble in the browser's
        noValidate
        requiredMark={false}
      >
        <Form.Item name="companyName" label={t('company.name')} extra={t('company.nameHelp')}>
          <Input autoComplete="organization" maxLength={120} />
        </Form.Item>
        <Form.Item name="name" label={t('auth.name')}>
          <Input autoComplete="name" maxLength={100} />
        </Form.Item>
        <Form.Item name="email" label={t('auth.email')}>
          <Input type="email" autoComplete="email" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          extra={t('auth.passwordHelp', { min: PASSWORD_MIN })}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={signup.isPending}>
          {t('auth.signup')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t('auth.haveAccount')} <Link to="/login">{t('auth.loginLink')}</Link>
      </Typography.Paragraph>
    </AuthLayout>
  );
}
