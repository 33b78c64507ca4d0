/**
 * Exact money arithmetic for the commerce module: amounts travel as decimal strings (numeric(14,2)
 * comes back from the driver as a string) and are added up in integer cents, never in floats.
 */

/** ISO 4217 codes the runtime knows (Intl), e.g. CNY, USD, EUR. */
const currencies = new Set(Intl.supportedValuesOf('currency'));
export const isCurrency = (code: string) => currencies.has(code);

/** Cents of a money value given as a number or a decimal string (at most 2 decimals). */
export function toCents(v: number | string): number {
  if (typeof v === 'number') {
    return Math.round(v * 100);
  }
  const neg = v.startsWith('-');
  const [int = '0', frac = ''] = (neg ? v.slice(1) : v).split('.');
  const cents = Number(int) * 100 + Number(frac.padEnd(2, '0'));
  return neg ? -cents : cents;
}

/** Thousandths of a quantity (numeric(12,3)). */
export function toMilli(v: number | string): number {
  if (typeof v === 'number') {
    return Math.round(v * 1000);
  }
  const [int = '0', frac = ''] = v.split('.');
  return Number(int) * 1000 + Number(frac.padEnd(3, '0'));
}

/** A cents count as the decimal string PostgreSQL returns for numeric(14,2), e.g. 12345 → '123.45'. */
export function centsToString(cents: number): string {
  const neg = cents < 0;
  const abs = Math.abs(cents);
  return `${neg ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export const milliToString = (milli: number): string =>
  `${Math.floor(milli / 1000)}.${String(milli % 1000).padStart(3, '0')}`;

/** True when a number has at most `decimals` decimals (tolerating binary float noise). */
export const hasDecimals = (n: number, decimals: number) => {
  const scaled = n * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
};

export interface LineInput {
  productId: string;
  quantity: number | string;
  unitPrice?: number | string | undefined;
  amount?: number | string | undefined;
}

export interface PricedLine {
  lineNo: number;
  productId: string;
  quantity: string;
  unitPrice: string;
  amount: string;
}

export interface LineProblem {
  code: 'unknown_reference' | 'missing_unit_price' | 'amount_mismatch' | 'amount_out_of_range';
  message: string;
  path: (string | number)[];
}

/** The largest amount numeric(14,2) holds, in cents: a larger line or total would fail in the database. */
const MAX_CENTS = 99_999_999_999_999;

const outOfRange = (path: (string | number)[], message: string): LineProblem => ({
  code: 'amount_out_of_range',
  message,
  path,
});

/**
 * Prices a transaction's lines and settles its amount:
 * - a line's unit price defaults to the product's price when the product is priced in the
 *   transaction's currency (otherwise it must be given);
 * - a line's amount defaults to quantity × unit price, rounded to cents (a given amount stands: a
 *   discount on the line);
 * - with lines, the transaction's amount is their sum; a given amount that differs is an error.
 * Without lines the given amount stands (a transaction known only by its total).
 */
export function priceTransaction(
  input: { amount?: number | string | undefined; currency: string; lines?: LineInput[] | undefined },
  products: Map<string, { price: string | null; currency: string }>,
): { amount: string; lines: PricedLine[] } | LineProblem {
  const lines: PricedLine[] = [];
  let total = 0;
  for (const [i, l] of (input.lines ?? []).entries()) {
    const product = products.get(l.productId);
    if (!product) {
      return { code: 'unknown_reference', message: 'No such product', path: ['lines', i, 'productId'] };
    }
    let unit: number;
    if (l.unitPrice !== undefined) {
      unit = toCents(l.unitPrice);
    } else if (product.price !== null && product.currency === input.currency) {
      unit = toCents(product.price);
    } else {
      return {
        code: 'missing_unit_price',
        message: `Give the unit price: the product has no price in ${input.currency}`,
        path: ['lines', i, 'unitPrice'],
      };
    }
    const milli = toMilli(l.quantity);
    // In BigInt: quantity × unit price may pass 2^53 before it is found too large.
    const amount = l.amount !== undefined ? toCents(l.amount) : Number((BigInt(milli) * BigInt(unit) + 500n) / 1000n);
    if (amount > MAX_CENTS) {
      return outOfRange(['lines', i, 'amount'], `The line comes to more than ${centsToString(MAX_CENTS)}`);
    }
    total += amount;
    lines.push({
      lineNo: i + 1,
      productId: l.productId,
      quantity: milliToString(milli),
      unitPrice: centsToString(unit),
      amount: centsToString(amount),
    });
  }
  if (!lines.length) {
    return { amount: centsToString(toCents(input.amount ?? 0)), lines };
  }
  if (total > MAX_CENTS) {
    return outOfRange(['lines'], `The lines come to more than ${centsToString(MAX_CENTS)}`);
  }
  if (input.amount !== undefined && toCents(input.amount) !== total) {
    return {
      code: 'amount_mismatch',
      message: `The amount (${centsToString(toCents(input.amount))}) is not the sum of the lines (${centsToString(total)})`,
      path: ['amount'],
    };
  }
  return { amount: centsToString(total), lines };
}
