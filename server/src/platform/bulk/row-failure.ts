import { AppError } from '../errors.ts';

// Bulk paths (imports, demo loads) report a problem per row instead of failing the whole call.

export interface RowFailure {
  action: 'failed';
  code: string;
  message: string;
  /** The input field, e.g. ['phones', 1] or ['roles', 0, 'stage']. */
  path: (string | number)[];
}

/** Thrown while preparing one row; turned into that row's RowFailure. */
export class RowError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly path: (string | number)[],
  ) {
    super(message);
  }
}

/** A row's failure from a RowError or a validation AppError (its first issue); anything else is rethrown. */
export const rowFailure = (err: unknown): RowFailure => {
  if (err instanceof RowError) {
    return { action: 'failed', code: err.code, message: err.message, path: err.path };
  }
  if (err instanceof AppError) {
    const first = (err.details as { path?: (string | number)[]; code?: string }[] | undefined)?.[0];
    return {
      action: 'failed',
      code: first?.code ?? err.code.toLowerCase(),
      message: err.message,
      path: (first?.path ?? []).filter((p) => p !== 'body'),
    };
  }
  throw err;
};

/** A failure built directly. */
export const failed = (code: string, message: string, path: (string | number)[]): RowFailure => ({
  action: 'failed',
  code,
  message,
  path,
});
