import { Button, Input, Select } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { customerLevels, customerStatuses } from '../../../../common/enums.ts';
import { useEnumLabel } from '../../i18n/hooks.ts';
import type { CustomerFiltersProps } from './CustomerFilters.tsx';
import { useSearchText } from './useSearchText.ts';

/** Desktop toolbar: search, level and status multi-selects; sorting happens in the table headers. */
export default function DesktopFilters({ controller }: CustomerFiltersProps) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const { state, update, hasFilters, clearFilters } = controller;
  const search = useSearchText(state.q, (q) => update({ q }));
  const searchId = useId();
  const levelId = useId();
  const statusId = useId();

  return (
    <div className="filters" role="search">
      <div className="filters__search">
        <label htmlFor={searchId} className="sr-only">
          {t('list.searchLabel')}
        </label>
        <Input.Search
          id={searchId}
          allowClear
          placeholder={t('list.searchPlaceholder')}
          value={search.text}
          onChange={(event) => search.setText(event.target.value)}
          onSearch={search.commit}
        />
      </div>
      <div className="filters__field">
        <label htmlFor={levelId} className="sr-only">
          {t('list.levelFilter')}
        </label>
        <Select<string[]>
          id={levelId}
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
        <label htmlFor={statusId} className="sr-only">
          {t('list.statusFilter')}
        </label>
        <Select<string[]>
          id={statusId}
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
      {hasFilters && (
        <Button type="link" onClick={clearFilters}>
          {t('list.clearFilters')}
        </Button>
      )}
    </div>
  );
}
