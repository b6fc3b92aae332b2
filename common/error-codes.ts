/** Every error code the API answers with, and the HTTP status that comes with it (server and web app). */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  MISSING_GRANT: 403,
  OUT_OF_SCOPE: 403,
  FIELD_READONLY: 403,
  SANDBOX_RESTRICTED: 403,
  STEP_UP_REQUIRED: 403,
  APPROVAL_REQUIRED: 403,
  SELF_APPROVAL: 403,
  ROLE_INHERITANCE_INVALID: 400,
  MAPPING_LOSSY: 400,
  MAPPING_INVALID: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE_RECORD: 409,
  VERSION_CONFLICT: 409,
  PARENT_DELETED: 409,
  EDIT_WINDOW_CLOSED: 409,
  RUN_NOT_FAILED: 409,
  RULE_NOT_RUNNABLE: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  FX_RATE_MISSING: 422,
  UNSUPPORTED_MEDIA_TYPE: 415,
  CLIENT_UPGRADE_REQUIRED: 426,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
  OCR_NOT_CONFIGURED: 503,
  OCR_PROVIDER_FAILED: 502,
  ASR_NOT_CONFIGURED: 503,
  ASR_PROVIDER_FAILED: 502,
  WECOM_NOT_CONFIGURED: 503,
  WECOM_FAILED: 502,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export const errorCodes = Object.keys(errorStatus) as ErrorCode[];

/** The access-control refusals (403): the caller may not do this, whatever they send. */
export const accessDeniedCodes: readonly ErrorCode[] = errorCodes.filter((code) => errorStatus[code] === 403);

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && Object.hasOwn(errorStatus, value);
