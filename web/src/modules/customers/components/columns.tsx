import type { ReactNode } from 'react';
import type { CustomerRow } from '../api/customerLists.ts';
import type { Customer, CustomField } from '../../../app/api/types.ts';
import type { CustomerFieldView } from './customerFields.tsx';

export interface CustomerColumn {
  key: string;
  title: string;
  /** Field to ask the server for (`custom` for every custom column). */
  field: string;
  sortable: boolean;
  width: number;
  render: (row: Customer) => ReactNode;
}

const BUILT_IN: Array<{ key: string; sortable?: boolean; width: number }> = [
  { key: 'name', sortable: true, width: 300 },
  { key: 'level', sortable: true, width: 90 },
  { key: 'status', sortable: true, width: 90 },
  { key: 'ownerId', width: 110 },
  { key: 'mainPhone', width: 150 },
  { key: 'industry', sortable: true, width: 130 },
  { key: 'region', sortable: true, width: 100 },
  { key: 'source', width: 110 },
  { key: 'shortName', width: 130 },
  { key: 'creditCode', width: 200 },
  { key: 'tags', width: 180 },
  { key: 'createdAt', sortable: true, width: 170 },
  { key: 'updatedAt', sortable: true, width: 170 },
];

export const DEFAULT_COLUMNS = ['name', 'level', 'status', 'ownerId', 'mainPhone', 'industry', 'region', 'updatedAt'];
const COLUMNS_KEY = 'cairn.customerColumns';

export function storedColumns(): string[] {
  try {
    const value = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null') as unknown;
    if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
      return ['name', ...value.filter((v) => v !== 'name')];
  } catch {
    /* nothing stored */
  }
  return DEFAULT_COLUMNS;
}

export function storeColumns(keys: string[]) {
  try {
    localStorage.setItem(COLUMNS_KEY, JSON.stringify(keys));
  } catch {
    /* storage unavailable */
  }
}

/** Every column the chooser offers: built-in fields, then the tenant's custom fields. */
export function allColumns(view: CustomerFieldView, defs: readonly CustomField[]): CustomerColumn[] {
  return [
    ...BUILT_IN.map(({ key, sortable = false, width }) => ({
      key,
      title: view.label(key),
      field: key,
      sortable,
      width,
      // In the desk table the phone is plain text (one link per row: the customer).
      render: (row: Customer) => (key === 'mainPhone' ? row.mainPhone : view.value(key, row)),
    })),
    ...defs.map((def) => ({
      key: `custom.${def.key}`,
      title: def.label,
      field: 'custom',
      sortable: def.type !== 'multiSelect',
      width: def.type === 'money' ? 150 : 140,
      render: (row: Customer) => view.value(`custom.${def.key}`, row),
    })),
  ];
}

/** The `fields=` list for the visible columns (plus what the row itself needs). */
export const fieldsFor = (columns: CustomerColumn[]) => [
  ...new Set(['name', 'shortName', 'status', ...columns.map((c) => c.field)]),
];

export type { CustomerRow };
