import type { ReactNode } from 'react';
import { AreaPage } from '../../../app/ui/AreaPage.tsx';
import { useAutomationT, type AutomationKey } from '../i18n/index.ts';
import '../automation.css';

export const automationTabs: ReadonlyArray<{ key: string; path: string; label: AutomationKey }> = [
  { key: 'rules', path: '/automation/rules', label: 'tabs.rules' },
  { key: 'smartButtons', path: '/automation/smart-buttons', label: 'tabs.smartButtons' },
];

/** The frame of every 自动化 page: the area's name, tab bar, title, intro and actions. */
export function AutomationPage(props: { title: string; intro?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  const { t } = useAutomationT();
  const tabs = automationTabs.map((tab) => ({ ...tab, label: t(tab.label) }));
  return <AreaPage area={t('title')} tabs={tabs} tabsLabel={t('tabs.label')} {...props} />;
}

/** A value as indented JSON, opened on demand; `summary` names it. */
export function JsonView({ value, summary }: { value: unknown; summary: string }) {
  return (
    <details className="auto-json">
      <summary>{summary}</summary>
      <pre>{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}
