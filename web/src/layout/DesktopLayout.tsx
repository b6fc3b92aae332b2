import { useState } from 'react';
import { Button, Layout } from 'antd';
import { Outlet } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { MenuIcon } from '../components/icons.tsx';
import { Brand } from './Brand.tsx';
import { SideNav } from './SideNav.tsx';
import { UserMenu } from './UserMenu.tsx';

/** ≥ 768 px: collapsible sidebar, header with the user menu. */
export default function DesktopLayout() {
  const { t } = useTranslation();
  const [collapsed, setCollapsed] = useState(false);
  return (
    <Layout className="app-shell">
      <Layout.Sider theme="light" width={208} collapsedWidth={64} collapsed={collapsed} trigger={null} className="app-sider">
        <div className="app-sider__brand">
          <Brand short={collapsed} />
        </div>
        <SideNav />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Button
            type="text"
            icon={<MenuIcon />}
            aria-label={t(collapsed ? 'nav.expand' : 'nav.collapse')}
            aria-expanded={!collapsed}
            onClick={() => setCollapsed((value) => !value)}
          />
          <UserMenu />
        </Layout.Header>
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
