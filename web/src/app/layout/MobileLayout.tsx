import type { ReactNode } from 'react';
import { useMe } from '../../modules/auth/session.ts';
import { useTranslation } from '../i18n/index.ts';
import { Link } from 'wouter';
import { BottomTabBar } from './BottomTabBar.tsx';
import { Brand } from './Brand.tsx';

/**
 * < 768 px: compact header and a bottom tab bar, plain React and CSS (no antd on the phone's
 * core screens). The "我的" tab is the user menu here (profile, language, sign-out); the header avatar is a second way there, named the same.
 */
export default function MobileLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const initial = me?.displayName.slice(0, 1).toUpperCase() ?? '';
  return (
    <div className="m-shell">
      <a href="#main" className="skip-link">
        {t('nav.skip')}
      </a>
      <header className="m-header">
        <Brand />
        <Link to="/me" className="m-header__me" aria-label={t('nav.me')}>
          <span className="m-header__avatar" aria-hidden="true">
            {initial}
          </span>
        </Link>
      </header>
      <main id="main" className="m-content" tabIndex={-1}>
        {children}
      </main>
      <BottomTabBar />
    </div>
  );
}
