/** Stands in for `use-sync-external-store/shim` (see web/vite.config.ts): React has the hook itself. */
export { useSyncExternalStore } from 'react';
