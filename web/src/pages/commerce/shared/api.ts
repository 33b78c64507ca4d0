import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Page, Product, Role, Transaction } from '../../../api/types.ts';
import { listKey } from '../../../components/DataTable/index.ts';

export const productsEndpoint = '/api/products';
export const transactionsEndpoint = '/api/transactions';
export const transactionKey = (id: string) => ['transactions', id] as const;

/** Who may change the catalogue (commerce.routes.ts `catalogueEditors`); everyone reads it. */
export const catalogueEditors: readonly Role[] = ['admin', 'manager', 'marketing'];

export function useTransaction(id: string | null) {
  return useQuery({
    queryKey: transactionKey(id ?? ''),
    queryFn: ({ signal }) => api<Transaction>(`${transactionsEndpoint}/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

/** Active products for filter and picker options (the first 200 by name). */
export function useProductOptions() {
  return useQuery({
    queryKey: [...listKey(productsEndpoint), 'options'],
    queryFn: ({ signal }) => api<Page<Product>>(productsEndpoint, { query: { limit: 200, sort: 'name' }, signal }),
    staleTime: 60_000,
    select: (page) => page.items.map((p) => ({ value: p.id, label: p.sku ? `${p.name} (${p.sku})` : p.name })),
  });
}

export function invalidateProducts(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: listKey(productsEndpoint) });
}
