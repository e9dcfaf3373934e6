import { useMutation } from '@tanstack/react-query';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../contract/auth.ts';
import type { Locale } from '../../contract/common.ts';
import { api } from '../api/client.ts';
import { useApplySession, useSession } from '../api/session.ts';
import { changeLanguage, currentLanguage, isLocale } from '../i18n/index.ts';

/**
 * zh-TW / English switch: remembered in this browser and saved to the user's account when logged in;
 * a choice remembered in this browser (made on the login page, say) is saved to the account at login.
 */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const { data: session } = useSession();
  const applySession = useApplySession();
  const save = useMutation({
    mutationFn: (locale: Locale) => api.patch<Session>('/api/auth/me', { locale }),
    onSuccess: (s) => applySession(s),
  });
  const value = isLocale(i18n.language) ? i18n.language : currentLanguage();
  return (
    <Segmented<Locale>
      aria-label={t('language.label')}
      size={compact ? 'small' : 'middle'}
      value={value}
      options={[
        { value: 'zh-TW', label: '中文' },
        { value: 'en', label: 'EN' },
      ]}
      onChange={(lang) => {
        void changeLanguage(lang);
        if (session && session.user.locale !== lang) save.mutate(lang);
      }}
    />
  );
}
