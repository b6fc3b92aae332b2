import { useEffect, useRef, useState, type HTMLAttributes, type UIEvent } from 'react';
import { Table, type TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface.js';
import { isMasked, type CustomerRow } from '../api/customerLists.ts';
import type { Customer } from '../../../app/api/types.ts';
import { useUserNames } from '../../users/api/users.ts';
import { useTranslation } from '../../../app/i18n/index.ts';
import { Link } from 'wouter';
import { LockIcon } from '../../../app/ui/icons.tsx';
import type { CustomerColumn } from './columns.tsx';
import { DEFAULT_SORT } from './useCustomerListParams.ts';

interface CustomerTableProps {
  rows: CustomerRow[];
  columns: CustomerColumn[];
  sort: string;
  onSortChange: (sort: string) => void;
  refreshing: boolean;
  /** Called when the user scrolls near the end of the loaded rows. */
  onEndReached: () => void;
  /** Row checkboxes (a list selection for bulk actions); masked rows cannot be chosen. */
  selection?: { selected: string[]; onChange: (ids: string[]) => void; label: (row: CustomerRow) => string };
}

function orderOf(sort: string, key: string): SortOrder {
  if (sort === key) return 'ascend';
  if (sort === `-${key}`) return 'descend';
  return null;
}

/** The table fills the window below its top edge, so the virtual body has a fixed height. */
function useBodyHeight() {
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(560);
  useEffect(() => {
    const measure = () => {
      const top = ref.current?.getBoundingClientRect().top ?? 200;
      setHeight(Math.max(320, window.innerHeight - top - 150));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);
  return { ref, height };
}

/** Desk list: a virtualised antd Table (only visible rows are in the DOM) with server-side sorting. */
export function CustomerTable({
  rows,
  columns,
  sort,
  onSortChange,
  refreshing,
  onEndReached,
  selection,
}: CustomerTableProps) {
  const { t } = useTranslation();
  const owners = useUserNames();
  const { ref, height } = useBodyHeight();

  const tableColumns: TableProps<CustomerRow>['columns'] = columns.map((column) => ({
    key: column.key,
    title: column.title,
    width: column.width,
    fixed: column.key === 'name' ? ('left' as const) : undefined,
    ellipsis: column.key !== 'name',
    sorter: column.sortable,
    sortOrder: column.sortable ? orderOf(sort, column.key) : undefined,
    sortDirections:
      column.key === 'updatedAt' || column.key === 'createdAt'
        ? (['descend', 'ascend'] as SortOrder[])
        : (['ascend', 'descend'] as SortOrder[]),
    render: (_: unknown, row: CustomerRow) => {
      if (isMasked(row)) {
        if (column.key === 'name')
          return (
            <span className="locked-name" title={t('list.locked')}>
              <LockIcon aria-hidden="true" /> {row.name ?? '***'} <span className="sr-only">{t('list.locked')}</span>
            </span>
          );
        if (column.key === 'ownerId') return row.ownerId ? owners.get(row.ownerId) : null;
        return null;
      }
      if (column.key === 'name')
        return (
          <Link to={`/customers/${encodeURIComponent(row.id)}`} className="customer-link">
            {row.name}
            {row.shortName && row.shortName !== row.name && (
              <span className="customer-link__short">{row.shortName}</span>
            )}
          </Link>
        );
      return column.render(row as Customer) ?? <span className="muted">{t('common.none')}</span>;
    },
  }));

  const onChange: TableProps<CustomerRow>['onChange'] = (_pagination, _filters, sorter) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = single?.columnKey as string | undefined;
    if (!key || !single?.order) return onSortChange(DEFAULT_SORT);
    onSortChange(single.order === 'descend' ? `-${key}` : key);
  };

  const rowSelection: TableProps<CustomerRow>['rowSelection'] = selection && {
    fixed: true,
    columnWidth: 48,
    selectedRowKeys: selection.selected,
    onChange: (keys) => selection.onChange(keys.map(String)),
    getCheckboxProps: (row) =>
      ({ disabled: isMasked(row), 'aria-label': selection.label(row) }) as ReturnType<
        NonNullable<NonNullable<TableProps<CustomerRow>['rowSelection']>['getCheckboxProps']>
      >,
  };

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const target = event.currentTarget;
    if (target.scrollTop + target.clientHeight > target.scrollHeight - 240) onEndReached();
  };

  return (
    <div ref={ref}>
      <Table<CustomerRow>
        aria-label={t('list.table')}
        rowKey="id"
        size="middle"
        virtual
        rowSelection={rowSelection}
        columns={tableColumns}
        dataSource={rows}
        pagination={false}
        loading={refreshing}
        onChange={onChange}
        onScroll={onScroll}
        scroll={{ x: columns.reduce((sum, c) => sum + c.width, 0), y: height }}
        showSorterTooltip={false}
        rowClassName={(row) => (isMasked(row) ? 'is-locked' : '')}
        onRow={(row) =>
          ({
            'data-testid': 'customer-row',
            'aria-disabled': isMasked(row) || undefined,
          }) as HTMLAttributes<HTMLElement>
        }
      />
    </div>
  );
}
