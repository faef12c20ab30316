import { z } from 'zod';
import { DomainError } from './domain-error.js';
import { ErrorKind } from './error-kind.js';

/** Generic code for anything that is not a DomainError; its details never leave the process. */
export const INTERNAL_ERROR_CODE = 'Internal.Unexpected';
export const VALIDATION_ERROR_CODE = 'Request.Invalid';

/** Turns anything thrown into a DomainError: zod failures become validation, the rest internal. */
export function normalizeError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof z.ZodError) return DomainError.fromZod(VALIDATION_ERROR_CODE, error);
  return new DomainError(ErrorKind.Internal, INTERNAL_ERROR_CODE, 'Internal error.', { cause: error });
}
