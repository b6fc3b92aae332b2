import { useId } from 'react';
import { useTranslation } from '../../../app/i18n/index.ts';
import { customerLevels, customerStatuses } from '../../../../../common/enums.ts';
import { useEnumLabel } from '../../../app/i18n/hooks.ts';
import { ChipGroup } from '../../../app/ui/ChipGroup.tsx';
import { sortValues, type CustomerListController, type SortValue } from './useCustomerListParams.ts';
import { useSearchText } from './useSearchText.ts';

/** Phone toolbar from native controls and chips: the OS keyboard/picker, and no antd Select/Input in the bundle. */
export function MobileFilters({ controller }: { controller: CustomerListController }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const { state, update, hasFilters, clearFilters } = controller;
  const search = useSearchText(state.q, (q) => update({ q }));
  const searchId = useId();
  const sortId = useId();

  return (
    <div className="m-filters" role="search">
      <form
        className="m-filters__row"
        onSubmit={(event) => {
          event.preventDefault();
          search.commit(search.text);
          (document.activeElement as HTMLElement | null)?.blur(); // closes the keyboard
        }}
      >
        <label htmlFor={searchId} className="sr-only">
          {t('list.searchLabel')}
        </label>
        <input
          id={searchId}
          className="native-input"
          type="search"
          enterKeyHint="search"
          autoComplete="off"
          placeholder={t('list.searchPlaceholder')}
          value={search.text}
          onChange={(event) => search.setText(event.target.value)}
        />
        <label htmlFor={sortId} className="sr-only">
          {t('list.sortLabel')}
        </label>
        <select
          id={sortId}
          className="native-select"
          value={state.sort}
          onChange={(event) => update({ sort: event.target.value as SortValue })}
        >
          {sortValues.map((value) => (
            <option key={value} value={value}>
              {t(`list.sort.${value as (typeof sortValues)[number]}`)}
            </option>
          ))}
        </select>
      </form>
      <div className="m-filters__chips">
        <ChipGroup
          label={t('list.levelFilter')}
          options={customerLevels.map((value) => ({ value, label: label('level', value) ?? value }))}
          value={state.levels}
          onChange={(levels) => update({ levels })}
        />
        <ChipGroup
          label={t('list.statusFilter')}
          options={customerStatuses.map((value) => ({ value, label: label('customerStatus', value) ?? value }))}
          value={state.statuses}
          onChange={(statuses) => update({ statuses })}
        />
        {hasFilters && (
          <button type="button" className="chip chip--link" onClick={clearFilters}>
            {t('list.clearFilters')}
          </button>
        )}
      </div>
    </div>
  );
}
