import type { z } from 'zod';
import { ErrorKind } from './error-kind.js';

/** One invalid input field; `field` is a dotted path such as `items.0.quantity`. */
export interface FieldError {
  readonly field: string;
  readonly detail: string;
}

export interface DomainErrorOptions {
  readonly fields?: readonly FieldError[];
  readonly cause?: unknown;
}

/**
 * A coded error raised inside a service. `code` is `<Domain>.<Reason>` (e.g. `Catalog.NotFound`) and is
 * safe to show to callers; `message` is shown too except for `internal` errors.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: string;
  readonly kind: ErrorKind;
  readonly fields: readonly FieldError[];

  constructor(kind: ErrorKind, code: string, message: string, options: DomainErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.code = code;
    this.fields = options.fields ?? [];
  }

  /** A validation error built from a zod failure, one `FieldError` per issue. */
  static fromZod(code: string, error: z.ZodError, message = 'The request is invalid.'): DomainError {
    return new DomainError(ErrorKind.Validation, code, message, {
      fields: fieldErrorsFromZod(error),
      cause: error,
    });
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), detail: issue.message }));
}
