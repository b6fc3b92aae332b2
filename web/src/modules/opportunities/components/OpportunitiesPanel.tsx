import { useUserNames } from '../../users/api/users.ts';
import { useFormat } from '../../../app/format/format.ts';
import { useEnumLabel } from '../../../app/i18n/hooks.ts';
import { useTranslation } from '../../../app/i18n/index.ts';
import { Link } from 'wouter';
import { Tag } from '../../../app/ui/states.tsx';
import { DeleteButton } from '../../../app/ui/records/DeleteButton.tsx';
import { RecordCard } from '../../../app/ui/records/RecordCard.tsx';
import { RelationList } from '../../../app/ui/records/RelationList.tsx';
import { IfAllowed } from '../../auth/IfAllowed.tsx';

export function OpportunitiesPanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const format = useFormat();
  const owners = useUserNames();
  const base = `/customers/${encodeURIComponent(customerId)}/opportunities`;
  return (
    <RelationList
      customerId={customerId}
      relation="opportunities"
      emptyText={t('opportunity.empty')}
      toolbar={
        <Link className="btn btn--small" to={`${base}/new`}>
          + {t('opportunity.add')}
        </Link>
      }
    >
      {(opportunities) =>
        opportunities.map((o) => (
          <RecordCard
            key={o.id}
            title={o.name}
            extra={<span className="record-card__amount">{format.money(o.amount, o.currency)}</span>}
            fields={[
              {
                label: t('opportunity.fields.stage'),
                value: (
                  <Tag tone={o.stage === 'won' ? 'green' : o.stage === 'lost' ? 'grey' : 'blue'}>
                    {label('stage', o.stage)}
                  </Tag>
                ),
              },
              { label: t('opportunity.fields.expectedCloseDate'), value: format.date(o.expectedCloseDate) },
              { label: t('opportunity.fields.owner'), value: o.ownerId ? owners.get(o.ownerId) : null },
            ]}
            actions={
              <>
                <IfAllowed action="update" object="opportunity" record={o}>
                  <Link
                    className="btn btn--small"
                    to={`${base}/${o.id}/edit`}
                    aria-label={`${t('common.edit')} ${o.name}`}
                  >
                    {t('common.edit')}
                  </Link>
                </IfAllowed>
                <DeleteButton resource="opportunities" object="opportunity" record={o} id={o.id} name={o.name} />
              </>
            }
          />
        ))
      }
    </RelationList>
  );
}
