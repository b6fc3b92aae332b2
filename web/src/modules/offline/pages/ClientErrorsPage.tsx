import { useState } from 'react';
import { Select, Table, type TableProps } from 'antd';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api/client.ts';
import type { components } from '../../../app/api/schema.d.ts';
import { useFormat } from '../../../app/format/format.ts';
import { AreaPage } from '../../../app/ui/AreaPage.tsx';
import { ErrorState } from '../../../app/ui/ErrorState.tsx';
import { useOfflineT } from '../i18n/index.ts';

type Group = components['schemas']['ClientErrorGroup'];

const groupsQuery = (days: number) =>
  queryOptions({
    queryKey: ['client-errors', 'groups', days],
    queryFn: ({ signal }) => api.get<{ data: Group[] }>('/client-errors/groups', { days }, signal).then((r) => r.data),
  });

/**
 * 前端错误: what phones and desktops reported (uncaught errors, failed saves), one line per browser
 * version, error and screen, in support's words ("Safari 17.3.1 · InvalidStateError · 客户新建").
 */
export default function ClientErrorsPage() {
  const t = useOfflineT();
  const format = useFormat();
  const [days, setDays] = useState(7);
  const groups = useQuery(groupsQuery(days));
  const columns: TableProps<Group>['columns'] = [
    { key: 'line', title: t('clientErrors.summary'), render: (_, g) => <strong>{g.line}</strong> },
    { key: 'count', title: t('clientErrors.count'), dataIndex: 'count', align: 'right' },
    { key: 'kinds', title: t('clientErrors.kinds'), render: (_, g) => g.kinds.join(', ') },
    { key: 'versions', title: t('clientErrors.appVersions'), render: (_, g) => g.appVersions.join(', ') },
    { key: 'lastSeen', title: t('clientErrors.lastSeen'), render: (_, g) => format.dateTime(g.lastSeen) },
  ];
  return (
    <AreaPage
      tabs={[{ key: 'groups', path: '/client-errors/groups', label: t('clientErrors.tabs.groups') }]}
      tabsLabel={t('clientErrors.tabs.label')}
      title={t('clientErrors.title')}
      intro={<p>{t('clientErrors.intro')}</p>}
      actions={
        <label className="field-inline">
          {t('clientErrors.days')}{' '}
          <Select
            aria-label={t('clientErrors.days')}
            value={days}
            onChange={setDays}
            options={[1, 7, 30, 90].map((value) => ({ value, label: String(value) }))}
            style={{ width: 90 }}
          />
        </label>
      }
    >
      {groups.isError ? (
        <ErrorState error={groups.error} onRetry={() => void groups.refetch()} retrying={groups.isFetching} />
      ) : (
        <Table<Group>
          rowKey={(g) => `${g.line}|${g.route}`}
          loading={groups.isPending}
          columns={columns}
          dataSource={groups.data ?? []}
          pagination={false}
          locale={{ emptyText: t('clientErrors.empty') }}
          data-testid="client-error-groups"
        />
      )}
    </AreaPage>
  );
}
