/** Every error the API answers with has a stable code; the HTTP status follows from the code. */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  MISSING_GRANT: 403,
  OUT_OF_SCOPE: 403,
  FIELD_READONLY: 403,
  SANDBOX_RESTRICTED: 403,
  STEP_UP_REQUIRED: 403,
  APPROVAL_REQUIRED: 403,
  ROLE_INHERITANCE_INVALID: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE_RECORD: 409,
  VERSION_CONFLICT: 409,
  PARENT_DELETED: 409,
  EDIT_WINDOW_CLOSED: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.status = errorStatus[code];
  }

  withDetails(more: Record<string, unknown>): AppError {
    return new AppError(this.code, this.message, { ...this.details, ...more });
  }
}

export const validationError = (issues: FieldIssue[], message?: string) =>
  new AppError('VALIDATION_FAILED', message ?? issues.map((i) => `${i.path}: ${i.message}`).join('; '), {
    fields: issues,
  });

export const fieldError = (path: string, message: string) => validationError([{ path, message }]);

export const notFound = (recordType: string, id?: string) =>
  new AppError('NOT_FOUND', `${recordType} not found`, id ? { recordType, id } : { recordType });

export const forbidden = (message: string, details: Record<string, unknown> = {}) =>
  new AppError('FORBIDDEN', message, details);

export const unauthenticated = (message = 'authentication required') => new AppError('UNAUTHENTICATED', message);

export const versionConflict = (recordType: string, id: string, currentVersion: number) =>
  new AppError('VERSION_CONFLICT', `${recordType} was changed by someone else; reload and try again`, {
    recordType,
    id,
    currentVersion,
  });
