import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../app/api/client.ts';
import type { CustomField, CustomFieldObject, Page } from '../../../app/api/types.ts';

/** An object's custom field definitions, in their configured order. */
export const customFieldsQuery = (objectType: CustomFieldObject) =>
  queryOptions({
    queryKey: ['custom-fields', 'list', objectType],
    queryFn: ({ signal }) =>
      api
        .get<Page<CustomField>>('/custom-fields', { filter: { objectType }, sort: 'sortOrder', limit: 200 }, signal)
        .then((page) => page.data),
    staleTime: 5 * 60_000,
  });
