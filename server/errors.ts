import { errorStatus, type ErrorCode } from '../common/error-codes.ts';

/** Every error the API answers with has a stable code (common/error-codes.ts); the HTTP status follows from the code. */
export { errorStatus, type ErrorCode };

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
