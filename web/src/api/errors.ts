import type { ValidationIssue } from './types.ts';

/** Codes the client itself produces in addition to the server's error codes. */
export const clientErrorCodes = ['NETWORK', 'UNKNOWN'] as const;

/** Any failed API call: a server error body, a network failure (status 0) or an unreadable reply. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function hasCode(error: unknown, code: string): boolean {
  return isApiError(error) && error.code === code;
}

function isIssue(value: unknown): value is ValidationIssue {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const v = value as Record<string, unknown>;
  return Array.isArray(v.path) && typeof v.message === 'string';
}

/** The VALIDATION_FAILED details of an error, or an empty list. */
export function validationIssues(error: unknown): ValidationIssue[] {
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) {
    return [];
  }
  return error.details.filter(isIssue).map((d) => ({ ...d, code: typeof d.code === 'string' ? d.code : 'custom' }));
}

/** Turns a fetch Response that is not ok into an ApiError, reading `{ error: { code, message, details } }`. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy error page, for instance): fall through to a generic error.
  }
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const err = (body as { error: { code?: unknown; message?: unknown; details?: unknown } }).error;
    const code = typeof err.code === 'string' ? err.code : 'UNKNOWN';
    const message = typeof err.message === 'string' ? err.message : response.statusText;
    return new ApiError(response.status, code, message, err.details);
  }
  return new ApiError(response.status, response.status === 401 ? 'UNAUTHENTICATED' : 'UNKNOWN', response.statusText);
}
