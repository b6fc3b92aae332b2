import { responsive } from '../responsive.tsx';
import type { Customer } from '../../api/types.ts';
import type { SortValue } from './useCustomerListParams.ts';

export interface CustomerRowsProps {
  rows: Customer[];
  sort: SortValue;
  onSortChange: (sort: SortValue) => void;
  /** New filters are loading; the old rows are still shown. */
  refreshing: boolean;
}

/** Cards on the phone, a sortable antd Table on desktop. */
export const CustomerRows = responsive<CustomerRowsProps>({
  mobile: () => import('./CustomerCards.tsx'),
  desktop: () => import('./CustomerTable.tsx'),
});
