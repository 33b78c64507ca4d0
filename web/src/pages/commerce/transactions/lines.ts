import type { TransactionLine } from '../../../api/types.ts';

/** "Tea ×2; Cup ×1" — the lines of a transaction in one cell (as the export writes them). */
export function linesSummary(
  lines: readonly Pick<TransactionLine, 'productName' | 'productId' | 'quantity'>[],
  number: (n: number) => string,
): string {
  return lines.map((l) => `${l.productName ?? l.productId.slice(0, 8)} ×${number(Number(l.quantity))}`).join('; ');
}
