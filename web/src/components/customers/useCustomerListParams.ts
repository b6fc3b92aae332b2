import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { customerLevels, customerStatuses } from '../../../../common/enums.ts';
import { buildCustomerFilter, type CustomerListParams } from '../../api/customers.ts';

/** Sorts offered on the phone; the desktop table offers the same fields through its headers. */
export const sortValues = ['-updatedAt', 'updatedAt', 'name', '-name', 'level', '-level'] as const;
export type SortValue = (typeof sortValues)[number];
export const DEFAULT_SORT: SortValue = '-updatedAt';

const isSort = (value: string | null): value is SortValue => sortValues.includes(value as SortValue);
const oneOf = <T extends string>(allowed: readonly T[]) => (value: string): value is T => allowed.includes(value as T);

export interface ListState {
  q: string;
  levels: string[];
  statuses: string[];
  sort: SortValue;
}

/** List state lives in the URL, so reload, share and "back from detail" keep the view. */
export function useCustomerListParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const key = searchParams.toString();

  const state = useMemo<ListState>(() => {
    const params = new URLSearchParams(key);
    const sort = params.get('sort');
    return {
      q: params.get('q') ?? '',
      levels: params.getAll('level').filter(oneOf(customerLevels)),
      statuses: params.getAll('status').filter(oneOf(customerStatuses)),
      sort: isSort(sort) ? sort : DEFAULT_SORT,
    };
  }, [key]);

  const update = useCallback(
    (patch: Partial<ListState>) =>
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (patch.q !== undefined) {
            if (patch.q) next.set('q', patch.q);
            else next.delete('q');
          }
          for (const [name, values] of [['level', patch.levels], ['status', patch.statuses]] as const) {
            if (!values) continue;
            next.delete(name);
            for (const value of values) next.append(name, value);
          }
          if (patch.sort !== undefined) {
            if (patch.sort === DEFAULT_SORT) next.delete('sort');
            else next.set('sort', patch.sort);
          }
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );

  const query = useMemo<CustomerListParams>(
    () => ({ q: state.q, sort: state.sort, filter: buildCustomerFilter({ level: state.levels, status: state.statuses }) }),
    [state],
  );

  const hasFilters = Boolean(state.q || state.levels.length || state.statuses.length);
  const clearFilters = useCallback(() => update({ q: '', levels: [], statuses: [] }), [update]);

  return { state, query, update, hasFilters, clearFilters };
}

export type CustomerListController = ReturnType<typeof useCustomerListParams>;
