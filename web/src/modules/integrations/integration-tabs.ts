/**
 * The integration center's pages, in tab order: the one list the tab bar (IntegrationsPage frame)
 * and the route table follow. Each label is a full message id; a page from another module (the file
 * import, /integrations/imports) adds its entry here with a label from a catalog its route loads.
 */
export interface IntegrationTab {
  key: string;
  path: string;
  /** A message id, e.g. `integrations.tabs.channels`. */
  label: string;
}

export const integrationTabs: readonly IntegrationTab[] = [
  { key: 'channels', path: '/integrations/channels', label: 'integrations.tabs.channels' },
  { key: 'deadLetters', path: '/integrations/dead-letters', label: 'integrations.tabs.deadLetters' },
  { key: 'review', path: '/integrations/review', label: 'integrations.tabs.review' },
  { key: 'deliveries', path: '/integrations/deliveries', label: 'integrations.tabs.deliveries' },
  { key: 'consistency', path: '/integrations/consistency', label: 'integrations.tabs.consistency' },
  // the file import page belongs to modules/imports
  { key: 'imports', path: '/integrations/imports', label: 'integrations.tabs.imports' },
];
