import { responsive } from '../responsive.tsx';
import type { CustomerListController } from './useCustomerListParams.ts';

export interface CustomerFiltersProps {
  controller: CustomerListController;
}

export const CustomerFilters = responsive<CustomerFiltersProps>({
  mobile: () => import('./MobileFilters.tsx'),
  desktop: () => import('./DesktopFilters.tsx'),
});
