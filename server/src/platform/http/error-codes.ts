// Plain constants (no zod) so the web bundle can import them without pulling in the schemas.
export const errorCodes = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'VERSION_CONFLICT',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'URI_TOO_LONG',
  'UNPROCESSABLE',
  'RATE_LIMITED',
  'COMMERCIAL_RATIO_EXCEEDED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];
