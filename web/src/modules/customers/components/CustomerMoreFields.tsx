import { useQuery } from '@tanstack/react-query';
import { customerQuery } from '../api/customers.ts';
import { customFieldsQuery } from '../../custom-fields/api/customFields.ts';
import { useTranslation } from '../../../app/i18n/index.ts';
import { navigate } from '../../../app/routing/router.tsx';
import { CUSTOMER_FIELDS, useCustomerFieldView } from './customerFields.tsx';
import { ErrorState } from '../../../app/ui/ErrorState.tsx';
import { FieldList } from '../../../app/ui/FieldList.tsx';
import { Skeleton } from '../../../app/ui/states.tsx';
import { DeleteButton } from '../../../app/ui/records/DeleteButton.tsx';

/** "更多" on the phone: the full record (one more request) minus what the lite header already shows. */
export function CustomerMoreFields({ customerId, exclude }: { customerId: string; exclude: readonly string[] }) {
  const { t } = useTranslation();
  const customer = useQuery(customerQuery(customerId));
  const defs = useQuery(customFieldsQuery('customer'));
  const view = useCustomerFieldView(defs.data);
  if (customer.isPending) return <Skeleton rows={4} />;
  if (customer.isError)
    return <ErrorState error={customer.error} onRetry={() => void customer.refetch()} retrying={customer.isFetching} />;
  const fields = [
    ...CUSTOMER_FIELDS.filter((f) => f !== 'lastFollowupAt'),
    ...(defs.data ?? []).map((d) => `custom.${d.key}`),
  ].filter((f) => !exclude.includes(f));
  return (
    <>
      <FieldList
        items={fields.map((field) => ({ label: view.label(field), value: view.value(field, customer.data) }))}
      />
      <div className="record-card__actions">
        <DeleteButton
          resource="customers"
          object="customer"
          record={customer.data}
          id={customerId}
          name={customer.data.name}
          className="btn btn--danger-text"
          onDeleted={() => navigate('/customers', { replace: true })}
        />
      </div>
      {customer.data && <p className="muted small">{t('detail.version', { version: customer.data.version })}</p>}
    </>
  );
}
