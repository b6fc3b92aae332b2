import { useUserNames } from '../../users/api/users.ts';
import { useFormat } from '../../../app/format/format.ts';
import { useEnumLabel } from '../../../app/i18n/hooks.ts';
import { useTranslation } from '../../../app/i18n/index.ts';
import { Link } from 'wouter';
import type { Contract } from '../../../app/api/types.ts';
import { Tag } from '../../../app/ui/states.tsx';
import { DeleteButton } from '../../../app/ui/records/DeleteButton.tsx';
import { RecordCard } from '../../../app/ui/records/RecordCard.tsx';
import { RelationList } from '../../../app/ui/records/RelationList.tsx';
import { IfAllowed } from '../../auth/IfAllowed.tsx';

const statusTones = { draft: 'grey', active: 'blue', completed: 'green', terminated: 'red' } as const;

/** Contracts with their installment plan and the payments received against them. */
export function ContractsPanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const base = `/customers/${encodeURIComponent(customerId)}/contracts`;
  return (
    <RelationList
      customerId={customerId}
      relation="contracts"
      emptyText={t('contract.empty')}
      toolbar={
        <Link className="btn btn--small" to={`${base}/new`}>
          + {t('contract.add')}
        </Link>
      }
    >
      {(contracts) => contracts.map((c) => <ContractCard key={c.id} contract={c} base={base} />)}
    </RelationList>
  );
}

function ContractCard({ contract: c, base }: { contract: Contract; base: string }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const format = useFormat();
  const owners = useUserNames();
  const total = Number(c.amountInclTax ?? 0);
  const received = Number(c.receivedAmount ?? 0);
  const ratio = total > 0 ? Math.min(1, received / total) : 0;
  const name = c.title || c.number;
  return (
    <RecordCard
      title={name}
      extra={<span className="record-card__amount">{format.money(c.amountInclTax, c.currency)}</span>}
      fields={[
        { label: t('contract.fields.number'), value: c.number },
        {
          label: t('contract.fields.status'),
          value: <Tag tone={statusTones[c.status] ?? 'grey'}>{label('contractStatus', c.status)}</Tag>,
        },
        { label: t('contract.fields.signedDate'), value: format.date(c.signedDate) },
        {
          label: t('contract.fields.period'),
          value:
            c.startDate || c.endDate ? `${format.date(c.startDate) ?? '…'} – ${format.date(c.endDate) ?? '…'}` : null,
        },
        { label: t('contract.fields.taxRate'), value: format.percent(c.taxRate) },
        { label: t('contract.fields.owner'), value: c.ownerId ? owners.get(c.ownerId) : null },
        {
          label: t('contract.fields.received'),
          wide: true,
          value: (
            <span className="received">
              <meter min={0} max={1} value={ratio} aria-label={t('contract.fields.received')} />
              {format.money(c.receivedAmount, c.currency)} / {format.money(c.amountInclTax, c.currency)} (
              {format.percent(ratio)})
            </span>
          ),
        },
      ]}
      actions={
        <>
          <Link
            className="btn btn--small"
            to={`${base}/${c.id}/payments/new`}
            aria-label={`${t('payment.add')} ${name}`}
          >
            {t('payment.add')}
          </Link>
          <IfAllowed action="update" object="contract" record={c}>
            <Link className="btn btn--small" to={`${base}/${c.id}/edit`} aria-label={`${t('common.edit')} ${name}`}>
              {t('common.edit')}
            </Link>
          </IfAllowed>
          <DeleteButton resource="contracts" object="contract" record={c} id={c.id} name={name} />
        </>
      }
    >
      {c.installments.length > 0 && (
        <div className="table-scroll">
          <table className="mini-table">
            <caption>{t('contract.installments')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('contract.dueDate')}</th>
                <th scope="col" className="num">
                  {t('contract.planAmount')}
                </th>
                <th scope="col" className="num">
                  {t('contract.fields.received')}
                </th>
              </tr>
            </thead>
            <tbody>
              {c.installments.map((i) => (
                <tr key={i.id}>
                  <td>{i.seq}</td>
                  <td>{format.date(i.dueDate)}</td>
                  <td className="num">{format.money(i.amount, c.currency)}</td>
                  <td className="num">{format.money(i.receivedAmount, c.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {c.payments && c.payments.length > 0 && (
        <div className="table-scroll">
          <table className="mini-table">
            <caption>{t('payment.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('payment.fields.receivedDate')}</th>
                <th scope="col" className="num">
                  {t('payment.fields.amount')}
                </th>
                <th scope="col">{t('payment.fields.method')}</th>
                <th scope="col">{t('payment.fields.note')}</th>
              </tr>
            </thead>
            <tbody>
              {c.payments.map((p) => (
                <tr key={p.id}>
                  <td>{format.date(p.receivedDate)}</td>
                  <td className="num">{format.money(p.amount, p.currency)}</td>
                  <td>{p.method ?? t('common.none')}</td>
                  <td>{[p.reference, p.note].filter(Boolean).join(' · ') || t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </RecordCard>
  );
}
