import type { ReactNode } from 'react';
import type { FilterValue } from './tableState.ts';

export interface FilterOption {
  value: string;
  label: string;
}

/** How a column filters; `param` is the query parameter (defaults to the column key). */
export type ColumnFilter =
  | { type: 'text'; param?: string }
  | {
      type: 'select';
      param?: string;
      options: FilterOption[];
      /** Several values at once (the server takes a comma list and matches any of them). */
      multiple?: boolean;
    }
  | {
      type: 'custom';
      param?: string;
      render: (value: FilterValue, onChange: (value: FilterValue) => void) => ReactNode;
      /** How the active value reads in the filter chips. */
      display?: (value: FilterValue) => ReactNode;
    };

export interface DataColumn<T> {
  /** The field name: the sort field, the export column and the default filter parameter. */
  key: string;
  title: string;
  render?: (row: T) => ReactNode;
  sortable?: boolean;
  filter?: ColumnFilter;
  /** Hidden until the user shows it. */
  hidden?: boolean;
  /** Action columns are neither exported nor hideable. */
  kind?: 'data' | 'actions';
  /** False for a data column the export does not have (one the page computes). */
  exportable?: boolean;
  /**
   * The export's columns this column stands for, in order (default: its key): the readable exports put some
   * things in several columns (emails and phones, a transaction's lines; docs/domain.md "Exports").
   */
  exportKeys?: string[];
  width?: number | string;
  align?: 'left' | 'right' | 'center';
}

export const filterParamOf = (column: { key: string; filter?: ColumnFilter }): string =>
  column.filter?.param ?? column.key;
