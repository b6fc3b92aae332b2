import { useCallback, useMemo } from 'react';
import { customerLevels, customerStatuses } from '../../../../../common/enums.ts';
import { buildCustomerFilter, type CustomerListParams } from '../api/customerLists.ts';
import { useSearchParams } from 'wouter';

/** Sorts offered on the phone; the desk table offers these and more through its headers. */
export const sortValues = ['-updatedAt', 'updatedAt', 'name', '-name', 'level', '-level', '-createdAt'] as const;
export type SortValue = string;
export const DEFAULT_SORT = '-updatedAt';

const SORT_PATTERN = /^-?(name|level|status|updatedAt|createdAt|region|industry|custom\.[A-Za-z0-9_]+)$/;
const oneOf =
  <T extends string>(allowed: readonly T[]) =>
  (value: string): value is T =>
    allowed.includes(value as T);

export interface ListState {
  q: string;
  levels: string[];
  statuses: string[];
  owners: string[];
  sort: SortValue;
}

/** List state lives in the URL, so reload, share and "back from detail" keep the view. */
export function useCustomerListParams(fields: string[]) {
  const [searchParams, setSearchParams] = useSearchParams();
  const key = searchParams.toString();

  const state = useMemo<ListState>(() => {
    const params = new URLSearchParams(key);
    const sort = params.get('sort') ?? '';
    return {
      q: params.get('q') ?? '',
      levels: params.getAll('level').filter(oneOf(customerLevels)),
      statuses: params.getAll('status').filter(oneOf(customerStatuses)),
      owners: params.getAll('owner'),
      sort: SORT_PATTERN.test(sort) ? sort : DEFAULT_SORT,
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
          for (const [name, values] of [
            ['level', patch.levels],
            ['status', patch.statuses],
            ['owner', patch.owners],
          ] as const) {
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

  const fieldsKey = fields.join(',');
  const query = useMemo<CustomerListParams>(
    () => ({
      q: state.q,
      sort: state.sort,
      filter: buildCustomerFilter({ level: state.levels, status: state.statuses, ownerId: state.owners }),
      fields: fieldsKey.split(','),
    }),
    [state, fieldsKey],
  );

  const hasFilters = Boolean(state.q || state.levels.length || state.statuses.length || state.owners.length);
  const clearFilters = useCallback(() => update({ q: '', levels: [], statuses: [], owners: [] }), [update]);

  return { state, query, update, hasFilters, clearFilters };
}

export type CustomerListController = ReturnType<typeof useCustomerListParams>;
