import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from './domain-error.js';
import { ErrorKind } from './error-kind.js';
import {
  ERROR_CODE_METADATA_KEY,
  FIELD_ERRORS_METADATA_KEY,
  toGrpcStatus,
  toServiceError,
} from './to-grpc-status.js';

describe('toGrpcStatus', () => {
  it.each([
    [ErrorKind.Validation, status.INVALID_ARGUMENT],
    [ErrorKind.NotFound, status.NOT_FOUND],
    [ErrorKind.Conflict, status.ABORTED],
    [ErrorKind.Unauthenticated, status.UNAUTHENTICATED],
    [ErrorKind.PermissionDenied, status.PERMISSION_DENIED],
    [ErrorKind.RateLimited, status.RESOURCE_EXHAUSTED],
    [ErrorKind.TooLarge, status.RESOURCE_EXHAUSTED],
    [ErrorKind.Unavailable, status.UNAVAILABLE],
    [ErrorKind.Internal, status.INTERNAL],
  ])('maps %s to gRPC code %i', (kind, code) => {
    expect(toGrpcStatus(new DomainError(kind, 'Test.Code', 'msg')).code).toBe(code);
  });

  it('puts the error code in details and in the x-error-code trailer', () => {
    const mapped = toGrpcStatus(
      new DomainError(ErrorKind.NotFound, 'Catalog.NotFound', 'Product p-1 not found.'),
    );
    expect(mapped.details).toBe('Catalog.NotFound: Product p-1 not found.');
    expect(mapped.metadata.get(ERROR_CODE_METADATA_KEY)).toEqual(['Catalog.NotFound']);
  });

  it('never leaks the message of unexpected errors', () => {
    const mapped = toGrpcStatus(new Error('connect ECONNREFUSED 10.0.0.7:5432 password=hunter2'));
    expect(mapped.code).toBe(status.INTERNAL);
    expect(mapped.details).toBe('Internal.Unexpected: Internal error.');
  });

  it('maps a zod error to INVALID_ARGUMENT with the field list in a trailer', () => {
    const parsed = z.object({ quantity: z.number().int().positive() }).safeParse({ quantity: -1 });
    const mapped = toGrpcStatus(parsed.error);
    expect(mapped.code).toBe(status.INVALID_ARGUMENT);
    const [fields] = mapped.metadata.get(FIELD_ERRORS_METADATA_KEY);
    const parsedFields = JSON.parse(String(fields)) as { field: string; detail: string }[];
    expect(parsedFields.map((field) => field.field)).toEqual(['quantity']);
    expect(parsedFields[0]?.detail).toMatch(/>0|positive/i);
  });
});

describe('toServiceError', () => {
  it('is idempotent, so a handler helper and the server wrapper can both map', () => {
    const once = toServiceError(new DomainError(ErrorKind.NotFound, 'Catalog.NotFound', 'gone'));
    const twice = toServiceError(once);
    expect(twice).toBe(once);
    expect(toGrpcStatus(twice).code).toBe(status.NOT_FOUND);
  });
});
