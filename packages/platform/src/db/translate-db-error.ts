/**
 * The ONE place where driver and Postgres errors become AppErrors. Codes: DB_CONFLICT (23505
 * unique violation, 40001/40P01 serialization failure / deadlock), DB_FOREIGN_KEY (23503),
 * DB_INVALID_VALUE (23502, 23514, 22xxx), DB_UNAVAILABLE (connection refused/reset, 08xxx, 57P0x,
 * 53300), DB_ERROR (anything else).
 */
import { AppError } from '../errors/app-error.js';

interface PgLikeError {
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  detail?: string;
  message?: string;
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EPIPE',
]);

/** Converts any error thrown by a driver into an AppError (AppErrors pass through unchanged). */
export function translateDbError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = (error ?? {}) as PgLikeError;
  const code = typeof e.code === 'string' ? e.code : '';
  const where = {
    ...(e.table ? { table: e.table } : {}),
    ...(e.constraint ? { constraint: e.constraint } : {}),
  };
  const opts = (details: Record<string, unknown>) => ({
    details: { ...details, sqlState: code || undefined },
    cause: error,
  });

  if (code === '23505') {
    return new AppError(
      'DB_CONFLICT',
      'conflict',
      'A record with the same unique key already exists.',
      opts(where),
    );
  }
  if (code === '40001' || code === '40P01') {
    return new AppError(
      'DB_CONFLICT',
      'conflict',
      'Concurrent update conflict; retry the operation.',
      opts({}),
    );
  }
  if (code === '23503') {
    return new AppError(
      'DB_FOREIGN_KEY',
      'conflict',
      'The record refers to (or is referred to by) a missing record.',
      opts(where),
    );
  }
  if (code === '23502' || code === '23514' || code.startsWith('22')) {
    return new AppError(
      'DB_INVALID_VALUE',
      'invalid_input',
      `Invalid value: ${e.message ?? 'rejected by the database'}`,
      opts({ ...where, ...(e.column ? { column: e.column } : {}) }),
    );
  }
  const lostConnection =
    code === '' && /connection terminated|is closed|not connected/i.test(e.message ?? '');
  if (
    CONNECTION_CODES.has(code) ||
    code.startsWith('08') ||
    code.startsWith('57P') ||
    code === '53300' ||
    lostConnection
  ) {
    return new AppError('DB_UNAVAILABLE', 'unavailable', 'The database is unavailable.', opts({}));
  }
  return new AppError('DB_ERROR', 'internal', 'Database error.', opts({}));
}
