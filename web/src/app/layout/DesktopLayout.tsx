import { useState, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { usePermission } from '../../modules/auth/permissions.ts';
import { MenuIcon } from '../ui/icons.tsx';
import { useTranslation } from '../i18n/index.ts';
import { isActivePath, NavLink } from '../routing/router.tsx';
import { Brand } from './Brand.tsx';
import { deskAdminItems, deskSideItems } from './deskNavItems.tsx';
import type { NavItem } from './navItems.ts';
import { UserMenu } from './UserMenu.tsx';

const COLLAPSED_KEY = 'cairn.sider';

/** ≥ 768 px: collapsible sidebar and a header with the user menu. Plain React; antd pages bring their own provider. */
export default function DesktopLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const can = usePermission();
  const sideLinks = deskSideItems.filter((item) => item.visible?.(can) ?? true);
  const adminLinks = deskAdminItems.filter((item) => item.visible?.(can) ?? true);
  const [pathname] = useLocation();
  // A link whose page lies under another link's path (自动化 → 智能按钮) takes the highlight from it.
  const shadowed = (path: string) =>
    [...sideLinks, ...adminLinks].some(
      (other) => other.path.startsWith(`${path}/`) && isActivePath(pathname, other.path),
    );
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1');
  const toggle = () =>
    setCollapsed((value) => {
      localStorage.setItem(COLLAPSED_KEY, value ? '0' : '1');
      return !value;
    });

  const link = ({ key, path, Icon }: NavItem) => (
    <li key={key}>
      <NavLink
        to={path}
        end={shadowed(path)}
        className={({ isActive }) => (isActive ? 'side-nav__link is-active' : 'side-nav__link')}
        title={collapsed ? t(`nav.${key}`) : undefined}
      >
        <Icon className="side-nav__icon" />
        <span className={collapsed ? 'sr-only' : undefined}>{t(`nav.${key}`)}</span>
      </NavLink>
    </li>
  );

  return (
    <div className={collapsed ? 'd-shell is-collapsed' : 'd-shell'}>
      <a href="#main" className="skip-link">
        {t('nav.skip')}
      </a>
      <aside className="d-sider">
        <div className="d-sider__brand">
          <Brand short={collapsed} />
        </div>
        <nav aria-label={t('nav.main')} className="side-nav">
          <ul>{sideLinks.map(link)}</ul>
          {adminLinks.length > 0 && (
            <>
              <p className={collapsed ? 'sr-only' : 'side-nav__group'} id="nav-admin">
                {t('nav.admin')}
              </p>
              <ul aria-labelledby="nav-admin">{adminLinks.map(link)}</ul>
            </>
          )}
        </nav>
      </aside>
      <div className="d-main">
        <header className="d-header">
          <button
            type="button"
            className="icon-btn"
            aria-label={t(collapsed ? 'nav.expand' : 'nav.collapse')}
            aria-expanded={!collapsed}
            onClick={toggle}
          >
            <MenuIcon />
          </button>
          <UserMenu />
        </header>
        <main id="main" className="d-content" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
