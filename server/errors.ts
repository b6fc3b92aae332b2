import { errorStatus, type ErrorCode } from '../common/error-codes.ts';
import type { z } from 'zod';

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

/**
 * Parses `value` as a route parses its body, outside a route (a replayed operation, a rule's
 * action, a posted call record): a 400 naming each field, an unknown key named itself.
 * `prefix` places the fields inside a larger body (`data.content`).
 */
export function parseAsBody<T extends z.ZodType>(schema: T, value: unknown, prefix: string[] = []): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const pathOf = (segments: PropertyKey[]) => [...prefix, ...segments.map(String)].join('.') || 'body';
  throw validationError(
    parsed.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ path: pathOf([...issue.path, key]), message: 'is not a known field' }))
        : [{ path: pathOf(issue.path), message: issue.message }],
    ),
  );
}
