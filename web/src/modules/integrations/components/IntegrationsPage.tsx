import type { ReactNode } from 'react';
import { useDocumentTitle } from '../../../app/hooks/useDocumentTitle.ts';
import { translate } from '../../../app/i18n/index.ts';
import { NavLink } from '../../../app/routing/router.tsx';
import { useIntegrationsT } from '../i18n/index.ts';
import { integrationTabs } from '../integration-tabs.ts';
import '../integrations.css';

/** The frame of every 集成中心 page: title, the pages' tab bar (integration-tabs.ts), intro and actions. */
export function IntegrationsPage({
  title,
  intro,
  actions,
  children,
}: {
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useIntegrationsT();
  useDocumentTitle(title);
  return (
    <div className="page page--wide int-page">
      <p className="int-page__center">{t('title')}</p>
      <nav aria-label={t('tabs.label')} className="int-tabs">
        <ul>
          {integrationTabs.map((tab) => (
            <li key={tab.key}>
              <NavLink
                to={tab.path}
                className={({ isActive }) => (isActive ? 'int-tabs__link is-active' : 'int-tabs__link')}
              >
                {translate(tab.label, { defaultValue: tab.key })}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="page__head">
        <h1 className="page__title">{title}</h1>
        {actions && <div className="page__actions">{actions}</div>}
      </div>
      {intro && <p className="int-intro">{intro}</p>}
      {children}
    </div>
  );
}

const PREVIEW_LENGTH = 60;

/** A payload: a one-line preview of its values, the whole as indented JSON when opened. */
export function PayloadView({ payload }: { payload: unknown }) {
  const { t } = useIntegrationsT();
  const values = payload && typeof payload === 'object' ? Object.values(payload) : [payload];
  const preview = values
    .filter((v) => v !== '' && v !== null && v !== undefined)
    .map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
    .join(' · ');
  return (
    <details className="int-payload">
      <summary>
        <span className="sr-only">{t('common.payload')}: </span>
        {preview.length > PREVIEW_LENGTH ? `${preview.slice(0, PREVIEW_LENGTH)}…` : preview || t('common.payload')}
      </summary>
      <pre>{JSON.stringify(payload, null, 2)}</pre>
    </details>
  );
}
