import { useTranslation } from '../i18n/index.ts';
import { NavLink } from '../routing/router.tsx';
import { tabItems } from './navItems.ts';

/** Phone navigation: four tabs, each a full-height touch target (≥ 44 px, see .tabbar in styles.css). */
export function BottomTabBar() {
  const { t } = useTranslation();
  return (
    <nav className="tabbar" aria-label={t('nav.main')}>
      <ul>
        {tabItems.map(({ key, path, Icon }) => (
          <li key={key}>
            <NavLink to={path} className={({ isActive }) => (isActive ? 'tabbar__link is-active' : 'tabbar__link')}>
              <Icon className="tabbar__icon" />
              <span>{t(`nav.${key}`)}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
