import { useMutation } from '@tanstack/react-query';
import { App, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { useApplySession, useSession } from '../api/session.ts';
import { errorMessage } from '../lib/form-errors.ts';

export function UserMenu() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: session } = useSession();
  const applySession = useApplySession();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    onSuccess: () => {
      // A full page load drops everything the previous user had in memory; the next person to log in
      // starts from their own profile, not from this page.
      applySession(null);
      window.location.replace('/login');
    },
    onError: (e) => void message.error(errorMessage(e, t)),
  });
  if (!session) return null;
  const initial = session.user.name.trim().charAt(0).toUpperCase() || '?';
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', label: session.user.email, disabled: true },
          { type: 'divider' },
          { key: 'account', label: t('nav.account') },
          { key: 'logout', label: t('auth.logout'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'account') void navigate('/account');
          if (key === 'logout') logout.mutate();
        },
      }}
    >
      <Button shape="circle" aria-label={t('auth.userMenu')} data-testid="user-menu">
        {initial}
      </Button>
    </Dropdown>
  );
}
