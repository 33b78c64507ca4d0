import { ApiError, errorFromResponse } from './errors.ts';
import { buildQuery, type QueryParams } from './query.ts';

let csrfToken: string | null = null;
let acceptLanguage = 'en';
let unauthenticatedHandler: (() => void) | null = null;

/** Remembers the session's CSRF token; every non-GET request sends it as `x-csrf-token`. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setAcceptLanguage(language: string): void {
  acceptLanguage = language;
}

/** Called on any 401 (except where a request opts out): the app drops the session and goes to sign-in. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  unauthenticatedHandler = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  /** Set for requests whose 401 is an answer, not an expired session (login, the initial /me). */
  expectUnauthenticated?: boolean;
}

/** Calls the JSON API; resolves with the parsed body (undefined for 204) or rejects with an ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': acceptLanguage };
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  if (method !== 'GET' && csrfToken) {
    headers['x-csrf-token'] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(path + buildQuery(options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') {
      throw cause;
    }
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : 'Network error');
  }
  if (!response.ok) {
    const error = await errorFromResponse(response);
    if (response.status === 401 && !options.expectUnauthenticated) {
      unauthenticatedHandler?.();
    }
    throw error;
  }
  if (response.status === 204) {
    return undefined as T;
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A URL for a plain browser navigation (downloads), with the same query conventions as `api`. */
export function apiUrl(path: string, query?: QueryParams): string {
  return path + buildQuery(query);
}
