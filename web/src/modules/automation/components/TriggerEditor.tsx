import { Input, InputNumber, Select } from 'antd';
import type { Trigger } from '../api/automation.ts';
import { labelOf, useAutomationT } from '../i18n/index.ts';
import { Field } from './Field.tsx';
import { blankTrigger, recordEvents, triggerObjects, triggerTypes } from './rule-model.ts';

/**
 * The rule's trigger: a record event, an inbound event (a call record, a file sent in WeCom, a
 * meeting transcript, an applied intake record), a schedule, a date-relative time or a manual run.
 */
export function TriggerEditor({ value, onChange }: { value: Trigger; onChange: (next: Trigger) => void }) {
  const { t } = useAutomationT();
  const objectOptions = triggerObjects.map((o) => ({ value: o, label: labelOf(t, 'object', o) }));
  const objectField = (current: string, set: (object: string) => void) => (
    <Field
      path="trigger.object"
      label={t('editor.object')}
      control={(a11y) => (
        <Select {...a11y} style={{ minWidth: 140 }} value={current} options={objectOptions} onChange={set} />
      )}
    />
  );
  return (
    <section className="auto-section" aria-labelledby="auto-trigger">
      <h2 id="auto-trigger">{t('editor.triggerSection')}</h2>
      <div className="auto-row">
        <Field
          path="trigger.type"
          label={t('editor.triggerType')}
          control={(a11y) => (
            <Select
              {...a11y}
              style={{ minWidth: 160 }}
              value={value.type}
              options={triggerTypes.map((type) => ({ value: type, label: labelOf(t, 'triggerType', type) }))}
              onChange={(type) => onChange(blankTrigger(type))}
            />
          )}
        />
        {value.type === 'record' && (
          <>
            {objectField(value.object, (object) => onChange({ ...value, object: object as typeof value.object }))}
            <Field
              path="trigger.on"
              label={t('editor.on')}
              control={(a11y) => (
                <Select
                  {...a11y}
                  style={{ minWidth: 120 }}
                  value={value.on}
                  options={recordEvents.map((on) => ({ value: on, label: labelOf(t, 'on', on) }))}
                  onChange={(on) => {
                    const { fields, ...rest } = value;
                    onChange(on === 'updated' && fields ? { ...rest, on, fields } : { ...rest, on });
                  }}
                />
              )}
            />
            {value.on === 'updated' && (
              <Field
                path="trigger.fields"
                label={t('editor.watchFields')}
                hint={t('editor.watchFieldsHint')}
                className="auto-field--grow"
                control={(a11y) => (
                  <Select
                    {...a11y}
                    mode="tags"
                    value={value.fields ?? []}
                    open={false}
                    suffixIcon={null}
                    onChange={(fields: string[]) => {
                      const { fields: _old, ...rest } = value;
                      onChange(fields.length > 0 ? { ...rest, fields } : rest);
                    }}
                  />
                )}
              />
            )}
          </>
        )}
        {(value.type === 'call' || value.type === 'imFileSent' || value.type === 'transcriptReady') && (
          <p className="auto-field__hint">{t('editor.inboundHint')}</p>
        )}
        {value.type === 'intakeApplied' && (
          <Field
            path="trigger.channel"
            label={t('editor.channel')}
            hint={t('editor.channelHint')}
            control={(a11y) => (
              <Input
                {...a11y}
                value={value.channel ?? ''}
                onChange={(e) => {
                  const { channel: _old, ...rest } = value;
                  const channel = e.target.value.trim();
                  onChange(channel ? { ...rest, channel } : rest);
                }}
              />
            )}
          />
        )}
        {value.type === 'schedule' && (
          <Field
            path="trigger.cron"
            label={t('editor.cron')}
            hint={t('editor.cronHint')}
            control={(a11y) => (
              <Input {...a11y} value={value.cron} onChange={(e) => onChange({ ...value, cron: e.target.value })} />
            )}
          />
        )}
        {value.type === 'relative' && (
          <>
            {objectField(value.object, (object) => onChange({ ...value, object }))}
            <Field
              path="trigger.field"
              label={t('editor.dateField')}
              control={(a11y) => (
                <Input
                  {...a11y}
                  value={value.field}
                  onChange={(e) => onChange({ ...value, field: e.target.value.trim() })}
                />
              )}
            />
            <Field
              path="trigger.offsetDays"
              label={t('editor.offsetDays')}
              control={(a11y) => (
                <InputNumber
                  {...a11y}
                  precision={0}
                  value={value.offsetDays}
                  onChange={(n) => onChange({ ...value, offsetDays: n ?? 0 })}
                />
              )}
            />
            <Field
              path="trigger.at"
              label={t('editor.at')}
              control={(a11y) => (
                <Input {...a11y} value={value.at} onChange={(e) => onChange({ ...value, at: e.target.value.trim() })} />
              )}
            />
          </>
        )}
        {value.type === 'manual' && (
          <>
            {objectField(value.object, (object) => onChange({ ...value, object }))}
            <p className="auto-field__hint">{t('editor.manualHint')}</p>
          </>
        )}
      </div>
    </section>
  );
}
