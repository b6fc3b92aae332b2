import { v7 as uuidv7 } from 'uuid';

/** Time-ordered UUIDv7 ids: they index well and sort by creation time. */
export const newId = (): string => uuidv7();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);
