import { lazy, Suspense, use, useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { followupKinds } from '../../../../../common/enums.ts';
import { isApiError } from '../../../app/api/client.ts';
import { latestFollowupQuery } from '../../customers/api/customers.ts';
import { createRecord } from '../../../app/api/records.ts';
import type { Followup, FollowupKind } from '../../../app/api/types.ts';
import { useEnumLabel } from '../../../app/i18n/hooks.ts';
import { useTranslation, type MessageKey } from '../../../app/i18n/index.ts';
import { ChipGroup } from '../../../app/ui/ChipGroup.tsx';
import { ErrorState } from '../../../app/ui/ErrorState.tsx';
import { showToast } from '../../../app/ui/toast.tsx';
import { Skeleton } from '../../../app/ui/states.tsx';
import { enqueue, offlineActions, shouldQueue } from '../../offline/enqueue.ts';
import { loadOfflineMessages } from '../../offline/i18n/catalog.ts';
import { useOfflineT } from '../../offline/i18n/index.ts';
import { reportClientError } from '../../offline/telemetry.ts';
import { VoiceDrafts, type Draft } from './VoiceDrafts.tsx';
import type { FollowupTemplate } from '../../followup-templates/api/followupTemplates.ts';

// the template chips and their messages load with the composer, never with the phone's customer page
const TemplatePicker = lazy(() => import('../../followup-templates/components/TemplatePicker.tsx'));

const quickTextKeys: MessageKey[] = [
  'followup.quick.called',
  'followup.quick.quoteSent',
  'followup.quick.visitBooked',
  'followup.quick.noNeed',
];

interface FollowupComposerProps {
  customerId: string;
  /** Called with the follow-up, or with nothing when it was queued offline. */
  onSaved?: (followup: Followup | undefined) => void;
  onCancel?: () => void;
}

/** Waits for the offline messages (queued, draft) without suspending the page around it. */
export function FollowupComposer(props: FollowupComposerProps) {
  return (
    <Suspense fallback={<Skeleton rows={3} />}>
      <Composer {...props} />
    </Suspense>
  );
}

/**
 * Quick follow-up entry: a kind chip (电话 preselected), a one-tap text, 保存. From a customer on the
 * phone that is 写跟进 → text → 保存, three taps. Time defaults to now; the full form has the rest.
 */
function Composer({ customerId, onSaved, onCancel }: FollowupComposerProps) {
  use(loadOfflineMessages());
  const { t } = useTranslation();
  const offlineT = useOfflineT();
  const [draft, setDraft] = useState<Draft | undefined>();
  const enumLabel = useEnumLabel();
  const queryClient = useQueryClient();
  const contentId = useId();
  const errorId = useId();
  const [kind, setKind] = useState<FollowupKind>('call');
  const [content, setContent] = useState('');
  const [fromChip, setFromChip] = useState(false);
  const [template, setTemplate] = useState<FollowupTemplate | undefined>();

  const save = useMutation({
    // React Query would pause an offline mutation; offline is exactly when it must run (and queue).
    networkMode: 'always',
    // Online saves go straight to the API; offline (or no answer at all) they wait in the outbox.
    mutationFn: async (): Promise<Followup | undefined> => {
      const data = {
        customerId,
        kind,
        content: content.trim(),
        occurredAt: new Date().toISOString(),
        source: fromChip ? ('button' as const) : ('manual' as const),
        ...(template && { templateId: template.id, ...(template.status && { status: template.status }) }),
      };
      const queue = () =>
        enqueue(offlineActions.newFollowup(data, `${offlineT('labels.followup')} · ${data.content.slice(0, 30)}`));
      if (shouldQueue()) return void (await queue());
      try {
        return await createRecord<Followup>('followups', data);
      } catch (error) {
        if (!shouldQueue(error)) throw error;
        return void (await queue());
      }
    },
    onError: (error) => {
      if (!isApiError(error) || error.status >= 500) void reportClientError('save_failed', error, '跟进新建');
    },
    onSuccess: (followup) => {
      if (draft) void draft.done();
      setDraft(undefined);
      setContent('');
      setFromChip(false);
      setTemplate(undefined);
      if (!followup) {
        showToast(offlineT('composer.queued'));
        onSaved?.(undefined);
        return;
      }
      queryClient.setQueryData(latestFollowupQuery(customerId).queryKey, followup.occurredAt);
      void queryClient.invalidateQueries({ queryKey: ['followups'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      showToast(t('followup.saved'));
      onSaved?.(followup);
    },
  });

  const contentError = isApiError(save.error)
    ? save.error.fields.find((f) => f.path === 'content')?.message
    : undefined;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (content.trim() && !save.isPending) save.mutate();
  };

  return (
    <form className="composer" onSubmit={onSubmit} aria-label={t('followup.quickAdd')}>
      <ChipGroup<FollowupKind>
        single
        label={t('followup.fields.kind')}
        options={followupKinds.map((value) => ({ value, label: enumLabel('followupKind', value) ?? value }))}
        value={[kind]}
        onChange={([next]) => next && setKind(next)}
      />
      <Suspense fallback={null}>
        <TemplatePicker
          selectedId={template?.id}
          onPick={(picked) => {
            setTemplate(picked);
            if (!picked) return;
            setContent(picked.body);
            if (picked.kind) setKind(picked.kind as FollowupKind);
            setFromChip(false);
          }}
        />
      </Suspense>
      <div role="group" aria-label={t('followup.quickTexts')} className="chips">
        {quickTextKeys.map((key) => (
          <button
            key={key}
            type="button"
            className="chip chip--text"
            onClick={() => {
              setContent(t(key));
              setFromChip(true);
              setTemplate(undefined);
            }}
          >
            {t(key)}
          </button>
        ))}
      </div>
      <label htmlFor={contentId} className="field-label">
        {t('followup.fields.content')}
      </label>
      <textarea
        id={contentId}
        className="native-input native-textarea"
        rows={3}
        maxLength={10000}
        required
        value={content}
        aria-invalid={contentError ? true : undefined}
        aria-describedby={contentError ? errorId : undefined}
        placeholder={t('followup.contentPlaceholder')}
        onChange={(event) => {
          setContent(event.target.value);
          setFromChip(false);
        }}
      />
      {contentError && (
        <p id={errorId} className="form-error">
          {contentError}
        </p>
      )}
      <p className="field-hint">{offlineT('composer.dictationHint')}</p>
      {save.isError && !contentError && <ErrorState error={save.error} compact />}
      <VoiceDrafts
        customerId={customerId}
        onUse={(picked) => {
          setDraft(picked);
          setContent(picked.content);
          setFromChip(false);
          setTemplate(undefined);
        }}
      />
      <div className="composer__actions">
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <button
          type="button"
          className="btn"
          disabled={!content.trim()}
          onClick={() =>
            void enqueue(offlineActions.draftNote(customerId, content.trim(), offlineT('composer.drafts'))).then(() => {
              if (draft) void draft.done();
              setDraft(undefined);
              setContent('');
              showToast(offlineT('composer.draftSaved'));
            })
          }
        >
          {offlineT('composer.saveDraft')}
        </button>
        <button
          type="submit"
          className="btn btn--primary"
          disabled={!content.trim() || save.isPending}
          aria-busy={save.isPending}
        >
          {save.isPending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
