import { useState } from 'react';
import { Button, Input, InputNumber, Select } from 'antd';
import { useUserOptions } from '../../users/api/users.ts';
import type { Action } from '../api/automation.ts';
import { labelOf, useAutomationT } from '../i18n/index.ts';
import { Field } from './Field.tsx';
import { UserSelect } from './UserSelect.tsx';
import { actionTypes, blankAction, followupKinds, followupStatuses, formatScalar, parseScalar } from './rule-model.ts';

type Recipient = { kind: 'ruleOwner' } | { kind: 'recordOwner' } | { kind: 'user'; userId: string };

function RecipientField({
  path,
  label,
  value,
  onChange,
}: {
  path: string;
  label: string;
  value: Recipient;
  onChange: (r: Recipient) => void;
}) {
  const { t } = useAutomationT();
  const users = useUserOptions();
  return (
    <>
      <Field
        path={`${path}.kind`}
        label={label}
        control={(a11y) => (
          <Select
            {...a11y}
            style={{ minWidth: 140 }}
            value={value.kind}
            options={(['ruleOwner', 'recordOwner', 'user'] as const).map((k) => ({
              value: k,
              label: labelOf(t, 'recipient', k),
            }))}
            onChange={(kind) => onChange(kind === 'user' ? { kind, userId: users[0]?.value ?? '' } : { kind })}
          />
        )}
      />
      {value.kind === 'user' && (
        <Field
          path={`${path}.userId`}
          label={t('action.user')}
          control={(a11y) => (
            <UserSelect
              a11y={a11y}
              minWidth={160}
              value={value.userId}
              onChange={(userId) => userId && onChange({ kind: 'user', userId })}
            />
          )}
        />
      )}
    </>
  );
}

function ApprovalParams({ path, value, onChange }: { path: string; value: Action; onChange: (a: Action) => void }) {
  const { t } = useAutomationT();
  const { type: _type, ...params } = value as Record<string, unknown>;
  const [text, setText] = useState(Object.keys(params).length > 0 ? JSON.stringify(params, null, 2) : '');
  const [invalid, setInvalid] = useState(false);
  return (
    <Field
      path={path}
      label={t('action.approvalParams')}
      hint={invalid ? t('action.approvalParamsInvalid') : undefined}
      className="auto-field--grow"
      control={(a11y) => (
        <Input.TextArea
          {...a11y}
          rows={3}
          value={text}
          {...(invalid ? { status: 'error', 'aria-invalid': true } : {})}
          onChange={(e) => {
            setText(e.target.value);
            try {
              const parsed: unknown = e.target.value.trim() ? JSON.parse(e.target.value) : {};
              const ok = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
              setInvalid(!ok);
              if (ok) onChange({ ...(parsed as Record<string, unknown>), type: 'startApproval' });
            } catch {
              setInvalid(true);
            }
          }}
        />
      )}
    />
  );
}

