import { describe, expect, it } from 'vitest';
import { buildQuery } from './query.ts';
import { ApiError, errorFromResponse, validationIssues } from './errors.ts';
import { shouldRetry } from './queryClient.ts';

describe('buildQuery', () => {
  it('drops empty values, joins arrays and encodes', () => {
    expect(
      buildQuery({ q: 'a b', cursor: null, role: '', active: false, limit: 25, columns: ['email', 'roles'] }),
    ).toBe('?q=a+b&active=false&limit=25&columns=email%2Croles');
  });
  it('returns an empty string when nothing is left', () => {
    expect(buildQuery({ q: undefined, tags: [] })).toBe('');
    expect(buildQuery(undefined)).toBe('');
  });
});

describe('errorFromResponse', () => {
  it('reads the server error body', async () => {
    const body = {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'bad',
        details: [{ path: ['email'], message: 'Invalid', code: 'invalid_format' }],
      },
    };
    const error = await errorFromResponse(new Response(JSON.stringify(body), { status: 400 }));
    expect(error.status).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(validationIssues(error)).toEqual([{ path: ['email'], message: 'Invalid', code: 'invalid_format' }]);
  });
  it('falls back when the body is not JSON', async () => {
    const error = await errorFromResponse(
      new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    expect(error.code).toBe('UNKNOWN');
    expect(error.status).toBe(502);
    const unauth = await errorFromResponse(new Response('', { status: 401 }));
    expect(unauth.code).toBe('UNAUTHENTICATED');
  });
});

describe('shouldRetry', () => {
  it('retries network and server failures, not client errors', () => {
    expect(shouldRetry(0, new ApiError(0, 'NETWORK', 'down'))).toBe(true);
    expect(shouldRetry(1, new ApiError(503, 'INTERNAL', 'x'))).toBe(true);
    expect(shouldRetry(2, new ApiError(503, 'INTERNAL', 'x'))).toBe(false);
    expect(shouldRetry(0, new ApiError(404, 'NOT_FOUND', 'x'))).toBe(false);
    expect(shouldRetry(0, new Error('boom'))).toBe(false);
  });
});
