// Contract facts of the generated code that services and events rely on. Imports go through the
// public package paths (`@shopstream/proto/...js`) so the exports map is exercised too.
import { credentials, Metadata, Server, ServerCredentials, status, type ServiceError } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Any } from '@shopstream/proto/google/protobuf/any.js';
import type { Timestamp } from '@shopstream/proto/google/protobuf/timestamp.js';
import {
  ErrorReason,
  errorReasonFromJSON,
  errorReasonToJSON,
} from '@shopstream/proto/common/v1/error_reason.js';
import { Money } from '@shopstream/proto/common/v1/money.js';
import { PageRequest, PageResponse } from '@shopstream/proto/common/v1/page.js';
import { EventEnvelope } from '@shopstream/proto/events/v1/envelope.js';
import { PlatformPinged } from '@shopstream/proto/events/v1/platform_events.js';
import {
  PingRequest,
  PingResponse,
  PingServiceClient,
  PingServiceService,
  type PingServiceServer,
} from '@shopstream/proto/platform/v1/ping_service.js';

// 2^53 + 1: not representable as a JS number, so int64 must stay a string end to end.
const BIG_VERSION = '9007199254740993';
const OCCURRED_AT: Timestamp = { seconds: '1767225600', nanos: 123_000_000 }; // 2026-01-01T00:00:00.123Z

function pinged(): PlatformPinged {
  return {
    pingId: '0190f0a4-9a7e-7c3a-8d55-5b0f4a1c2d3e',
    tenantId: 'tenant-a',
    message: 'hello',
    occurredAt: OCCURRED_AT,
  };
}

function envelope(): EventEnvelope {
  return {
    eventId: '0190f0a4-9a7e-7c3a-8d55-000000000001',
    tenantId: 'tenant-a',
    eventType: 'shopstream.events.v1.PlatformPinged',
    source: '/services/platform',
    aggregateId: '0190f0a4-9a7e-7c3a-8d55-5b0f4a1c2d3e',
    aggregateVersion: BIG_VERSION,
    occurredAt: OCCURRED_AT,
    traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    data: {
      typeUrl: 'type.googleapis.com/shopstream.events.v1.PlatformPinged',
      // env=node: `bytes` fields are Node Buffers.
      value: Buffer.from(PlatformPinged.encode(pinged()).finish()),
    },
  };
}

describe('binary round trip', () => {
  it('PingRequest keeps every field', () => {
    const request: PingRequest = { message: 'hello ✓', tenantId: 'tenant-a' };
    expect(PingRequest.decode(PingRequest.encode(request).finish())).toEqual(request);
  });

  it('PingResponse keeps every field, including the Timestamp', () => {
    const response: PingResponse = { message: 'hello', servedBy: 'platform@host-1', receivedAt: OCCURRED_AT };
    expect(PingResponse.decode(PingResponse.encode(response).finish())).toEqual(response);
  });

  it('EventEnvelope keeps every field and its Any payload unpacks to the event', () => {
    const original = envelope();
    const decoded = EventEnvelope.decode(EventEnvelope.encode(original).finish());
    expect(decoded).toEqual(original);
    expect(decoded.aggregateVersion).toBe(BIG_VERSION);
    expect(decoded.data?.typeUrl.split('/').pop()).toBe(decoded.eventType);
    expect(PlatformPinged.decode(decoded.data?.value ?? Buffer.alloc(0))).toEqual(pinged());
  });

  it('Money carries int64 minor units as a decimal string', () => {
    const money: Money = { currencyCode: 'EUR', amountMinor: '-1234' };
    expect(Money.decode(Money.encode(money).finish())).toEqual(money);
  });

  it('unset message fields stay undefined and scalars default to zero values', () => {
    expect(EventEnvelope.decode(new Uint8Array())).toEqual({
      eventId: '',
      tenantId: '',
      eventType: '',
      source: '',
      aggregateId: '',
      aggregateVersion: '0',
      occurredAt: undefined,
      traceparent: '',
      data: undefined,
    });
  });
});

