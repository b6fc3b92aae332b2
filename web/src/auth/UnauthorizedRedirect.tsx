import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { setUnauthorizedHandler } from '../api/client.ts';
import type { LoginLocationState } from './session.ts';

/** Routes the client's "token rejected" signal to /login with a session-expired notice. */
export function UnauthorizedRedirect() {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const from = location.pathname + location.search;

  useEffect(
    () =>
      setUnauthorizedHandler(() => {
        const state: LoginLocationState = { reason: 'expired', from: from.startsWith('/login') ? undefined : from };
        void navigate('/login', { replace: true, state });
        // After the pages unmount, so nothing refetches without a token.
        setTimeout(() => queryClient.clear(), 0);
      }),
    [navigate, queryClient, from],
  );
  return null;
}
