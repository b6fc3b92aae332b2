import { databaseUnavailableReason } from '../db/connection-errors.ts';
import { AppError, validationError } from '../errors.ts';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  column?: string;
}

const constraintFields: Record<string, string> = {
  customers_credit_code: 'creditCode',
  customers_main_phone: 'mainPhone',
  customers_name: 'name',
  contracts_number: 'number',
  products_sku: 'sku',
  users_username: 'username',
  users_employee_no: 'employeeNo',
  custom_fields_key: 'key',
};

const unavailableMessages = {
  connection: 'the database cannot be reached right now; try again shortly',
  timeout: 'the database did not answer in time; try again shortly',
  overloaded: 'the database is overloaded right now; try again shortly',
} as const;

/**
 * Maps PostgreSQL errors that bad input can cause to 4xx answers, and a database that is down
 * or too slow to 503. Commands check the input cases first with clear messages; this is the net
 * under them (races, constraints added later).
 */
export function fromDatabaseError(error: unknown): AppError | undefined {
  const reason = databaseUnavailableReason(error);
  if (reason) return new AppError('DATABASE_UNAVAILABLE', unavailableMessages[reason], { reason });
  const pg = error as PgError;
  if (typeof pg?.code !== 'string' || pg.code.length !== 5) return undefined;
  switch (pg.code) {
    case '23505': {
      const field = pg.constraint ? constraintFields[pg.constraint] : undefined;
      // a unique index refusing a write no duplicate check covered (a restore, a write outside the resource commands)
      const code = pg.constraint?.startsWith('customers_') ? 'DUPLICATE_RECORD' : 'CONFLICT';
      return new AppError(code, `a record with this ${field ?? 'value'} already exists`, { field });
    }
    case '23503':
      return validationError([{ path: fkField(pg), message: 'refers to a record that does not exist' }]);
    case '23502':
      return validationError([{ path: pg.column ?? 'unknown', message: 'is required' }]);
    case '23514':
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return validationError([{ path: pg.column ?? 'unknown', message: 'has an invalid value' }]);
    case '42501':
      return new AppError('FORBIDDEN', 'the database refused this operation');
    default:
      return undefined;
  }
}

function fkField(error: PgError): string {
  const match = /\(tenant_id, (\w+)\)/.exec(error.detail ?? '');
  const column = match?.[1] ?? 'unknown';
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
