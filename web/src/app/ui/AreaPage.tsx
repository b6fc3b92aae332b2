import type { ReactNode } from 'react';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { NavLink } from '../routing/router.tsx';
import './area-page.css';

export interface AreaTab {
  key: string;
  path: string;
  /** The tab's text, already translated. */
  label: string;
}

/**
 * The frame of a desk area's pages (集成中心, 报表): an optional area name, the area's tab bar,
 * the page title with its actions, an intro, then the page.
 */
export function AreaPage({
  area,
  tabs,
  tabsLabel,
  title,
  intro,
  actions,
  children,
}: {
  area?: string;
  tabs: readonly AreaTab[];
  tabsLabel: string;
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  useDocumentTitle(title);
  return (
    <div className="page page--wide area-page">
      {area && <p className="area-page__area">{area}</p>}
      <nav aria-label={tabsLabel} className="area-tabs">
        <ul>
          {tabs.map((tab) => (
            <li key={tab.key}>
              <NavLink
                to={tab.path}
                className={({ isActive }) => (isActive ? 'area-tabs__link is-active' : 'area-tabs__link')}
              >
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="page__head">
        <h1 className="page__title">{title}</h1>
        {actions && <div className="page__actions">{actions}</div>}
      </div>
      {intro && <p className="area-page__intro">{intro}</p>}
      {children}
    </div>
  );
}
