import type { z } from 'zod';
import { DomainError, fieldErrorsFromZod } from './domain-error.js';
import { ErrorKind } from './error-kind.js';

/** Marks a zod issue with the domain code it stands for (e.g. `Identity.WeakPassword`). */
export interface CodedIssueParams {
  readonly code: string;
}

/**
 * Parses `input` or throws a validation `DomainError` with one field error per issue. The code is the
 * issues' own domain code when they all carry the same one (a weak password alone → `Identity.WeakPassword`),
 * otherwise `fallbackCode`. Zod does not copy input values into issues, so no password ends up in errors.
 */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  fallbackCode: string,
): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const codes = new Set(result.error.issues.map((issue) => codeOf(issue) ?? fallbackCode));
  const [only] = codes;
  const code = codes.size === 1 && only !== undefined ? only : fallbackCode;
  return throwInvalid(code, result.error);
}

function codeOf(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code !== 'custom') return undefined;
  const params = issue.params as Partial<CodedIssueParams> | undefined;
  return typeof params?.code === 'string' ? params.code : undefined;
}

function throwInvalid(code: string, error: z.ZodError): never {
  throw new DomainError(ErrorKind.Validation, code, 'The request is invalid.', {
    fields: fieldErrorsFromZod(error),
  });
}
