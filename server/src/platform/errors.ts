import type { ErrorCode } from './http/error-codes.ts';

const statusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  URI_TOO_LONG: 414,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  COMMERCIAL_RATIO_EXCEEDED: 409,
  INTERNAL: 500,
};

/** The one error type: an HTTP status and a string code, rendered as `{ error: { code, message, details } }`. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = statusOf[code];
  }
}

export const notFound = (what = 'Record') => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'You do not have permission to do this') => new AppError('FORBIDDEN', message);
export const validation = (message: string, details?: unknown) => new AppError('VALIDATION_FAILED', message, details);
/** The input is well-formed but the data cannot answer it (a model that does not fit): 422 with the reason. */
export const unprocessable = (message: string, details?: unknown) => new AppError('UNPROCESSABLE', message, details);
export const conflict = (message: string, details?: unknown) => new AppError('CONFLICT', message, details);
export const versionConflict = (current: unknown) =>
  new AppError('VERSION_CONFLICT', 'This record was changed by someone else; reload and try again', { current });
