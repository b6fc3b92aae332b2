import { infiniteQueryOptions } from '@tanstack/react-query';
import { api } from '../../../app/api/client.ts';
import type { AuditEntry, Page } from '../../../app/api/types.ts';

/** A record's field-level change history, newest first. */
export const auditQuery = (recordType: string, recordId: string) =>
  infiniteQueryOptions({
    queryKey: ['audit', recordType, recordId],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<AuditEntry>>('/audit', { recordType, recordId, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
