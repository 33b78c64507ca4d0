import type { HTMLAttributes, KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { Button, Flex, Input, Select, Table, Typography } from 'antd';
import type { TableColumnType } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { QueryParams } from '../../api/query.ts';
import { QueryError } from '../feedback/QueryError.tsx';
import { EmptyState } from '../feedback/states.tsx';
import { ColumnPicker } from './ColumnPicker.tsx';
import { ExportButton } from './ExportButton.tsx';
import { FilterDropdown } from './FilterDropdown.tsx';
import { SavedViews } from './SavedViews.tsx';
import { FilterChips } from './FilterChips.tsx';
import { exportUrl, sortOrderOf, sortParam, type FilterValue, type TableState } from './tableState.ts';
import { filterParamOf, type DataColumn } from './types.ts';
import { useDataTable } from './useDataTable.ts';

export interface DataTableProps<T> {
  /** Key of this table for saved views, e.g. `settings.users`. */
  tableKey: string;
  endpoint: string;
  columns: DataColumn<T>[];
  rowKey: (row: T) => string;
  /** Opens a row (click or Enter). */
  onOpen?: (row: T) => void;
  rowLabel?: (row: T) => string;
  /** Where exports come from (e.g. `/api/users/export`); no button without it. */
  exportEndpoint?: string;
  defaultSort?: string | null;
  pageSize?: number;
  fixedParams?: QueryParams;
  /** Shows a search box bound to this query parameter. */
  searchParam?: string;
  toolbar?: ReactNode;
  expandable?: (row: T) => ReactNode;
  /** Row checkboxes (bulk actions): the selected keys, kept across pages. */
  selection?: { keys: string[]; onChange: (keys: string[]) => void };
  syncUrl?: boolean;
  'data-testid'?: string;
}

const interactive =
  'button, a, input, label, select, textarea, [role="button"], .ant-table-row-expand-icon, .ant-checkbox-wrapper';

/** Default cell: primitives as text; anything else needs the column's own `render`. */
function plainCell(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

function moveFocus(row: HTMLElement, direction: 'next' | 'prev') {
  let sibling = direction === 'next' ? row.nextElementSibling : row.previousElementSibling;
  while (sibling && !sibling.hasAttribute('data-row-key')) {
    sibling = direction === 'next' ? sibling.nextElementSibling : sibling.previousElementSibling;
  }
  (sibling as HTMLElement | null)?.focus();
}

/** Server-paginated table with cursor paging, sorting, filters, saved views, column choice and export. */
export function DataTable<T extends object>(props: DataTableProps<T>) {
  const { tableKey, endpoint, columns, rowKey, onOpen, rowLabel, exportEndpoint, searchParam, toolbar, expandable } =
    props;
  const { t, i18n } = useTranslation();
  const model = useDataTable<T>({
    endpoint,
    columns,
    defaultSort: props.defaultSort,
    pageSize: props.pageSize,
    fixedParams: props.fixedParams,
    extraFilterParams: searchParam ? [searchParam] : [],
    syncUrl: props.syncUrl,
  });
  const { state, query } = model;
  const visible = columns.filter((c) => c.kind === 'actions' || model.visibleKeys.includes(c.key));
  const dataColumns = columns.filter((c) => c.kind !== 'actions');
  const exportColumns = [
    ...new Set(
      model.visibleKeys.flatMap((k) => {
        const column = dataColumns.find((c) => c.key === k && c.exportable !== false);
        return column ? (column.exportKeys ?? [column.key]) : [];
      }),
    ),
  ];
  // The readable export in the language on screen (the server would take the user's saved setting).
  const exportParams = { lang: i18n.language === 'en' ? 'en' : 'zh-CN', ...props.fixedParams };

  const antColumns = toAntColumns(visible, state, model.setFilter);

  return (
    <div data-testid={props['data-testid']}>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        {searchParam && (
          <Input.Search
            allowClear
            style={{ width: 260 }}
            aria-label={t('table.search')}
            placeholder={t('table.search')}
            key={String(state.filters[searchParam] ?? '')}
            defaultValue={String(state.filters[searchParam] ?? '')}
            onSearch={(v) => model.setFilter(searchParam, v.trim() || null)}
            data-testid="table-search"
          />
        )}
        <SavedViews tableKey={tableKey} state={state} onApply={(s) => model.setState(() => s)} />
        <ColumnPicker columns={dataColumns} visible={model.visibleKeys} onChange={model.setColumns} />
        {exportEndpoint && (
          <ExportButton urlFor={(format) => exportUrl(exportEndpoint, format, state, exportColumns, exportParams)} />
        )}
        <div style={{ flex: 1 }} />
        {toolbar}
      </Flex>
      <FilterChips filters={state.filters} columns={columns} onClear={(param) => model.setFilter(param, null)} />
      {query.error && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Table<T>
        rowKey={rowKey}
        columns={antColumns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={false}
        size="middle"
        scroll={{ x: 'max-content' }}
        onRow={(row) => rowProps(row, onOpen, rowLabel)}
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          model.setSort(s?.order ? sortParam(String(s.columnKey), s.order) : null);
        }}
        expandable={expandable ? { expandedRowRender: expandable } : undefined}
        rowSelection={
          props.selection
            ? {
                selectedRowKeys: props.selection.keys,
                preserveSelectedRowKeys: true,
                onChange: (keys) => props.selection?.onChange(keys.map(String)),
                getCheckboxProps: (row) => ({ 'aria-label': rowLabel?.(row) ?? rowKey(row) }) as object,
              }
            : undefined
        }
        locale={{ emptyText: query.isPending || query.isError ? ' ' : <EmptyState /> }}
      />
      <Pager model={model} />
    </div>
  );
}

/** The table's columns in antd's shape: sort state, filter dropdowns and the default cell. */
function toAntColumns<T>(
  columns: DataColumn<T>[],
  state: TableState,
  setFilter: (param: string, value: FilterValue) => void,
): TableColumnType<T>[] {
  return columns.map((c, i) => {
    const param = filterParamOf(c);
    const value = state.filters[param] ?? null;
    return {
      key: c.key,
      title: c.title,
      // A table wider than the page scrolls inside its box; the first column (the record's name) stays in view.
      fixed: i === 0 ? 'left' : undefined,
      width: c.width,
      align: c.align,
      render: (_: unknown, row: T) => (c.render ? c.render(row) : plainCell((row as Record<string, unknown>)[c.key])),
      sorter: c.sortable ? true : undefined,
      // Clicking toggles ascending/descending; there is no "unsorted" state to fall into.
      sortDirections: ['ascend', 'descend', 'ascend'],
      sortOrder: c.sortable ? sortOrderOf(state.sort, c.key) : undefined,
      filteredValue: c.filter ? (value === null ? null : [String(value)]) : undefined,
      filterDropdown: c.filter
        ? ({ close }: { close: () => void }) => (
            <FilterDropdown
              filter={c.filter!}
              label={c.title}
              value={value}
              onChange={(v) => setFilter(param, v)}
              close={close}
            />
          )
        : undefined,
    };
  });
}

/** Rows open on click or Enter (unless the click was on a control in the row); arrow keys move between rows. */
function rowProps<T>(row: T, onOpen?: (row: T) => void, rowLabel?: (row: T) => string): HTMLAttributes<HTMLElement> {
  return {
    tabIndex: 0,
    'aria-label': rowLabel?.(row),
    style: onOpen ? { cursor: 'pointer' } : undefined,
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
      if (e.target !== e.currentTarget) {
        return;
      }
      if (e.key === 'Enter' && onOpen) {
        e.preventDefault();
        onOpen(row);
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        moveFocus(e.currentTarget, e.key === 'ArrowDown' ? 'next' : 'prev');
      }
    },
    onClick: (e: MouseEvent<HTMLElement>) => {
      if (onOpen && !(e.target as HTMLElement).closest(interactive)) {
        onOpen(row);
      }
    },
  };
}

/** Page number, page size and previous/next (cursor paging: no page count). */
function Pager({
  model,
}: {
  model: Pick<
    ReturnType<typeof useDataTable>,
    'page' | 'limit' | 'setLimit' | 'hasPrev' | 'hasNext' | 'goPrev' | 'goNext'
  >;
}) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 12 }}>
      <Typography.Text type="secondary" data-testid="table-page">
        {t('table.page', { page: model.page })}
      </Typography.Text>
      <Flex gap={8} align="center">
        <Select
          aria-label={t('table.pageSize')}
          value={model.limit}
          onChange={model.setLimit}
          options={[10, 25, 50, 100].map((n) => ({ value: n, label: t('table.perPage', { n }) }))}
          style={{ width: 120 }}
          data-testid="table-page-size"
        />
        <Button icon={<LeftOutlined />} disabled={!model.hasPrev} onClick={model.goPrev} data-testid="table-prev">
          {t('table.prev')}
        </Button>
        <Button disabled={!model.hasNext} onClick={model.goNext} data-testid="table-next">
          {t('table.next')} <RightOutlined />
        </Button>
      </Flex>
    </Flex>
  );
}
