import { useId, useState, type FormEvent } from 'react';
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

const quickTextKeys: MessageKey[] = [
  'followup.quick.called',
  'followup.quick.quoteSent',
  'followup.quick.visitBooked',
  'followup.quick.noNeed',
];

interface FollowupComposerProps {
  customerId: string;
  onSaved?: (followup: Followup) => void;
  onCancel?: () => void;
}

/**
 * Quick follow-up entry: a kind chip (电话 preselected), a one-tap text, 保存. From a customer on the
 * phone that is 写跟进 → text → 保存, three taps. Time defaults to now; the full form has the rest.
 */
export function FollowupComposer({ customerId, onSaved, onCancel }: FollowupComposerProps) {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const queryClient = useQueryClient();
  const contentId = useId();
  const errorId = useId();
  const [kind, setKind] = useState<FollowupKind>('call');
  const [content, setContent] = useState('');
  const [fromChip, setFromChip] = useState(false);

  const save = useMutation({
    mutationFn: () =>
      createRecord<Followup>('followups', {
        customerId,
        kind,
        content: content.trim(),
        occurredAt: new Date().toISOString(),
        source: fromChip ? 'button' : 'manual',
      }),
    onSuccess: (followup) => {
      queryClient.setQueryData(latestFollowupQuery(customerId).queryKey, followup.occurredAt);
      void queryClient.invalidateQueries({ queryKey: ['followups'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      setContent('');
      setFromChip(false);
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
      <div role="group" aria-label={t('followup.quickTexts')} className="chips">
        {quickTextKeys.map((key) => (
          <button
            key={key}
            type="button"
            className="chip chip--text"
            onClick={() => {
              setContent(t(key));
              setFromChip(true);
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
      {save.isError && !contentError && <ErrorState error={save.error} compact />}
      <div className="composer__actions">
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
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
