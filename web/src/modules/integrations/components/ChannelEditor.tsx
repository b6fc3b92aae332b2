import { useMemo, useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Select } from 'antd';
import { Tag } from '../../../app/ui/states.tsx';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { customFieldsQuery } from '../../custom-fields/api/customFields.ts';
import { navigate } from '../../../app/routing/router.tsx';
import {
  channelKinds,
  channelTriggers,
  createChannel,
  invalidateIntegrations,
  matchKeys,
  mergePolicies,
  requiredGrants,
  serviceUsersQuery,
  updateChannel,
  type Channel,
  type ChannelInput,
  type ChannelKind,
  type ChannelTrigger,
  type MergePolicy,
} from '../api/integrations.ts';
import { labelOf, useIntegrationsT, type IntegrationsKey } from '../i18n/index.ts';
import { ErrorBlock } from '../../../app/ui/ErrorBlock.tsx';
import { MappingTable } from './MappingTable.tsx';
import { PullSettings, pullFieldsOf, pullInputOf, type PullFields } from './PullSettings.tsx';
import { checkRows, rowsOf, rulesOf, splitList, type MappingRow } from './mapping-model.ts';

interface Settings extends PullFields {
  key: string;
  kind: ChannelKind;
  name: string;
  trigger: ChannelTrigger;
  url: string;
  idempotencyField: string;
  serviceUserId: string;
  matchOrder: string[];
  retryBaseSeconds: number;
  retryLimit: number;
  priority: string;
}

const NEW_IDENTITY = '';

function settingsOf(channel: Channel | undefined): Settings {
  return {
    key: channel?.key ?? '',
    kind: channel?.kind ?? 'webhook',
    name: channel?.name ?? '',
    trigger: channel?.trigger ?? 'realtime',
    url: typeof channel?.config.url === 'string' ? channel.config.url : '',
    idempotencyField: channel?.idempotencyField ?? '',
    serviceUserId: channel?.serviceUserId ?? NEW_IDENTITY,
    matchOrder: channel?.matchOrder ?? [...matchKeys],
    retryBaseSeconds: channel?.retryBaseSeconds ?? 5,
    retryLimit: channel?.retryLimit ?? 5,
    priority: ((channel?.mergePolicy.priority as string[] | undefined) ?? []).join(', '),
    ...pullFieldsOf(channel),
  };
}

/**
 * The channel editor: source and trigger, service identity and its grants (a missing grant is an
 * error on the channel), match order and retries, and the mapping with each field's merge policy,
 * type-checked inline as it is edited. Creates a channel when `channel` is absent.
 */
