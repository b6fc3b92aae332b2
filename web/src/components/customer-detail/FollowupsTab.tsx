import { useTranslation } from 'react-i18next';
import { useUserNames } from '../../api/users.ts';
import { useFormat } from '../../format/format.ts';
import { useEnumLabel } from '../../i18n/hooks.ts';
import { RecordCard } from './RecordCard.tsx';
import { RelationTab } from './RelationTab.tsx';

export function FollowupsTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const format = useFormat();
  const users = useUserNames();
  return (
    <RelationTab customerId={customerId} relation="followups" emptyText={t('followup.empty')}>
      {(followups) =>
        followups.map((f) => (
          <RecordCard
            key={f.id}
            title={
              <>
                <time dateTime={f.occurredAt}>{format.dateTime(f.occurredAt)}</time>
                {' · '}
                {label('followupKind', f.kind)}
              </>
            }
            fields={[
              { label: t('followup.fields.content'), value: <span className="pre-line">{f.content}</span>, wide: true },
              { label: t('followup.fields.status'), value: label('followupStatus', f.status) },
              { label: t('followup.fields.author'), value: f.authorId ? users.get(f.authorId) : null },
              { label: t('followup.fields.nextStep'), value: f.nextStep },
              { label: t('followup.fields.nextStepAt'), value: format.dateTime(f.nextStepAt) },
              { label: t('followup.fields.source'), value: label('followupSource', f.source) },
            ]}
          />
        ))
      }
    </RelationTab>
  );
}
