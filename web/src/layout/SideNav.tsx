import { Menu } from 'antd';
import { NavLink, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { activeNavKey, navItems } from './navItems.ts';

export function SideNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const active = activeNavKey(pathname);
  return (
    <nav aria-label={t('nav.main')}>
      <Menu
        mode="inline"
        selectedKeys={active ? [active] : []}
        items={navItems
          .filter((item) => !item.mobileOnly)
          .map(({ key, path, Icon }) => ({
            key,
            icon: <Icon className="nav-icon" />,
            label: <NavLink to={path}>{t(`nav.${key}`)}</NavLink>,
          }))}
      />
    </nav>
  );
}