/** One action: its type, then the settings of that type. `path` is `actions.<index>`. */
export function ActionEditor({
  value,
  onChange,
  onRemove,
  index,
}: {
  value: Action;
  onChange: (a: Action) => void;
  onRemove: () => void;
  index: number;
}) {
  const { t } = useAutomationT();
  const path = `actions.${index}`;
  const n = index + 1;
  const text = (key: string, label: string, current: string, set: (v: string) => void, hint?: string) => (
    <Field
      path={`${path}.${key}`}
      label={label}
      hint={hint}
      className="auto-field--grow"
      control={(a11y) => (
        <Input.TextArea
          {...a11y}
          autoSize={{ minRows: 1, maxRows: 6 }}
          value={current}
          onChange={(e) => set(e.target.value)}
        />
      )}
    />
  );
  return (
    <div className="auto-action" data-testid="action-editor" data-path={path}>
      <h3>{t('action.heading', { n })}</h3>
      <div className="auto-row">
        <Field
          path={`${path}.type`}
          control={(a11y) => (
            <Select
              {...a11y}
              aria-label={t('action.type', { n })}
              style={{ minWidth: 160 }}
              value={value.type}
              options={actionTypes.map((type) => ({ value: type, label: labelOf(t, 'actionType', type) }))}
              onChange={(type) => onChange(blankAction(type))}
            />
          )}
        />
        <Button onClick={onRemove} aria-label={t('action.remove', { n })}>
          ×
        </Button>
      </div>
      <div className="auto-row">
        {value.type === 'createFollowup' && (
          <>
            <Field
              path={`${path}.status`}
              label={t('action.status')}
              control={(a11y) => (
                <Select
                  {...a11y}
                  style={{ minWidth: 140 }}
                  value={value.status}
                  options={followupStatuses.map((s) => ({ value: s, label: labelOf(t, 'followupStatus', s) }))}
                  onChange={(status) => onChange({ ...value, status })}
                />
              )}
            />
            <Field
              path={`${path}.kind`}
              label={t('action.kind')}
              control={(a11y) => (
                <Select
                  {...a11y}
                  style={{ minWidth: 120 }}
                  value={value.kind}
                  options={followupKinds.map((k) => ({ value: k, label: labelOf(t, 'followupKind', k) }))}
                  onChange={(kind) => onChange({ ...value, kind })}
                />
              )}
            />
            <Field
              path={`${path}.nextStepInDays`}
              label={t('action.nextStepInDays')}
              control={(a11y) => (
                <InputNumber
                  {...a11y}
                  min={0}
                  precision={0}
                  value={value.nextStepInDays ?? null}
                  onChange={(days) => {
                    const { nextStepInDays: _old, ...rest } = value;
                    onChange(days === null ? rest : { ...rest, nextStepInDays: days });
                  }}
                />
              )}
            />
            {text(
              'template',
              t('action.template'),
              value.template,
              (template) => onChange({ ...value, template }),
              t('action.templateHint'),
            )}
          </>
        )}
        {value.type === 'updateFields' && (
          <div className="auto-field--grow">
            {Object.entries(value.fields).map(([name, fieldValue], row, entries) => {
              const set = (nextName: string, nextValue: unknown) =>
                onChange({
                  ...value,
                  fields: Object.fromEntries(
                    entries.map(([k, v], j) => (j === row ? [nextName, nextValue] : [k, v])),
                  ) as typeof value.fields,
                });
              return (
                <div className="auto-row" key={row}>
                  <Field
                    path={`${path}.fields.${name}`}
                    control={(a11y) => (
                      <Input
                        {...a11y}
                        aria-label={t('action.fieldName', { row: row + 1 })}
                        placeholder={t('action.fieldName', { row: row + 1 })}
                        value={name}
                        onChange={(e) => set(e.target.value.trim(), fieldValue)}
                      />
                    )}
                  />
                  <Field
                    path={`${path}.fields.${name}.value`}
                    control={(a11y) => (
                      <Input
                        {...a11y}
                        aria-label={t('action.fieldValue', { row: row + 1 })}
                        placeholder={t('action.fieldValue', { row: row + 1 })}
                        value={formatScalar(fieldValue)}
                        onChange={(e) => set(name, parseScalar(e.target.value))}
                      />
                    )}
                  />
                  {entries.length > 1 && (
                    <Button
                      aria-label={t('action.removeField', { row: row + 1 })}
                      onClick={() =>
                        onChange({ ...value, fields: Object.fromEntries(entries.filter((_, j) => j !== row)) })
                      }
                    >
                      ×
                    </Button>
                  )}
                </div>
              );
            })}
            <Button
              size="small"
              onClick={() => onChange({ ...value, fields: { ...value.fields, '': '' } })}
              disabled={'' in value.fields}
            >
              + {t('action.addField')}
            </Button>
          </div>
        )}
        {value.type === 'createTodo' && (
          <>
            <RecipientField
              path={`${path}.assignee`}
              label={t('action.assignee')}
              value={value.assignee}
              onChange={(assignee) => onChange({ ...value, assignee })}
            />
            <Field
              path={`${path}.dueInMinutes`}
              label={t('action.dueInMinutes')}
              control={(a11y) => (
                <InputNumber
                  {...a11y}
                  min={0}
                  precision={0}
                  value={value.dueInMinutes}
                  onChange={(m) => onChange({ ...value, dueInMinutes: m ?? 0 })}
                />
              )}
            />
            {text('title', t('action.title'), value.title, (title) => onChange({ ...value, title }))}
          </>
        )}
        {value.type === 'notify' && (
          <>
            <RecipientField
              path={`${path}.recipient`}
              label={t('action.recipient')}
              value={value.recipient}
              onChange={(recipient) => onChange({ ...value, recipient })}
            />
            {text('message', t('action.message'), value.message, (message) => onChange({ ...value, message }))}
          </>
        )}
        {value.type === 'assignOwner' && (
          <Field
            path={`${path}.userId`}
            label={t('action.ownerUser')}
            hint={t('action.ownerUserHint')}
            control={(a11y) => (
              <UserSelect
                a11y={a11y}
                allowClear
                value={value.userId}
                onChange={(userId) => onChange(userId ? { type: 'assignOwner', userId } : { type: 'assignOwner' })}
              />
            )}
          />
        )}
        {value.type === 'webhook' &&
          text(
            'url',
            t('action.url'),
            value.url,
            (url) => onChange({ ...value, url: url.trim() }),
            t('action.urlHint'),
          )}
        {value.type === 'startApproval' && <ApprovalParams path={path} value={value} onChange={onChange} />}
      </div>
    </div>
  );
}
