import { Link, Outlet } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session.ts';
import { BottomTabBar } from './BottomTabBar.tsx';
import { Brand } from './Brand.tsx';

/**
 * < 768 px: compact header and a bottom tab bar. The "我的" tab is the user menu here
 * (profile, language, sign-out), so this shell needs no antd Menu/Dropdown.
 */
export default function MobileLayout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const initial = me?.displayName.slice(0, 1).toUpperCase() ?? '';
  return (
    <div className="m-shell">
      <header className="m-header">
        <Brand />
        <Link to="/me" className="m-header__me" aria-label={t('user.menu')}>
          <span className="m-header__avatar" aria-hidden="true">
            {initial}
          </span>
        </Link>
      </header>
      <main className="m-content">
        <Outlet />
      </main>
      <BottomTabBar />
    </div>
  );
}
