/**
 * The app's real labels, from its message catalogs: a locator built from `label('common.save')`
 * matches exactly "保存" or "Save", so a renamed button fails the test instead of matching a synonym.
 */
import type { MessageKey } from '../../web/src/app/i18n/index.ts';
import enCore from '../../web/src/app/i18n/messages/en-US.core.ts';
import enMore from '../../web/src/app/i18n/messages/en-US.more.ts';
import zhCore from '../../web/src/app/i18n/messages/zh-CN.core.ts';
import zhMore from '../../web/src/app/i18n/messages/zh-CN.more.ts';
import type { IntegrationsKey } from '../../web/src/modules/integrations/i18n/index.ts';
import enIntegrations from '../../web/src/modules/integrations/i18n/en-US.ts';
import zhIntegrations from '../../web/src/modules/integrations/i18n/zh-CN.ts';
import type { ReportsKey } from '../../web/src/modules/reports/i18n/index.ts';
import enReports from '../../web/src/modules/reports/i18n/en-US.ts';
import zhReports from '../../web/src/modules/reports/i18n/zh-CN.ts';
import type { AutomationKey } from '../../web/src/modules/automation/i18n/index.ts';
import enAutomation from '../../web/src/modules/automation/i18n/en-US.ts';
import zhAutomation from '../../web/src/modules/automation/i18n/zh-CN.ts';

type Tree = { readonly [key: string]: string | Tree };

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function lookup(trees: Tree[], key: string): string {
  for (const tree of trees) {
    let node: string | Tree | undefined = tree;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node === 'string') return node;
  }
  throw new Error(`no message ${key}`);
}

/** The zh-CN and en-US text of a message (placeholders left as written). */
export const messageText = (key: MessageKey) => ({
  zh: lookup([zhCore, zhMore], key),
  en: lookup([enCore, enMore], key),
});

/**
 * Exactly the message, in either language; `before` / `after` are what the UI puts around it
 * (e.g. `before: '+'` for "+ 新建客户", `before: '*'` for a required field's label, `after: <record name>`
 * for an accessible name such as "删除 <name>"). `within: true` matches the message inside a longer text.
 */
export function label(key: MessageKey, { before = '', after = '', within = false } = {}): RegExp {
  const { zh, en } = messageText(key);
  const around = (text: string) => [before, text, after].filter(Boolean).map(escapeRegExp).join('\\s*');
  const either = `(?:${around(zh)}|${around(en)})`;
  return new RegExp(within ? either : `^\\s*${either}\\s*$`);
}

/** `label()` for a message of the integration center's catalog (ids under `integrations.`, given without it). */
export function integrationsLabel(key: IntegrationsKey, { before = '', after = '', within = false } = {}): RegExp {
  const zh = lookup([zhIntegrations], key);
  const en = lookup([enIntegrations], key);
  const around = (text: string) => [before, text, after].filter(Boolean).map(escapeRegExp).join('\\s*');
  const either = `(?:${around(zh)}|${around(en)})`;
  return new RegExp(within ? either : `^\\s*${either}\\s*$`);
}

/** `label()` for a message of the reports catalog (ids under `reports.`, given without it). */
export function reportsLabel(key: ReportsKey, { before = '', after = '', within = false } = {}): RegExp {
  const zh = lookup([zhReports], key);
  const en = lookup([enReports], key);
  const around = (text: string) => [before, text, after].filter(Boolean).map(escapeRegExp).join('\\s*');
  const either = `(?:${around(zh)}|${around(en)})`;
  return new RegExp(within ? either : `^\\s*${either}\\s*$`);
}

/** `label()` for a message of the automation catalog (ids under `automation.`, given without it); `{place}`-style values filled in. */
export function automationLabel(
  key: AutomationKey,
  { before = '', values = {} as Record<string, string | number> } = {},
): RegExp {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (m, name: string) => String(values[name] ?? m));
  const zh = fill(lookup([zhAutomation], key));
  const en = fill(lookup([enAutomation], key));
  const around = (text: string) => [before, text].filter(Boolean).map(escapeRegExp).join('\\s*');
  return new RegExp(`^\\s*(?:${around(zh)}|${around(en)})\\s*$`);
}
