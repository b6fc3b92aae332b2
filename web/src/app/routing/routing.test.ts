import { describe, expect, it } from 'vitest';
import { matchRoute } from '../routes.tsx';
import { integrationTabs } from '../../modules/integrations/integration-tabs.ts';
import { isActivePath } from './router.tsx';

describe('the route table', () => {
  const match = (pathname: string) => {
    const found = matchRoute(pathname);
    return found && { path: found.route.path, params: found.params };
  };

  it('matches literal paths before parameters, and their parameters', () => {
    expect(match('/customers/new')).toEqual({ path: '/customers/new', params: {} });
    expect(match('/customers/0193-abc')).toMatchObject({ path: '/customers/:id', params: { id: '0193-abc' } });
    expect(match('/customers/0193-abc/')).toMatchObject({ path: '/customers/:id' });
    expect(match('/customers/c1/contracts/k9/payments/new')).toMatchObject({
      path: '/customers/:id/contracts/:rid/payments/new',
      params: { id: 'c1', rid: 'k9' },
    });
  });

  it('routes every tab of the integration center into its page chunk', () => {
    for (const tab of integrationTabs) expect(match(tab.path)?.path).toBe('/integrations/*?');
    expect(match('/integrations/channels/ch1')?.path).toBe('/integrations/*?');
    expect(match('/integrations')?.path).toBe('/integrations/*?');
  });

  it('routes the access-control and report pages into their own route modules', () => {
    for (const path of ['/access', '/access/matrix', '/access/roles', '/access/inheritance', '/access/simulate'])
      expect(match(path)?.path).toBe('/access/*?');
    for (const path of [
      '/reports',
      '/reports/run',
      '/reports/definitions/d1',
      '/reports/fx-rates',
      '/reports/snapshots/s1',
    ])
      expect(match(path)?.path).toBe('/reports/*?');
    expect(match('/approvals')?.path).toBe('/approvals');
  });

  it('sends anything else to the not-found page, and the old settings URL to the merged page', () => {
    expect(match('/no/such/page')).toMatchObject({ path: '*' });
    expect(match('/settings')).toMatchObject({ path: '/settings' });
    expect(matchRoute('/login')?.route.public).toBe(true);
    expect(matchRoute('/customers')?.route.public).toBeUndefined();
  });
});

describe('active navigation links', () => {
  it('a link is active on its path and below it, or on its exact path with end', () => {
    expect(isActivePath('/customers', '/customers')).toBe(true);
    expect(isActivePath('/customers/123', '/customers')).toBe(true);
    expect(isActivePath('/customers-archive', '/customers')).toBe(false);
    expect(isActivePath('/customers/123', '/customers', true)).toBe(false);
  });
});
