import { useId } from 'react';
import { Button, Input, Select } from 'antd';
import { customerLevels, customerStatuses } from '../../../../../common/enums.ts';
import { useUserOptions } from '../../users/api/users.ts';
import { useEnumLabel } from '../../../app/i18n/hooks.ts';
import { SearchIcon } from '../../../app/ui/icons.tsx';
import { useTranslation } from '../../../app/i18n/index.ts';
import type { CustomerListController } from './useCustomerListParams.ts';
import { useSearchText } from './useSearchText.ts';

/** Desk toolbar: quick search (name / phone / contact), level, status and owner; sorting is in the table headers. */
export function DesktopFilters({ controller }: { controller: CustomerListController }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const owners = useUserOptions();
  const { state, update, hasFilters, clearFilters } = controller;
  const search = useSearchText(state.q, (q) => update({ q }));
  const ids = { search: useId(), level: useId(), status: useId(), owner: useId() };

  return (
    <div className="filters" role="search">
      <div className="filters__search">
        <label htmlFor={ids.search} className="sr-only">
          {t('list.searchLabel')}
        </label>
        <Input
          id={ids.search}
          type="search"
          allowClear
          prefix={<SearchIcon aria-hidden="true" />}
          placeholder={t('list.searchPlaceholder')}
          value={search.text}
          onChange={(event) => search.setText(event.target.value)}
          onPressEnter={() => search.commit(search.text)}
        />
      </div>
      <div className="filters__field">
        <label htmlFor={ids.level} className="sr-only">
          {t('list.levelFilter')}
        </label>
        <Select<string[]>
          id={ids.level}
          mode="multiple"
          allowClear
          showSearch={false}
          maxTagCount="responsive"
          placeholder={t('list.levelPlaceholder')}
          value={state.levels}
          onChange={(levels) => update({ levels })}
          options={customerLevels.map((value) => ({ value, label: label('level', value) }))}
        />
      </div>
      <div className="filters__field">
        <label htmlFor={ids.status} className="sr-only">
          {t('list.statusFilter')}
        </label>
        <Select<string[]>
          id={ids.status}
          mode="multiple"
          allowClear
          showSearch={false}
          maxTagCount="responsive"
          placeholder={t('list.statusPlaceholder')}
          value={state.statuses}
          onChange={(statuses) => update({ statuses })}
          options={customerStatuses.map((value) => ({ value, label: label('customerStatus', value) }))}
        />
      </div>
      <div className="filters__field">
        <label htmlFor={ids.owner} className="sr-only">
          {t('list.ownerFilter')}
        </label>
        <Select<string[]>
          id={ids.owner}
          mode="multiple"
          allowClear
          optionFilterProp="label"
          maxTagCount="responsive"
          placeholder={t('list.ownerPlaceholder')}
          value={state.owners}
          onChange={(owners) => update({ owners })}
          options={owners}
        />
      </div>
      {hasFilters && (
        <Button type="link" onClick={clearFilters}>
          {t('list.clearFilters')}
        </Button>
      )}
    </div>
  );
}
