import { Button, Drawer, Grid, Layout, Menu, type MenuProps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { currentCompanyOf, roleCan, useSession } from '../api/session.ts';
import { changeLanguage, currentLanguage } from '../i18n/index.ts';
import { CompanySwitcher } from './company-switcher.tsx';
import { CreateCompanyCard } from './create-company.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { UserMenu } from './user-menu.tsx';

const { Header, Sider, Content } = Layout;

function useNavItems(): MenuProps['items'] {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const company = currentCompanyOf(session);
  const companyItems = company
    ? [
        ...(roleCan(company?.role, 'goals.read') ? [{ key: '/goals', label: t('nav.goals') }] : []),
        ...(roleCan(company?.role, 'goals.read') ? [{ key: '/plans', label: t('nav.plans') }] : []),
        { key: '/profile', label: t('nav.profile') },
        { key: '/market', label: t('nav.market') },
        ...(roleCan(company?.role, 'kpi.read') ? [{ key: '/kpi', label: t('nav.kpi') }] : []),
        ...(roleCan(company?.role, 'data.import') ? [{ key: '/imports', label: t('nav.imports') }] : []),
        { key: '/catalog', label: t('nav.catalog') },
        { key: '/team', label: t('nav.team') },
        ...(roleCan(company?.role, 'tokens.manage') ? [{ key: '/tokens', label: t('nav.tokens') }] : []),
        ...(roleCan(company?.role, 'audit.read') ? [{ key: '/audit', label: t('nav.audit') }] : []),
      ]
    : [];
  return [...companyItems, { key: '/account', label: t('nav.account') }];
}

function MenuIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M3 6h18M3 12h18M3 18h18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

/** The app frame: header (company, language, user), navigation as a sider on wide screens and a drawer on phones. */
export function AppShell() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const wide = screens.md ?? true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const items = useNavItems();
  const { data: session } = useSession();
  const company = currentCompanyOf(session);
  const selected = `/${location.pathname.split('/')[1] ?? ''}`;
  const accountLocale = session?.user.locale;

  // The account's language wins on load (login saves the language chosen on the login page to it,
  // the switch in the header saves each change), so every browser shows the person's own choice.
  useEffect(() => {
    if (accountLocale && accountLocale !== currentLanguage()) {
      void changeLanguage(accountLocale);
    }
  }, [accountLocale]);

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[selected]}
      items={items}
      aria-label={t('nav.label')}
      onClick={({ key }) => {
        setDrawerOpen(false);
        void navigate(key);
      }}
      style={{ borderInlineEnd: 0 }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          paddingInline: wide ? 24 : 12,
          background: '#fff',
          borderBottom: '1px solid #f0f0f0',
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        {!wide && (
          <Button
            type="text"
            icon={<MenuIcon />}
            aria-label={t('nav.open')}
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <Typography.Text strong style={{ fontSize: 18, color: '#0f766e', whiteSpace: 'nowrap' }}>
          Pacer
        </Typography.Text>
        <div style={{ flex: 1, minWidth: 0 }}>
          <CompanySwitcher compact={!wide} />
        </div>
        <LanguageSwitch compact={!wide} />
        <UserMenu />
      </Header>
      <Layout>
        {wide ? (
          <Sider width={220} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
            {menu}
          </Sider>
        ) : (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            title={t('nav.label')}
            size={260}
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        )}
        <Content style={{ padding: wide ? 24 : 12, maxWidth: 1200, width: '100%', minWidth: 0 }}>
          {company || selected === '/account' ? <Outlet /> : <CreateCompanyCard />}
        </Content>
      </Layout>
    </Layout>
  );
}
