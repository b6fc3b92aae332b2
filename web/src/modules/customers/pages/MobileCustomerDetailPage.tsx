import { lazy, Suspense, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { customerLiteQuery, latestFollowupQuery } from '../api/customers.ts';
import { useLiteFields } from '../../settings/api/tenant.ts';
import { BackLink } from '../../../app/ui/BackLink.tsx';
import { useCustomerFieldView } from '../components/customerFields.tsx';
import { Dialog } from '../../../app/ui/Dialog.tsx';
import { ErrorState } from '../../../app/ui/ErrorState.tsx';
import { ChevronIcon, PenIcon, PhoneIcon } from '../../../app/ui/icons.tsx';
import { Skeleton } from '../../../app/ui/states.tsx';
import { telHref } from '../../../app/format/format.ts';
import { loadMoreMessages, useTranslation, type MessageKey } from '../../../app/i18n/index.ts';
import { Link, useParams } from 'wouter';
import type { RelatedKind } from '../components/RelatedPanel.tsx';
import { usePermission } from '../../auth/permissions.ts';

// Everything below the lite header is fetched on tap, code and data alike.
const RelatedPanel = lazy(async () => {
  const [module] = await Promise.all([import('../components/RelatedPanel.tsx'), loadMoreMessages()]);
  return { default: module.RelatedPanel };
});
// The composer (and its quick-text chips) loads when the rep reaches for "写跟进", not with the page.
const loadComposer = () => import('../../followups/components/FollowupComposer.tsx');
const FollowupComposer = lazy(async () => ({ default: (await loadComposer()).FollowupComposer }));
// The smart buttons (刚聊完, 已发方案, 等客户回复) and their strings load after the lite header.
const SmartButtons = lazy(async () => {
  const [module] = await Promise.all([import('../../followups/components/SmartButtons.tsx'), loadMoreMessages()]);
  return { default: module.SmartButtons };
});
const CustomerMoreFields = lazy(async () => {
  const [module] = await Promise.all([import('../components/CustomerMoreFields.tsx'), loadMoreMessages()]);
  return { default: module.CustomerMoreFields };
});

const sections: Array<{ kind: RelatedKind; label: MessageKey }> = [
  { kind: 'contacts', label: 'detail.tabs.contacts' },
  { kind: 'opportunities', label: 'detail.tabs.opportunities' },
  { kind: 'followups', label: 'detail.tabs.followups' },
  { kind: 'contracts', label: 'detail.tabs.contracts' },
  { kind: 'attachments', label: 'detail.tabs.attachments' },
  { kind: 'history', label: 'detail.tabs.history' },
];

/**
 * Phone customer detail in lite mode: the tenant's 5 lite fields (one small `fields=` request, plus the
 * latest follow-up's time), "更多" for the rest, related lists only when tapped. Plain React and CSS:
 * this route has a 100 KB gzip budget for its JavaScript (see web/scripts/check-route-budget.ts).
 */
export default function MobileCustomerDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams<{ id: string }>();
  const [liteShown, setLiteShown] = useState(false);
  const liteFields = useLiteFields({ refresh: liteShown });
  const lite = useQuery(customerLiteQuery(id, liteFields));
  // The /tenant check (has the lite-field setting changed?) queues behind the header's own requests.
  if (lite.isSuccess && !liteShown) setLiteShown(true);
  const lastFollowup = useQuery({ ...latestFollowupQuery(id), enabled: liteFields.includes('lastFollowupAt') });
  const view = useCustomerFieldView();
  const can = usePermission();
  const [composing, setComposing] = useState(false);
  const [showMore, setShowMore] = useState(false);
  const [open, setOpen] = useState<ReadonlySet<RelatedKind>>(new Set());

  const toggle = (kind: RelatedKind) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });

  if (lite.isPending) {
    return (
      <div className="page m-detail">
        <BackLink to="/customers">{t('detail.backToList')}</BackLink>
        <Skeleton rows={5} />
      </div>
    );
  }
  if (lite.isError) {
    return (
      <div className="page m-detail">
        <BackLink to="/customers">{t('detail.backToList')}</BackLink>
        <ErrorState error={lite.error} onRetry={() => void lite.refetch()} retrying={lite.isFetching} />
      </div>
    );
  }

  const customer = lite.data;
  const phone = customer.mainPhone;
  const shown = liteFields.filter((field) => field !== 'name');

  return (
    <div className="page m-detail">
      <BackLink to="/customers">{t('detail.backToList')}</BackLink>
      <header className="m-card m-detail__head">
        <h1 className="page__title" data-testid="lite-field-name">
          {customer.name}
        </h1>
        <dl className="lite-fields">
          {shown.map((field) => (
            <div key={field} className="lite-fields__item" data-testid={`lite-field-${field}`}>
              <dt>{view.label(field)}</dt>
              <dd>
                {field === 'lastFollowupAt' && lastFollowup.isPending
                  ? '…'
                  : (view.value(field, customer, { lastFollowupAt: lastFollowup.data }) ?? t('common.none'))}
              </dd>
            </div>
          ))}
        </dl>
      </header>

      <div className="m-actions">
        <button
          type="button"
          className="btn btn--primary m-actions__main"
          onPointerDown={() => void loadComposer()}
          onFocus={() => void loadComposer()}
          onClick={() => setComposing(true)}
        >
          <PenIcon aria-hidden="true" /> {t('followup.write')}
        </button>
        {phone && (
          <a className="btn" href={telHref(phone)} aria-label={t('detail.callPhone', { phone })}>
            <PhoneIcon aria-hidden="true" /> {t('detail.call')}
          </a>
        )}
        {can('update', 'customer', customer) && (
          <Link className="btn" to={`/customers/${encodeURIComponent(id)}/edit`}>
            {t('common.edit')}
          </Link>
        )}
      </div>

      {can('create', 'followup') && (
        <Suspense fallback={null}>
          <SmartButtons customerId={id} />
        </Suspense>
      )}

      <section className="m-card m-sections" aria-label={t('detail.tabsLabel')}>
        <Disclosure
          label={t('detail.more')}
          expanded={showMore}
          onToggle={() => setShowMore((v) => !v)}
          controls="more-fields"
        >
          <Suspense fallback={<Skeleton rows={4} />}>
            <CustomerMoreFields customerId={id} exclude={liteFields} />
          </Suspense>
        </Disclosure>
        {sections.map(({ kind, label }) => (
          <Disclosure
            key={kind}
            label={t(label)}
            expanded={open.has(kind)}
            onToggle={() => toggle(kind)}
            controls={`section-${kind}`}
          >
            <Suspense fallback={<Skeleton rows={3} />}>
              <RelatedPanel kind={kind} customerId={id} />
            </Suspense>
          </Disclosure>
        ))}
      </section>

      <Dialog
        open={composing}
        onClose={() => setComposing(false)}
        title={t('followup.write')}
        variant="sheet"
        testId="followup-quick-add"
      >
        <Suspense fallback={<Skeleton rows={3} />}>
          <FollowupComposer customerId={id} onSaved={() => setComposing(false)} onCancel={() => setComposing(false)} />
        </Suspense>
      </Dialog>
    </div>
  );
}

interface DisclosureProps {
  label: string;
  expanded: boolean;
  onToggle: () => void;
  controls: string;
  children: React.ReactNode;
}

/** A heading button that shows its panel; the panel (and its request) only exists once opened. */
function Disclosure({ label, expanded, onToggle, controls, children }: DisclosureProps) {
  return (
    <div className="disclosure">
      <h2 className="disclosure__heading">
        <button
          type="button"
          className="disclosure__button"
          aria-expanded={expanded}
          aria-controls={controls}
          onClick={onToggle}
        >
          <span>{label}</span>
          <ChevronIcon className={expanded ? 'disclosure__icon is-open' : 'disclosure__icon'} />
        </button>
      </h2>
      {expanded && (
        <div id={controls} className="disclosure__panel">
          {children}
        </div>
      )}
    </div>
  );
}
