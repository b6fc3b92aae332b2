import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { tokenStore } from '../api/client.ts';
import type { LoginLocationState } from './session.ts';

/** Without a token there is nothing to try; with one, the first 401 sends the user back here (see client.ts). */
export function RequireAuth() {
  const location = useLocation();
  if (!tokenStore.get()) {
    const state: LoginLocationState = { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  return <Outlet />;
}
