import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCatalog, type MessageTree } from '../../../build/message-catalogs.ts';
import accessRolesEnUS from '../../modules/access/i18n/en-US.roles.ts';
import accessWorkflowsEnUS from '../../modules/access/i18n/en-US.workflows.ts';
import accessRolesZhCN from '../../modules/access/i18n/zh-CN.roles.ts';
import accessWorkflowsZhCN from '../../modules/access/i18n/zh-CN.workflows.ts';
import { loadAccessMessages } from '../../modules/access/i18n/catalog.ts';
import integrationsEnUS from '../../modules/integrations/i18n/en-US.ts';
import integrationsZhCN from '../../modules/integrations/i18n/zh-CN.ts';
import offlineEnUS from '../../modules/offline/i18n/en-US.ts';
import offlineZhCN from '../../modules/offline/i18n/zh-CN.ts';
import reportsEnUS from '../../modules/reports/i18n/en-US.ts';
import reportsZhCN from '../../modules/reports/i18n/zh-CN.ts';
import automationEnUS from '../../modules/automation/i18n/en-US.ts';
import automationZhCN from '../../modules/automation/i18n/zh-CN.ts';
import smartButtonAdminEnUS from '../../modules/smart-buttons/i18n/en-US.ts';
import smartButtonAdminZhCN from '../../modules/smart-buttons/i18n/zh-CN.ts';
import followupTemplatesEnUS from '../../modules/followup-templates/i18n/en-US.ts';
import followupTemplatesZhCN from '../../modules/followup-templates/i18n/zh-CN.ts';
import { currentLanguage, i18n, initI18n, loadMoreMessages, setLanguage, translate } from './index.ts';
import enCore from './messages/en-US.core.ts';
import enMore from './messages/en-US.more.ts';
import zhCore from './messages/zh-CN.core.ts';
import zhMore from './messages/zh-CN.more.ts';

const files: Array<[name: string, zh: MessageTree, en: MessageTree, namespace?: string]> = [
  ['core', zhCore, enCore],
  ['more', zhMore, enMore],
  ['access roles', accessRolesZhCN, accessRolesEnUS, 'access'],
  ['access workflows', accessWorkflowsZhCN, accessWorkflowsEnUS, 'access'],
  ['integrations', integrationsZhCN, integrationsEnUS, 'integrations'],
  ['reports', reportsZhCN, reportsEnUS, 'reports'],
  ['automation', automationZhCN, automationEnUS, 'automation'],
  ['smart-button admin', smartButtonAdminZhCN, smartButtonAdminEnUS, 'smartButtonAdmin'],
  ['offline', offlineZhCN, offlineEnUS, 'offline'],
  ['follow-up templates', followupTemplatesZhCN, followupTemplatesEnUS, 'followupTemplates'],
];

describe('message catalogs', () => {
  it.each(files)('%s: every message compiles, and both languages have the same ids', (_, zh, en, namespace) => {
    const zhIds = Object.keys(compileCatalog(zh, namespace)).sort();
    expect(zhIds.length).toBeGreaterThan(20);
    expect(Object.keys(compileCatalog(en, namespace)).sort()).toEqual(zhIds);
    if (namespace) expect(zhIds.every((id) => id.startsWith(`${namespace}.`))).toBe(true);
  });

  it('names the message that is not valid ICU MessageFormat', () => {
    expect(() => compileCatalog({ list: { broken: '共 {count 条' } })).toThrow(/list\.broken/);
  });

  it('core and more never define the same id (a later load would silently replace a message)', () => {
    const core = new Set(Object.keys(compileCatalog(zhCore)));
    expect(Object.keys(compileCatalog(zhMore)).filter((id) => core.has(id))).toEqual([]);
  });
});

describe('the i18n runtime (Lingui with build-time catalogs)', () => {
  beforeAll(async () => {
    await initI18n();
  });
  afterAll(async () => {
    await setLanguage('zh-CN');
  });

  it('starts in zh-CN with the core catalog and interpolates placeholders', () => {
    expect(currentLanguage()).toBe('zh-CN');
    expect(translate('nav.customers')).toBe('客户');
    expect(translate('list.shown', { count: 3 })).toBe('已显示 3 个客户');
  });

  it('falls back to defaultValue only for ids the catalog lacks', () => {
    expect(translate('enum.level.A', { defaultValue: 'A' })).not.toBe('A');
    expect(translate('enum.level.Z', { defaultValue: 'Z' })).toBe('Z');
  });

  it('loads a part on demand and, on a switch, every part in use for the new language', async () => {
    expect(i18n.messages['admin.settings.intro']).toBeUndefined();
    await loadMoreMessages();
    await loadAccessMessages();
    expect(translate('admin.settings.rangeError', { min: 1, max: 90 })).toBe('请输入 1 到 90 之间的整数');
    await setLanguage('en-US');
    expect(currentLanguage()).toBe('en-US');
    expect(translate('list.shown', { count: 1 })).toBe('1 customer shown');
    expect(translate('list.shown', { count: 2 })).toBe('2 customers shown');
    expect(translate('admin.settings.days')).toBe('days');
    expect(translate('access.roles.grantCount', { count: 1 })).toBe('1 grant');
  });
});
