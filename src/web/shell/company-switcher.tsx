import { useMutation } from '@tanstack/react-query';
import { App, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Session } from '../../contract/auth.ts';
import { api } from '../api/client.ts';
import { useApplySession, useSession } from '../api/session.ts';
import { errorMessage } from '../lib/form-errors.ts';
import { CreateCompanyModal } from './create-company.tsx';

const CREATE = '__create__';

/** Header select listing the user's companies; choosing one switches the session's current company. */
export function CompanySwitcher({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: session } = useSession();
  const applySession = useApplySession();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);

  const switchCompany = useMutation({
    mutationFn: (companyId: string) => api.post<Session>('/api/auth/switch-company', { companyId }),
    onSuccess: (s) => {
      applySession(s);
      const name = s.memberships.find((m) => m.companyId === s.currentCompanyId)?.companyName ?? '';
      void message.success(t('company.switched', { name }));
    },
    onError: (e) => void message.error(errorMessage(e, t)),
  });

  if (!session) return null;
  const options = [
    ...session.memberships.map((m) => ({
      value: m.companyId,
      label: compact ? m.companyName : `${m.companyName} · ${t(`roles.${m.role}`)}`,
    })),
    { value: CREATE, label: `+ ${t('company.create')}` },
  ];

  return (
    <>
      <Select
        aria-label={t('company.switcherLabel')}
        data-testid="company-switcher"
        value={session.currentCompanyId ?? undefined}
        placeholder={t('company.choose')}
        options={options}
        loading={switchCompany.isPending}
        style={{ width: '100%', maxWidth: compact ? 180 : 320 }}
        popupMatchSelectWidth={false}
        onChange={(value: string) => {
          if (value === CREATE) setCreating(true);
          else if (value !== session.currentCompanyId) switchCompany.mutate(value);
        }}
      />
      <CreateCompanyModal
        open={creating}
        onClose={(created) => {
          setCreating(false);
          if (created) void navigate('/profile');
        }}
      />
    </>
  );
}
