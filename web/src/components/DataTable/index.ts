export { DataTable, type DataTableProps } from './DataTable.tsx';
export type { DataColumn, ColumnFilter, FilterOption } from './types.ts';
export { listKey } from './useDataTable.ts';
export type { FilterValue, TableState } from './tableState.ts';
