import { useMemo } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { auditQuery } from '../api/audit.ts';
import type { AuditEntry } from '../../../app/api/types.ts';
import { useUserNames } from '../../users/api/users.ts';
import { useFormat } from '../../../app/format/format.ts';
import { useTranslation, type MessageKey } from '../../../app/i18n/index.ts';
import { ErrorState } from '../../../app/ui/ErrorState.tsx';
import { LoadMore } from '../../../app/ui/LoadMore.tsx';
import { EmptyState, Skeleton, Tag } from '../../../app/ui/states.tsx';

const HIDDEN_FIELDS = new Set(['version', 'updatedAt', 'updatedBy', 'createdAt', 'createdBy', 'tenantId', 'id']);
const actionTones: Record<string, 'green' | 'red' | 'blue' | 'grey'> = {
  create: 'green',
  delete: 'red',
  restore: 'blue',
  update: 'grey',
};

/** The record's audit trail as a field-by-field diff (before → after), newest first. */
export function HistoryPanel({
  recordType,
  recordId,
  fieldLabel,
}: {
  recordType: string;
  recordId: string;
  fieldLabel: (field: string) => string;
}) {
  const { t } = useTranslation();
  const query = useInfiniteQuery(auditQuery(recordType, recordId));
  const entries = useMemo(() => query.data?.pages.flatMap((p) => p.data) ?? [], [query.data]);
  if (query.isPending) return <Skeleton rows={4} />;
  if (query.isError && !query.data)
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  if (!entries.length) return <EmptyState title={t('history.empty')} />;
  return (
    <>
      <ol className="history">
        {entries.map((entry) => (
          <HistoryEntry key={entry.id} entry={entry} fieldLabel={fieldLabel} />
        ))}
      </ol>
      {(query.hasNextPage || query.isFetchNextPageError) && (
        <LoadMore
          hasMore={query.hasNextPage}
          loading={query.isFetchingNextPage}
          error={query.isFetchNextPageError ? query.error : null}
          onLoadMore={() => void query.fetchNextPage()}
        />
      )}
    </>
  );
}

function HistoryEntry({ entry, fieldLabel }: { entry: AuditEntry; fieldLabel: (field: string) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const users = useUserNames();
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('common.none');
    if (field === 'ownerId' || field.endsWith('Id')) return users.get(String(value)) ?? String(value);
    if (Array.isArray(value))
      return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('、');
    if (typeof value === 'object') {
      const money = value as { amount?: string; currency?: string };
      if (money.amount !== undefined && money.currency) return format.money(money.amount, money.currency) ?? '';
      return JSON.stringify(value);
    }
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return format.dateTime(value) ?? value;
    return String(value);
  };
  const changes = Object.entries(entry.changes ?? {})
    .filter(([field]) => !HIDDEN_FIELDS.has(field))
    .flatMap(([field, change]) => {
      // custom values arrive as one object; show each key as its own row
      const c = (change ?? {}) as { before?: unknown; after?: unknown };
      if (field === 'custom' && (typeof c.before === 'object' || typeof c.after === 'object')) {
        const before = (c.before ?? {}) as Record<string, unknown>;
        const after = (c.after ?? {}) as Record<string, unknown>;
        return [...new Set([...Object.keys(before), ...Object.keys(after)])]
          .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
          .map((key) => ({ field: `custom.${key}`, before: before[key], after: after[key] }));
      }
      return [{ field, before: c.before, after: c.after }];
    });
  return (
    <li className="history__entry">
      <div className="history__head">
        <Tag tone={actionTones[entry.action] ?? 'grey'}>
          {t(`history.actions.${entry.action}` as MessageKey, { defaultValue: entry.action })}
        </Tag>
        <span>{entry.actorName ?? t('history.system')}</span>
        {entry.via && <Tag tone="blue">{t('history.viaChannel', { key: entry.via.channelKey })}</Tag>}
        <time className="muted" dateTime={entry.occurredAt}>
          {format.dateTime(entry.occurredAt)}
        </time>
      </div>
      {changes.length > 0 && (
        <div className="table-scroll">
          <table className="mini-table diff">
            <thead>
              <tr>
                <th scope="col">{t('history.field')}</th>
                <th scope="col">{t('history.before')}</th>
                <th scope="col">{t('history.after')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr key={change.field}>
                  <th scope="row">{fieldLabel(change.field)}</th>
                  <td className="diff__before">
                    <del>{show(change.field, change.before)}</del>
                  </td>
                  <td className="diff__after">
                    <ins>{show(change.field, change.after)}</ins>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </li>
  );
}
