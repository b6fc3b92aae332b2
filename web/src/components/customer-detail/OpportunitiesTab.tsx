import { useTranslation } from 'react-i18next';
import { useUserNames } from '../../api/users.ts';
import { useFormat } from '../../format/format.ts';
import { useEnumLabel } from '../../i18n/hooks.ts';
import { RecordCard } from './RecordCard.tsx';
import { RelationTab } from './RelationTab.tsx';

export function OpportunitiesTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const format = useFormat();
  const owners = useUserNames();
  return (
    <RelationTab customerId={customerId} relation="opportunities" emptyText={t('opportunity.empty')}>
      {(opportunities) =>
        opportunities.map((o) => (
          <RecordCard
            key={o.id}
            title={o.name}
            extra={<span className="record-card__amount">{format.money(o.amount, o.currency)}</span>}
            fields={[
              { label: t('opportunity.fields.stage'), value: label('stage', o.stage) },
              { label: t('opportunity.fields.expectedCloseDate'), value: format.date(o.expectedCloseDate) },
              { label: t('opportunity.fields.owner'), value: o.ownerId ? owners.get(o.ownerId) : null },
            ]}
          />
        ))
      }
    </RelationTab>
  );
}
