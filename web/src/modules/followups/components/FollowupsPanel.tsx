import { useUserNames } from '../../users/api/users.ts';
import { useFormat } from '../../../app/format/format.ts';
import { useEnumLabel } from '../../../app/i18n/hooks.ts';
import { useTranslation } from '../../../app/i18n/index.ts';
import { Link } from 'wouter';
import { FollowupComposer } from './FollowupComposer.tsx';
import { Tag } from '../../../app/ui/states.tsx';
import { DeleteButton } from '../../../app/ui/records/DeleteButton.tsx';
import { RelationList } from '../../../app/ui/records/RelationList.tsx';

/** The follow-ups of a customer as a timeline, newest first; the desk shows the quick composer on top. */
export function FollowupsPanel({ customerId, composer = false }: { customerId: string; composer?: boolean }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const format = useFormat();
  const users = useUserNames();
  const base = `/customers/${encodeURIComponent(customerId)}/followups`;
  return (
    <RelationList
      customerId={customerId}
      relation="followups"
      emptyText={t('followup.empty')}
      toolbar={
        <>
          {composer && (
            <div className="m-card composer-card" data-testid="followup-quick-add">
              <FollowupComposer customerId={customerId} />
            </div>
          )}
          <Link className="btn btn--small" to={`${base}/new`}>
            + {t('followup.fullForm')}
          </Link>
        </>
      }
    >
      {(followups) => (
        <ol className="timeline">
          {followups.map((f) => (
            <li key={f.id} className="timeline__item">
              <div className="timeline__head">
                <time dateTime={f.occurredAt} className="timeline__time">
                  {format.dateTime(f.occurredAt)}
                </time>
                <Tag tone="primary">{label('followupKind', f.kind)}</Tag>
                {f.status && <Tag>{label('followupStatus', f.status)}</Tag>}
                <span className="muted">{f.authorId ? users.get(f.authorId) : null}</span>
              </div>
              <p className="timeline__content pre-line">{f.content}</p>
              {(f.nextStep || f.nextStepAt) && (
                <p className="timeline__next">
                  {t('followup.fields.nextStep')}: {f.nextStep ?? ''}{' '}
                  {f.nextStepAt && <time dateTime={f.nextStepAt}>{format.dateTime(f.nextStepAt)}</time>}
                </p>
              )}
              <div className="record-card__actions">
                <Link
                  className="btn btn--small"
                  to={`${base}/${f.id}/edit`}
                  aria-label={`${t('common.edit')} ${format.dateTime(f.occurredAt)}`}
                >
                  {t('common.edit')}
                </Link>
                <DeleteButton
                  resource="followups"
                  object="followup"
                  record={f}
                  id={f.id}
                  name={format.dateTime(f.occurredAt) ?? f.id}
                />
              </div>
            </li>
          ))}
        </ol>
      )}
    </RelationList>
  );
}
