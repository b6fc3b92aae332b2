import { Table, type TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface.js';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../api/types.ts';
import { useUserNames } from '../../api/users.ts';
import { useFormat } from '../../format/format.ts';
import { LevelTag, StatusTag } from '../EnumTags.tsx';
import type { CustomerRowsProps } from './CustomerRows.tsx';
import { DEFAULT_SORT, type SortValue } from './useCustomerListParams.ts';

type SortField = 'name' | 'level' | 'updatedAt';


function orderOf(sort: SortValue, field: SortField): SortOrder {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

/** Desktop list with server-side sorting from the column headers. */
export default function CustomerTable({ rows, sort, onSortChange, refreshing }: CustomerRowsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const owners = useUserNames();

  const sortable = (field: SortField, first: 'ascend' | 'descend' = 'ascend') => ({
    key: field,
    sorter: true,
    sortOrder: orderOf(sort, field),
    sortDirections: (first === 'ascend' ? ['ascend', 'descend'] : ['descend', 'ascend']) as SortOrder[],
  });

  const columns: TableProps<Customer>['columns'] = [
    {
      title: t('customer.fields.name'),
      dataIndex: 'name',
      ...sortable('name'),
      render: (_, customer) => (
        <Link to={`/customers/${encodeURIComponent(customer.id)}`} className="customer-link">
          {customer.name}
          {customer.shortName && customer.shortName !== customer.name && (
            <span className="customer-link__short">{customer.shortName}</span>
          )}
        </Link>
      ),
    },
    { title: t('customer.fields.level'), dataIndex: 'level', ...sortable('level'), render: (level) => <LevelTag level={level} /> },
    { title: t('customer.fields.status'), dataIndex: 'status', key: 'status', render: (status) => <StatusTag status={status} /> },
    {
      title: t('customer.fields.owner'),
      dataIndex: 'ownerId',
      key: 'owner',
      render: (ownerId: string | null) => (ownerId ? owners.get(ownerId) : null) ?? t('common.none'),
    },
    { title: t('customer.fields.mainPhone'), dataIndex: 'mainPhone', key: 'mainPhone', render: (v) => v || t('common.none') },
    { title: t('customer.fields.industry'), dataIndex: 'industry', key: 'industry', render: (v) => v || t('common.none') },
    { title: t('customer.fields.region'), dataIndex: 'region', key: 'region', render: (v) => v || t('common.none') },
    {
      title: t('customer.fields.updatedAt'),
      dataIndex: 'updatedAt',
      ...sortable('updatedAt', 'descend'),
      render: (value: string) => <time dateTime={value}>{format.dateTime(value)}</time>,
    },
  ];

  const onChange: TableProps<Customer>['onChange'] = (_pagination, _filters, sorter) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = single?.columnKey as SortField | undefined;
    if (!field || !single?.order) return onSortChange(DEFAULT_SORT);
    onSortChange((single.order === 'descend' ? `-${field}` : field) as SortValue);
  };

  return (
    <Table<Customer>
      aria-label={t('list.table')}
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      pagination={false}
      loading={refreshing}
      onChange={onChange}
      scroll={{ x: 'max-content' }}
      showSorterTooltip={false}
    />
  );
}
