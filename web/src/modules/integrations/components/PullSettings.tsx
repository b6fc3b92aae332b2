import { Button, Checkbox, Form, Input, InputNumber } from 'antd';
import type { Channel } from '../api/integrations.ts';
import { useIntegrationsT } from '../i18n/index.ts';

/** The pull settings the editor's form holds (the channel's `config` of a pull channel). */
export interface PullFields {
  pullUrl: string;
  pullCron: string;
  pullCursorField: string;
  pullPageSize: number;
  pullRecordsPath: string;
  pullInitialCursor: string;
  /** Headers to add or replace: name and value (write-only; the server never answers values). */
  pullNewHeaders: Array<{ name: string; value: string }>;
  /** Names of the stored headers to remove. */
  pullRemoveHeaders: string[];
}

const text = (config: Record<string, unknown>, key: string) => (typeof config[key] === 'string' ? config[key] : '');

export function pullFieldsOf(channel: Channel | undefined): PullFields {
  const config = channel?.kind === 'pull' ? channel.config : {};
  return {
    pullUrl: text(config, 'url'),
    pullCron: text(config, 'cron') || '*/15 * * * *',
    pullCursorField: text(config, 'cursorField') || 'updated_at',
    pullPageSize: typeof config.pageSize === 'number' ? config.pageSize : 100,
    pullRecordsPath: text(config, 'recordsPath'),
    pullInitialCursor: text(config, 'initialCursor'),
    pullNewHeaders: [],
    pullRemoveHeaders: [],
  };
}

/** The pull channel's config (other config keys kept) and its header changes, from the form's values. */
export function pullInputOf(values: PullFields, config: Record<string, unknown>) {
  const optional = (value: string) => value.trim() || undefined;
  const next: Record<string, unknown> = {
    ...config,
    url: values.pullUrl.trim(),
    cron: values.pullCron.trim(),
    cursorField: values.pullCursorField.trim(),
    pageSize: values.pullPageSize,
    recordsPath: optional(values.pullRecordsPath),
    initialCursor: optional(values.pullInitialCursor),
  };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  const authHeaders: Record<string, string | null> = {};
  for (const name of values.pullRemoveHeaders) authHeaders[name] = null;
  for (const { name, value } of values.pullNewHeaders) if (name?.trim()) authHeaders[name.trim()] = value ?? '';
  return { config: next, authHeaders: Object.keys(authHeaders).length ? authHeaders : undefined };
}

/**
 * Where a pull channel reads from: the URL, its cron (in the company's time zone), the cursor
 * field and page size, and the headers it authenticates with. Header values are write-only:
 * the stored ones are shown by name, can be removed or replaced, and are never shown again.
 */
export function PullSettings({ stored }: { stored: string[] }) {
  const { t } = useIntegrationsT();
  return (
    <section className="int-card" aria-labelledby="editor-pull" data-testid="pull-settings">
      <h2 id="editor-pull">{t('pull.title')}</h2>
      <Form.Item name="pullUrl" label={t('pull.url')} extra={t('pull.urlHelp')} rules={[{ required: true }]}>
        <Input type="url" />
      </Form.Item>
      <Form.Item name="pullCron" label={t('pull.cron')} extra={t('pull.cronHelp')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="pullCursorField" label={t('pull.cursorField')} extra={t('pull.cursorHelp')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="pullPageSize" label={t('pull.pageSize')}>
        <InputNumber min={1} max={1000} />
      </Form.Item>
      <Form.Item name="pullRecordsPath" label={t('pull.recordsPath')} extra={t('pull.recordsPathHelp')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="pullInitialCursor" label={t('pull.initialCursor')} extra={t('pull.initialCursorHelp')}>
        <Input maxLength={200} />
      </Form.Item>
      <h3 className="int-muted">{t('pull.headers')}</h3>
      <p className="int-muted">{t('pull.headersHelp')}</p>
      {stored.length > 0 && (
        <Form.Item name="pullRemoveHeaders" label={t('pull.storedHeaders')}>
          <Checkbox.Group options={stored.map((name) => ({ value: name, label: t('pull.removeHeader', { name }) }))} />
        </Form.Item>
      )}
      <Form.List name="pullNewHeaders">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <div key={field.key} className="int-row-actions" data-testid="pull-header-row">
                <Form.Item name={[field.name, 'name']} label={t('pull.headerName', { n: index + 1 })}>
                  <Input placeholder="Authorization" maxLength={100} />
                </Form.Item>
                <Form.Item name={[field.name, 'value']} label={t('pull.headerValue', { n: index + 1 })}>
                  <Input.Password autoComplete="new-password" maxLength={4000} />
                </Form.Item>
                <Button onClick={() => remove(field.name)}>{t('pull.headerRemoveRow', { n: index + 1 })}</Button>
              </div>
            ))}
            <Button onClick={() => add({ name: '', value: '' })}>{t('pull.addHeader')}</Button>
          </>
        )}
      </Form.List>
    </section>
  );
}
