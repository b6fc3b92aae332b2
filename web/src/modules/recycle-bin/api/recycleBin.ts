import { infiniteQueryOptions } from '@tanstack/react-query';
import { api } from '../../../app/api/client.ts';
import type { Page, RecycleBinEntry } from '../../../app/api/types.ts';

export const recycleBinQuery = infiniteQueryOptions({
  queryKey: ['recycle-bin'],
  queryFn: ({ pageParam, signal }) =>
    api.get<Page<RecycleBinEntry>>('/recycle-bin', { limit: 50, cursor: pageParam }, signal),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last) => last.nextCursor ?? undefined,
});

export const restoreFromBin = (entry: Pick<RecycleBinEntry, 'recordType' | 'recordId'>) =>
  api.post<unknown>(
    `/recycle-bin/${encodeURIComponent(entry.recordType)}/${encodeURIComponent(entry.recordId)}/restore`,
  );
