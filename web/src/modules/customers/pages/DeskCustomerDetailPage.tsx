import { lazy, Suspense } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { customerQuery, latestFollowupQuery } from '../api/customers.ts';
import { customFieldsQuery } from '../../custom-fields/api/customFields.ts';
import { BackLink } from '../../../app/ui/BackLink.tsx';
import { CUSTOMER_FIELDS, useCustomerFieldView } from '../components/customerFields.tsx';
import { LevelTag, StatusTag } from '../../../app/ui/EnumTags.tsx';
import { ErrorState } from '../../../app/ui/ErrorState.tsx';
import { FieldList } from '../../../app/ui/FieldList.tsx';
import { LazyTabs } from '../../../app/ui/LazyTabs.tsx';
import { DeleteButton } from '../../../app/ui/records/DeleteButton.tsx';
import { ExplainButton } from '../../access/components/ExplainButton.tsx';
import { RelatedPanel, type RelatedKind } from '../components/RelatedPanel.tsx';
import { Skeleton } from '../../../app/ui/states.tsx';
import { useDocumentTitle } from '../../../app/hooks/useDocumentTitle.ts';
import { useTranslation } from '../../../app/i18n/index.ts';
import { Link, useParams, useSearchParams } from 'wouter';
import { navigate } from '../../../app/routing/router.tsx';
import { IfAllowed } from '../../auth/IfAllowed.tsx';

// 自动化 ▾: the manual rules this user may start on the customer (its own chunk, with the automation messages)
const ManualRuleMenu = lazy(() => import('../../automation/components/ManualRuleMenu.tsx'));

const tabKeys: RelatedKind[] = ['contacts', 'opportunities', 'followups', 'contracts', 'attachments', 'history'];
const isTab = (value: string | null): value is RelatedKind => tabKeys.includes(value as RelatedKind);
const HEADER_SKIP = new Set(['name', 'level', 'status', 'tags']);

/** Desk customer detail: every field in the header, related lists in tabs fetched when first opened. */
export default function DeskCustomerDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams<{ id: string }>();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('tab');
  const activeTab: RelatedKind = isTab(requested) ? requested : 'followups';
  const customer = useQuery(customerQuery(id));
  const lastFollowup = useQuery(latestFollowupQuery(id));
  const defs = useQuery(customFieldsQuery('customer'));
  const view = useCustomerFieldView(defs.data);
  const queryClient = useQueryClient();
  useDocumentTitle(customer.data?.name);

  const setTab = (key: RelatedKind) =>
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set('tab', key);
        return next;
      },
      { replace: true },
    );

  if (customer.isPending) {
    return (
      <div className="page">
        <BackLink to="/customers">{t('detail.backToList')}</BackLink>
        <Skeleton rows={6} />
      </div>
    );
  }
  if (customer.isError) {
    return (
      <div className="page">
        <BackLink to="/customers">{t('detail.backToList')}</BackLink>
        <ErrorState error={customer.error} onRetry={() => void customer.refetch()} retrying={customer.isFetching} />
        <ExplainButton recordType="customer" recordId={id} />
      </div>
    );
  }

  const c = customer.data;
  const fields = [
    ...CUSTOMER_FIELDS.filter((f) => !HEADER_SKIP.has(f)),
    ...(defs.data ?? []).map((d) => `custom.${d.key}`),
  ];
  return (
    <div className="page">
      <BackLink to="/customers">{t('detail.backToList')}</BackLink>
      <header className="m-card customer-header">
        <div className="customer-header__title">
          <h1 className="page__title">{c.name}</h1>
          <LevelTag level={c.level} />
          <StatusTag status={c.status} />
          {view.value('tags', c)}
          <div className="customer-header__actions">
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => {
                setTab('followups');
                requestAnimationFrame(() => document.querySelector<HTMLElement>('.composer .chip')?.focus());
              }}
            >
              {t('followup.write')}
            </button>
            <IfAllowed action="update" object="customer" record={c}>
              <Link className="btn" to={`/customers/${encodeURIComponent(id)}/edit`}>
                {t('common.edit')}
              </Link>
            </IfAllowed>
            <IfAllowed action="update" object="customer" record={c}>
              <Suspense fallback={null}>
                <ManualRuleMenu
                  object="customer"
                  recordIds={[id]}
                  onDone={() => {
                    void queryClient.invalidateQueries({ queryKey: ['customers'] });
                    void queryClient.invalidateQueries({ queryKey: ['followups'] });
                  }}
                />
              </Suspense>
            </IfAllowed>
            <ExplainButton recordType="customer" recordId={id} />
            <DeleteButton
              resource="customers"
              object="customer"
              record={c}
              id={id}
              name={c.name}
              className="btn btn--danger-text"
              onDeleted={() => navigate('/customers', { replace: true })}
            />
          </div>
        </div>
        <FieldList
          items={fields.map((field) => ({
            label: view.label(field),
            value: view.value(field, c, { lastFollowupAt: lastFollowup.data }),
          }))}
        />
      </header>
      <section className="m-card customer-tabs">
        <LazyTabs<RelatedKind>
          label={t('detail.tabsLabel')}
          activeKey={activeTab}
          onChange={setTab}
          items={tabKeys.map((key) => ({
            key,
            label: t(`detail.tabs.${key}`),
            render: () => <RelatedPanel kind={key} customerId={id} composer />,
          }))}
        />
      </section>
    </div>
  );
}