describe('proto JSON (CloudEvent data)', () => {
  it('uses lowerCamelCase JSON names, int64 as string and Timestamp as RFC 3339', () => {
    expect(PlatformPinged.toJSON(pinged())).toEqual({
      pingId: '0190f0a4-9a7e-7c3a-8d55-5b0f4a1c2d3e',
      tenantId: 'tenant-a',
      message: 'hello',
      occurredAt: '2026-01-01T00:00:00.123Z',
    });
    expect(Money.toJSON({ currencyCode: 'EUR', amountMinor: '1234' })).toEqual({
      currencyCode: 'EUR',
      amountMinor: '1234',
    });
    expect(PageRequest.toJSON({ pageSize: 20, pageToken: 'abc' })).toEqual({
      pageSize: 20,
      pageToken: 'abc',
    });
    expect(PageResponse.toJSON({ nextPageToken: 'def' })).toEqual({ nextPageToken: 'def' });
  });

  it('omits fields that hold their default value', () => {
    expect(PingRequest.toJSON({ message: '', tenantId: 't' })).toEqual({ tenantId: 't' });
  });

  it('fromJSON accepts both JSON names and original proto field names', () => {
    const expected = pinged();
    expect(PlatformPinged.fromJSON(PlatformPinged.toJSON(expected))).toEqual(expected);
    expect(
      PlatformPinged.fromJSON({
        ping_id: expected.pingId,
        tenant_id: expected.tenantId,
        message: expected.message,
        occurred_at: '2026-01-01T00:00:00.123Z',
      }),
    ).toEqual(expected);
  });

  it('Any payloads without a type registry use the {typeUrl, value(base64)} form', () => {
    const any: Any = { typeUrl: 'type.googleapis.com/x.y.Z', value: Buffer.from([1, 2, 3]) };
    expect(Any.toJSON(any)).toEqual({ typeUrl: 'type.googleapis.com/x.y.Z', value: 'AQID' });
  });
});

describe('ErrorReason', () => {
  it('has exactly the documented reasons, each prefixed with ERROR_REASON_', () => {
    const names = Object.keys(ErrorReason).filter((key) => Number.isNaN(Number(key)));
    expect(names.map((name) => name.replace(/^ERROR_REASON_/, ''))).toEqual([
      'UNSPECIFIED',
      'VALIDATION_FAILED',
      'NOT_FOUND',
      'CONFLICT',
      'UNAUTHENTICATED',
      'PERMISSION_DENIED',
      'RATE_LIMITED',
      'UNAVAILABLE',
    ]);
    expect(ErrorReason.ERROR_REASON_UNSPECIFIED).toBe(0);
  });

  it('maps unknown values from a newer peer to ERROR_REASON_UNSPECIFIED', () => {
    expect(errorReasonFromJSON('ERROR_REASON_SOMETHING_NEW')).toBe(ErrorReason.ERROR_REASON_UNSPECIFIED);
    expect(errorReasonFromJSON(99)).toBe(ErrorReason.ERROR_REASON_UNSPECIFIED);
    expect(errorReasonToJSON(99 as ErrorReason)).toBe('ERROR_REASON_UNSPECIFIED');
    expect(errorReasonFromJSON('ERROR_REASON_NOT_FOUND')).toBe(ErrorReason.ERROR_REASON_NOT_FOUND);
    expect(errorReasonFromJSON(2)).toBe(ErrorReason.ERROR_REASON_NOT_FOUND);
  });
});

describe('PingService over @grpc/grpc-js', () => {
  it('has the full method path and is unary', () => {
    expect(PingServiceService.ping.path).toBe('/shopstream.platform.v1.PingService/Ping');
    expect(PingServiceService.ping.requestStream).toBe(false);
    expect(PingServiceService.ping.responseStream).toBe(false);
  });

  const server = new Server();
  let client: PingServiceClient;

  beforeAll(async () => {
    const impl: PingServiceServer = {
      ping: (call, callback) => {
        if (call.request.tenantId === '') {
          callback({ code: status.INVALID_ARGUMENT, details: 'tenant_id is required' }, null);
          return;
        }
        callback(null, { message: call.request.message, servedBy: 'test', receivedAt: OCCURRED_AT });
      },
      whoAmI: (_call, callback) =>
        callback({ code: status.UNIMPLEMENTED, details: 'not in this test' }, null),
    };
    server.addService(PingServiceService, impl);
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
    client = new PingServiceClient(`127.0.0.1:${port}`, credentials.createInsecure());
  });

  afterAll(() => {
    client?.close();
    server.forceShutdown();
  });

  function ping(request: PingRequest): Promise<PingResponse> {
    return new Promise((resolve, reject) => {
      client.ping(
        request,
        new Metadata(),
        { deadline: Date.now() + 2000 },
        (error: ServiceError | null, response) => (error ? reject(error) : resolve(response)),
      );
    });
  }

  it('serves a Ping end to end with the generated client and server types', async () => {
    await expect(ping({ message: 'hello', tenantId: 'tenant-a' })).resolves.toEqual({
      message: 'hello',
      servedBy: 'test',
      receivedAt: OCCURRED_AT,
    });
  });

  it('surfaces server errors as gRPC status codes', async () => {
    await expect(ping({ message: 'hello', tenantId: '' })).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
    });
  });
});
