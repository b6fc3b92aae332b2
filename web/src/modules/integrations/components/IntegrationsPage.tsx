import type { ReactNode } from 'react';
import { translate } from '../../../app/i18n/index.ts';
import { AreaPage } from '../../../app/ui/AreaPage.tsx';
import { useIntegrationsT } from '../i18n/index.ts';
import { integrationTabs } from '../integration-tabs.ts';
import '../integrations.css';

/** The frame of every 集成中心 page: the area's tab bar (integration-tabs.ts), title, intro and actions. */
export function IntegrationsPage(props: {
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useIntegrationsT();
  const tabs = integrationTabs.map((tab) => ({ ...tab, label: translate(tab.label, { defaultValue: tab.key }) }));
  return <AreaPage area={t('title')} tabs={tabs} tabsLabel={t('tabs.label')} {...props} />;
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
