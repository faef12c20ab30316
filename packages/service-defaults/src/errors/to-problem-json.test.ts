import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from './domain-error.js';
import { ErrorKind } from './error-kind.js';
import { toProblemJson } from './to-problem-json.js';

describe('toProblemJson', () => {
  it.each([
    [ErrorKind.Validation, 400],
    [ErrorKind.NotFound, 404],
    [ErrorKind.Conflict, 409],
    [ErrorKind.Unauthenticated, 401],
    [ErrorKind.PermissionDenied, 403],
    [ErrorKind.RateLimited, 429],
    [ErrorKind.TooLarge, 413],
    [ErrorKind.Unavailable, 503],
    [ErrorKind.Internal, 500],
  ])('maps %s to HTTP %i', (kind, httpStatus) => {
    expect(toProblemJson(new DomainError(kind, 'Test.Code', 'msg')).status).toBe(httpStatus);
  });

  it('has the RFC 9457 shape plus the error code', () => {
    expect(
      toProblemJson(new DomainError(ErrorKind.Conflict, 'Cart.VersionMismatch', 'Cart changed.')),
    ).toEqual({
      type: 'urn:shopstream:problem:Cart.VersionMismatch',
      title: 'Conflict',
      status: 409,
      detail: 'Cart changed.',
      code: 'Cart.VersionMismatch',
    });
  });

  it('lists each invalid field of a zod error', () => {
    const schema = z.object({ email: z.email(), items: z.array(z.object({ qty: z.number().positive() })) });
    const result = schema.safeParse({ email: 'nope', items: [{ qty: 0 }] });
    const problem = toProblemJson(result.error);
    expect(problem.status).toBe(400);
    expect(problem.code).toBe('Request.Invalid');
    expect(problem.errors?.map((error) => error.field)).toEqual(['email', 'items.0.qty']);
    expect(problem.errors?.every((error) => error.detail.length > 0)).toBe(true);
  });

  it('hides message and stack of unexpected errors', () => {
    const problem = toProblemJson(new TypeError("Cannot read properties of undefined (reading 'id')"));
    expect(problem).toEqual({
      type: 'urn:shopstream:problem:Internal.Unexpected',
      title: 'Internal error',
      status: 500,
      detail: 'An unexpected error occurred.',
      code: 'Internal.Unexpected',
    });
    expect(JSON.stringify(problem)).not.toMatch(/reading|at /);
  });
});
