import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../lib/panel.tsx';
import { LanguageSwitch } from '../../shell/language-switch.tsx';

/** Centered card for the pages before login (login, sign-up, invitation). */
export function AuthLayout({
  title,
  intro,
  children,
}: {
  title: string;
  intro: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div style={{ minHeight: '100vh', background: '#f5f7f7', padding: '24px 12px' }}>
      <div style={{ maxWidth: 440, margin: '0 auto' }}>
        <div
          style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 16 }}
        >
          <div>
            <Typography.Title level={3} style={{ margin: 0, color: '#0f766e' }}>
              Pacer
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </div>
          <LanguageSwitch />
        </div>
        <Panel>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {title}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
          {children}
        </Panel>
      </div>
    </div>
  );
}
