import { createContext, useContext } from 'react';

/**
 * Starts a route's chunk and first requests (routes.tsx `prefetchRoute`), handed to pages by
 * <App>: a page cannot import the route table, which imports the pages.
 */
export const RoutePrefetchContext = createContext<(pathname: string) => Promise<unknown>>(() => Promise.resolve());

export const usePrefetchRoute = () => useContext(RoutePrefetchContext);
