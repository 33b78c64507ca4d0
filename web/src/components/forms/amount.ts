import type { TFunction } from 'i18next';

/** What is wrong with an amount typed into a number field, as an i18n key, or null when it can be saved as typed. */
export function amountProblem(
  value: number | string | null | undefined,
  { max = 1e12, decimals = 2 }: { max?: number; decimals?: number } = {},
): 'validation.negative' | 'validation.tooLarge' | 'validation.decimals' | null {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  const text = String(value).trim();
  const n = Number(text);
  if (n < 0) {
    return 'validation.negative';
  }
  if (n > max) {
    return 'validation.tooLarge';
  }
  const fraction = /\.(\d+)$/.exec(text)?.[1] ?? '';
  return fraction.replace(/0+$/, '').length > decimals ? 'validation.decimals' : null;
}

/**
 * A form rule for an amount: the field says what is wrong instead of the number input clamping it (antd's `min`
 * and `precision` quietly turn −500 into 0 and 99.999 into 100.00 on blur).
 */
export function amountRule(t: TFunction, options: { max?: number; decimals?: number } = {}) {
  return {
    validator: (_: unknown, value: number | string | null | undefined) => {
      const problem = amountProblem(value, options);
      return problem
        ? Promise.reject(new Error(t(problem, { max: options.max ?? 1e12, decimals: options.decimals ?? 2 })))
        : Promise.resolve();
    },
  };
}
