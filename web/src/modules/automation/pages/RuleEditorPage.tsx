import { useState } from 'react';
import { Button, Input, InputNumber, Radio, Space } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'wouter';
import { isApiError } from '../../../app/api/client.ts';
import { navigate } from '../../../app/routing/router.tsx';
import { ErrorBlock } from '../../../app/ui/ErrorBlock.tsx';
import { PageLoading } from '../../../app/ui/PageLoading.tsx';
import { showToast } from '../../../app/ui/toast.tsx';
import { automationKey, createRule, ruleQuery, updateRule, type Rule, type RuleInput } from '../api/automation.ts';
import { ActionEditor } from '../components/ActionEditor.tsx';
import { AutomationPage } from '../components/AutomationPage.tsx';
import { ConditionEditor } from '../components/ConditionEditor.tsx';
import { Field, ProblemsContext } from '../components/Field.tsx';
import { TriggerEditor } from '../components/TriggerEditor.tsx';
import { UserSelect } from '../components/UserSelect.tsx';
import { blankAction, draftOf, problemsByPath } from '../components/rule-model.ts';
import { useAutomationT } from '../i18n/index.ts';

const MAX_ACTIONS = 10;

function IdentitySection({ draft, set }: { draft: RuleInput; set: (patch: Partial<RuleInput>) => void }) {
  const { t } = useAutomationT();
  const [asService, setAsService] = useState(draft.serviceUserId !== null);
  return (
    <section className="auto-section" aria-labelledby="auto-identity">
      <h2 id="auto-identity">{t('editor.identitySection')}</h2>
      <div className="auto-row">
        <Field
          path="ownerId"
          label={t('editor.owner')}
          control={(a11y) => (
            <UserSelect
              a11y={a11y}
              value={draft.ownerId}
              placeholder={t('common.none')}
              onChange={(ownerId) => ownerId && set({ ownerId })}
            />
          )}
        />
        <fieldset className="auto-field">
          <legend className="auto-field__label">{t('editor.runAs')}</legend>
          <Radio.Group
            value={asService}
            onChange={(e) => {
              setAsService(e.target.value as boolean);
              if (!e.target.value) set({ serviceUserId: null });
            }}
            options={[
              { value: false, label: t('editor.runAsOwner') },
              { value: true, label: t('editor.runAsService') },
            ]}
          />
        </fieldset>
        {asService && (
          <Field
            path="serviceUserId"
            label={t('editor.serviceUser')}
            control={(a11y) => (
              <UserSelect
                a11y={a11y}
                value={draft.serviceUserId ?? undefined}
                onChange={(serviceUserId) => serviceUserId && set({ serviceUserId })}
              />
            )}
          />
        )}
        <Field
          path="maxFailures"
          label={t('editor.maxFailures')}
          control={(a11y) => (
            <InputNumber
              {...a11y}
              min={1}
              max={100}
              precision={0}
              value={draft.maxFailures}
              onChange={(n) => set({ maxFailures: n ?? 3 })}
            />
          )}
        />
        <Field
          path="maxRunsPerHour"
          label={t('editor.maxRunsPerHour')}
          control={(a11y) => (
            <InputNumber
              {...a11y}
              min={1}
              precision={0}
              value={draft.maxRunsPerHour ?? null}
              onChange={(n) => {
                const { maxRunsPerHour: _old, ...rest } = draft;
                set(n === null ? { ...rest, maxRunsPerHour: undefined } : { maxRunsPerHour: n });
              }}
            />
          )}
        />
      </div>
    </section>
  );
}

function Editor({ rule }: { rule?: Rule }) {
  const { t } = useAutomationT();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<RuleInput>(() => draftOf(rule));
  const set = (patch: Partial<RuleInput>) => setDraft((d) => ({ ...d, ...patch }));
  const save = useMutation({
    mutationFn: () => {
      // an unset rate limit is left out (the server's schema may not know the field yet)
      const { maxRunsPerHour, ...rest } = draft;
      const body = maxRunsPerHour ? { ...rest, maxRunsPerHour } : rest;
      return rule ? updateRule(rule.id, { ...body, version: rule.version }) : createRule(body);
    },
    onSuccess: async (saved) => {
      showToast(t('editor.saved', { version: saved.version }));
      await queryClient.invalidateQueries({ queryKey: automationKey });
      if (!rule) navigate(`/automation/rules/${saved.id}`, { replace: true });
    },
  });
  const problems = problemsByPath(isApiError(save.error) ? save.error.fields : []);
  const actions = draft.actions;
  return (
    <AutomationPage
      title={rule ? t('editor.titleEdit') : t('editor.titleNew')}
      intro={t('editor.intro')}
      actions={
        rule && (
          <Space>
            <span className="auto-muted">{t('editor.version', { version: rule.version })}</span>
            <Link to={`/automation/rules/${rule.id}/runs`}>{t('editor.history')}</Link>
          </Space>
        )
      }
    >
      <ProblemsContext value={problems}>
        <form
          data-testid="rule-editor"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          {save.isError && (
            <div data-testid="rule-problems">
              <p>{t('editor.problems')}</p>
              <ErrorBlock error={save.error} fallback="saveFailed" />
            </div>
          )}
          <div className="auto-section">
            <Field
              path="name"
              label={t('editor.name')}
              className="auto-field--grow"
              control={(a11y) => (
                <Input {...a11y} maxLength={100} value={draft.name} onChange={(e) => set({ name: e.target.value })} />
              )}
            />
          </div>
          <TriggerEditor value={draft.trigger} onChange={(trigger) => set({ trigger })} />
          <ConditionEditor value={draft.conditions} onChange={(conditions) => set({ conditions })} />
          <section className="auto-section" aria-labelledby="auto-actions">
            <h2 id="auto-actions">{t('editor.actionsSection')}</h2>
            {actions.map((action, i) => (
              <ActionEditor
                key={i}
                index={i}
                value={action}
                onChange={(next) => set({ actions: actions.map((a, j) => (j === i ? next : a)) })}
                onRemove={() => set({ actions: actions.filter((_, j) => j !== i) })}
              />
            ))}
            <Button
              disabled={actions.length >= MAX_ACTIONS}
              onClick={() => set({ actions: [...actions, blankAction('createFollowup')] })}
            >
              + {t('editor.addAction')}
            </Button>
          </section>
          <IdentitySection draft={draft} set={set} />
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {rule ? t('editor.save') : t('editor.create')}
          </Button>
        </form>
      </ProblemsContext>
    </AutomationPage>
  );
}

/** The rule editor: a new rule (/automation/rules/new) or an existing one, saved as a new version. */
export default function RuleEditorPage() {
  const { id } = useParams<{ id?: string }>();
  const rule = useQuery({ ...ruleQuery(id ?? ''), enabled: Boolean(id) });
  if (!id) return <Editor />;
  if (rule.isError) return <ErrorBlock error={rule.error} onRetry={() => void rule.refetch()} />;
  if (!rule.data) return <PageLoading />;
  return <Editor key={`${rule.data.id}:${rule.data.version}`} rule={rule.data} />;
}
