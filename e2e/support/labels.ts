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
import type { SmartButtonAdminKey } from '../../web/src/modules/smart-buttons/i18n/index.ts';
import enSmartButtonAdmin from '../../web/src/modules/smart-buttons/i18n/en-US.ts';
import zhSmartButtonAdmin from '../../web/src/modules/smart-buttons/i18n/zh-CN.ts';
import type { FollowupTemplateKey } from '../../web/src/modules/followup-templates/i18n/index.ts';
import enFollowupTemplates from '../../web/src/modules/followup-templates/i18n/en-US.ts';
import zhFollowupTemplates from '../../web/src/modules/followup-templates/i18n/zh-CN.ts';

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

/** Either text exactly (or `within` a longer one), with what the UI puts `before` and `after` it. */
function exactly(zh: string, en: string, { before = '', after = '', within = false }): RegExp {
  const around = (text: string) => [before, text, after].filter(Boolean).map(escapeRegExp).join('\\s*');
  const either = `(?:${around(zh)}|${around(en)})`;
  return new RegExp(within ? either : `^\\s*${either}\\s*$`);
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
  return exactly(zh, en, { before, after, within });
}

/** `label()` for a message of the integration center's catalog (ids under `integrations.`, given without it). */
export function integrationsLabel(key: IntegrationsKey, { before = '', after = '', within = false } = {}): RegExp {
  const zh = lookup([zhIntegrations], key);
  const en = lookup([enIntegrations], key);
  return exactly(zh, en, { before, after, within });
}

/** `label()` for a message of the follow-up template catalog (ids under `followupTemplates.`, given without it). */
export function followupTemplatesLabel(
  key: FollowupTemplateKey,
  { before = '', after = '', within = false } = {},
): RegExp {
  const zh = lookup([zhFollowupTemplates], key);
  const en = lookup([enFollowupTemplates], key);
  return exactly(zh, en, { before, after, within });
}

/** `label()` for a message of the reports catalog (ids under `reports.`, given without it). */
export function reportsLabel(key: ReportsKey, { before = '', after = '', within = false } = {}): RegExp {
  const zh = lookup([zhReports], key);
  const en = lookup([enReports], key);
  return exactly(zh, en, { before, after, within });
}

/** A message with its `{name}` placeholders filled from `values` (unknown ones left as written). */
const fillValues = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (m, name: string) => String(values[name] ?? m));

/** `label()` for a message of the automation catalog (ids under `automation.`, given without it); `{place}`-style values filled in. */
export function automationLabel(
  key: AutomationKey,
  { before = '', after = '', values = {} as Record<string, string | number> } = {},
): RegExp {
  const zh = fillValues(lookup([zhAutomation], key), values);
  const en = fillValues(lookup([enAutomation], key), values);
  return exactly(zh, en, { before, after });
}

/** `label()` for a message of the smart-button admin catalog (ids under `smartButtonAdmin.`, given without it); `{n}`-style values filled in. */
export function smartButtonAdminLabel(
  key: SmartButtonAdminKey,
  { values = {} as Record<string, string | number>, within = false } = {},
): RegExp {
  const zh = fillValues(lookup([zhSmartButtonAdmin], key), values);
  const en = fillValues(lookup([enSmartButtonAdmin], key), values);
  return exactly(zh, en, { within });
}
