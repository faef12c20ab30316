import { Metadata, status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { DomainError } from './domain-error.js';
import { ErrorKind } from './error-kind.js';
import { problemFromGrpcFailure } from './problem-from-grpc.js';
import { toGrpcStatus } from './to-grpc-status.js';
import { httpStatusForKind } from './to-problem-json.js';

/** What a client sees of a service's mapped error: code, details and trailers. */
const overTheWire = (error: unknown) => toGrpcStatus(error);

describe('problemFromGrpcFailure', () => {
  it.each(Object.values(ErrorKind).filter((k) => k !== ErrorKind.Internal))(
    'gives a %s error from a service the HTTP status toProblemJson gives it',
    (kind) => {
      const problem = problemFromGrpcFailure(overTheWire(new DomainError(kind, 'Test.Code', 'Readable.')));
      expect(problem?.status).toBe(httpStatusForKind(kind));
      expect(problem?.code).toBe('Test.Code');
      expect(problem?.detail).toBe('Readable.');
    },
  );

  it('tells a too-large request (413) from a rate limit (429): one gRPC code, two statuses', () => {
    const tooLarge = overTheWire(new DomainError(ErrorKind.TooLarge, 'Request.TooLarge', 'Too big.'));
    const limited = overTheWire(new DomainError(ErrorKind.RateLimited, 'Request.Throttled', 'Slow down.'));
    expect(tooLarge.code).toBe(status.RESOURCE_EXHAUSTED);
    expect(limited.code).toBe(status.RESOURCE_EXHAUSTED);
    expect(problemFromGrpcFailure(tooLarge)).toMatchObject({ status: 413, title: 'Content too large' });
    expect(problemFromGrpcFailure(limited)).toMatchObject({ status: 429, title: 'Too many requests' });
  });

  it('keeps the field errors of a validation failure', () => {
    const failure = overTheWire(
      new DomainError(ErrorKind.Validation, 'Catalog.InvalidProduct', 'The request is invalid.', {
        fields: [{ field: 'product.title', detail: 'is required' }],
      }),
    );
    expect(problemFromGrpcFailure(failure)?.errors).toEqual([
      { field: 'product.title', detail: 'is required' },
    ]);
  });

  it('falls back to the gRPC code when a peer sends no ErrorKind trailer', () => {
    const metadata = new Metadata();
    metadata.set('x-error-code', 'Peer.Conflict');
    const problem = problemFromGrpcFailure({ code: status.ABORTED, details: 'Peer.Conflict: no.', metadata });
    expect(problem).toMatchObject({ status: 409, code: 'Peer.Conflict', detail: 'no.' });
  });

  it('is undefined for a failure the service did not map (sidecar down, deadline)', () => {
    expect(problemFromGrpcFailure({ code: status.UNAVAILABLE, details: 'No connection established' })).toBe(
      undefined,
    );
  });
});