export function ChannelEditor({ channel }: { channel?: Channel }) {
  const { t } = useIntegrationsT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Settings>();
  const initial = useMemo(() => settingsOf(channel), [channel]);
  const [rows, setRows] = useState<MappingRow[]>(() => rowsOf(channel?.mapping ?? []));
  const [mergePolicy, setMergePolicy] = useState<MergePolicy>(
    () => (channel?.mergePolicy as MergePolicy | undefined) ?? { default: 'nonNullWins' },
  );
  const kind = Form.useWatch('kind', form) ?? initial.kind;
  const defs = useQuery(customFieldsQuery('customer'));
  const users = useQuery(serviceUsersQuery);
  const customDefs = useMemo(
    () => (defs.data ?? []).map((d) => ({ key: d.key, type: d.type, options: d.options ?? [], label: d.label })),
    [defs.data],
  );
  const checked = useMemo(() => checkRows(rows, customDefs), [rows, customDefs]);
  const missing = new Set(channel?.health.missingGrants ?? []);

  const save = useMutation({
    mutationFn: async (submitted: Partial<Settings>) => {
      // fields a kind does not show (an outbound channel's mapping settings) keep their initial values
      const values: Settings = { ...initial, ...submitted };
      const input: ChannelInput = {
        name: values.name,
        trigger: values.trigger,
        mapping: rulesOf(rows),
        mergePolicy: { ...mergePolicy, priority: splitList(values.priority) },
        matchOrder: values.matchOrder,
        idempotencyField: values.idempotencyField.trim() || null,
        retryBaseSeconds: values.retryBaseSeconds,
        retryLimit: values.retryLimit,
        config: { ...channel?.config, ...(values.kind === 'outbound' ? { url: values.url.trim() } : {}) },
        ...(values.serviceUserId ? { serviceUserId: values.serviceUserId } : {}),
        ...(values.kind === 'pull' ? pullInputOf(values, channel?.config ?? {}) : {}),
      };
      if (channel) return { data: await updateChannel(channel.id, { ...input, version: channel.version }) };
      return createChannel({ ...input, key: values.key.trim(), kind: values.kind });
    },
    onSuccess: (result: { data: Channel; secret?: string }) => {
      // header values are write-only: once sent they leave the form
      form.setFieldsValue({ pullNewHeaders: [], pullRemoveHeaders: [] });
      void queryClient.invalidateQueries({ queryKey: invalidateIntegrations });
      queryClient.setQueryData(['integrations', 'channels', result.data.id], result.data);
      void message.success(channel ? t('channel.saved') : t('channel.created'));
      if (!channel) navigate(`/integrations/channels/${result.data.id}`, { state: { secret: result.secret } });
    },
  });

  return (
    <Form<Settings>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(values) => save.mutate(values)}
      onValuesChange={(changed: Partial<Settings>) => {
        // a pull channel runs on its schedule, a web form is pushed to: the trigger follows the kind
        if (changed.kind === 'pull') form.setFieldsValue({ trigger: 'scheduled' });
        if (changed.kind === 'webhook') form.setFieldsValue({ trigger: 'realtime' });
      }}
      disabled={save.isPending}
      data-testid="channel-editor"
    >
      <section className="int-card" aria-labelledby="editor-source">
        <h2 id="editor-source">{t('editor.source')}</h2>
        <Form.Item name="name" label={t('editor.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="key"
          label={t('editor.key')}
          extra={t('editor.keyHelp')}
          rules={[{ required: !channel, pattern: /^[a-z0-9][a-z0-9_-]{0,62}$/, message: t('editor.keyHelp') }]}
        >
          <Input disabled={Boolean(channel)} maxLength={63} />
        </Form.Item>
        {channel ? (
          // a channel keeps its kind: shown as text (a disabled select would be unreadable grey on grey)
          <Form.Item label={t('editor.kind')}>
            <span data-testid="channel-kind">{labelOf(t, 'kind', channel.kind)}</span>
          </Form.Item>
        ) : (
          <Form.Item name="kind" label={t('editor.kind')}>
            <Select virtual={false} options={channelKinds.map((k) => ({ value: k, label: labelOf(t, 'kind', k) }))} />
          </Form.Item>
        )}
        <Form.Item name="trigger" label={t('editor.trigger')} extra={t('editor.triggerHelp')}>
          <Select virtual={false} options={channelTriggers.map((k) => ({ value: k, label: t(`trigger.${k}`) }))} />
        </Form.Item>
        {kind === 'outbound' && (
          <Form.Item name="url" label={t('editor.url')} extra={t('editor.urlHelp')} rules={[{ required: true }]}>
            <Input type="url" />
          </Form.Item>
        )}
        {kind !== 'outbound' && (
          <Form.Item name="idempotencyField" label={t('editor.idempotencyField')} extra={t('editor.idempotencyHelp')}>
            <Input maxLength={200} />
          </Form.Item>
        )}
      </section>

      {kind === 'pull' && <PullSettings stored={channel?.authHeaders ?? []} />}

      {kind !== 'outbound' && (
        <section className="int-card" aria-labelledby="editor-identity" data-testid="channel-identity">
          <h2 id="editor-identity">{t('editor.identity')}</h2>
          <p className="int-muted">{t('editor.identityHelp')}</p>
          <Form.Item name="serviceUserId" label={t('editor.serviceUser')}>
            <Select
              virtual={false}
              showSearch
              optionFilterProp="label"
              loading={users.isPending}
              options={[
                ...(channel ? [] : [{ value: NEW_IDENTITY, label: t('editor.serviceUserNew') }]),
                ...(users.data ?? []).map((u) => ({
                  value: u.id,
                  label: u.username ? `${u.displayName} (${u.username})` : u.displayName,
                })),
              ]}
            />
          </Form.Item>
          {missing.size > 0 && (
            <Alert type="error" showIcon role="alert" className="int-block" message={t('editor.missingGrants')} />
          )}
          {channel && (
            <>
              <h3 className="int-muted">{t('editor.requiredGrants')}</h3>
              <ul className="int-row-actions" aria-label={t('editor.requiredGrants')}>
                {requiredGrants.map((grant) => (
                  <li key={grant} data-testid="required-grant" data-missing={missing.has(grant)}>
                    <Tag tone={missing.has(grant) ? 'red' : 'green'}>
                      {t(`grant.${grant}` as IntegrationsKey)} ·{' '}
                      {missing.has(grant) ? t('editor.grantMissing') : t('editor.grantOk')}
                    </Tag>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      {kind !== 'outbound' && (
        <>
          <section className="int-card" aria-labelledby="editor-merge">
            <h2 id="editor-merge">{t('editor.match')}</h2>
            {/* no `required` rule: antd would put aria-required on the multi-select's wrapper (not allowed there); the server refuses an empty list, naming matchOrder */}
            <Form.Item name="matchOrder" label={t('editor.match')}>
              <Select
                virtual={false}
                mode="multiple"
                options={matchKeys.map((k) => ({ value: k, label: t(`editor.matchKey.${k}`) }))}
              />
            </Form.Item>
            <Form.Item label={t('merge.default')} htmlFor="merge-default">
              <Select
                virtual={false}
                id="merge-default"
                value={mergePolicy.default}
                options={mergePolicies.map((p) => ({ value: p, label: t(`merge.policy.${p}`) }))}
                onChange={(value) => setMergePolicy({ ...mergePolicy, default: value })}
              />
            </Form.Item>
            <Form.Item name="priority" label={t('merge.priority')}>
              <Input />
            </Form.Item>
          </section>
          <MappingTable
            rows={rows}
            onRowsChange={setRows}
            checked={checked}
            customDefs={customDefs}
            mergePolicy={mergePolicy}
            onMergePolicyChange={setMergePolicy}
          />
        </>
      )}

      <section className="int-card" aria-labelledby="editor-retries">
        <h2 id="editor-retries">{t('editor.retries')}</h2>
        <Form.Item name="retryBaseSeconds" label={t('editor.retryBase')}>
          <InputNumber min={0} max={3600} />
        </Form.Item>
        <Form.Item name="retryLimit" label={t('editor.retryLimit')}>
          <InputNumber min={0} max={20} />
        </Form.Item>
      </section>

      {save.isError && <ErrorBlock error={save.error} fallback="saveFailed" />}
      {checked.count > 0 && <p className="int-muted">{t('editor.problemsBlockSave')}</p>}
      <Button type="primary" htmlType="submit" loading={save.isPending} disabled={checked.count > 0}>
        {channel ? t('common.save') : t('editor.create')}
      </Button>
    </Form>
  );
}
