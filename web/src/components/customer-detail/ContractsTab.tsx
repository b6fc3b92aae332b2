import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/format.ts';
import { useEnumLabel } from '../../i18n/hooks.ts';
import { RecordCard } from './RecordCard.tsx';
import { RelationTab } from './RelationTab.tsx';

export function ContractsTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const format = useFormat();
  return (
    <RelationTab customerId={customerId} relation="contracts" emptyText={t('contract.empty')}>
      {(contracts) =>
        contracts.map((c) => (
          <RecordCard
            key={c.id}
            title={c.title}
            extra={<span className="record-card__amount">{format.money(c.amountInclTax, c.currency)}</span>}
            fields={[
              { label: t('contract.fields.number'), value: c.number },
              { label: t('contract.fields.status'), value: label('contractStatus', c.status) },
              { label: t('contract.fields.signedDate'), value: format.date(c.signedDate) },
              { label: t('contract.fields.taxRate'), value: format.percent(c.taxRate) },
            ]}
          />
        ))
      }
    </RelationTab>
  );
}
