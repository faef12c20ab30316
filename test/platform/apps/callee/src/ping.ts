import { DomainError, ErrorKind } from '@shopstream/service-defaults';
import type { PingRequest, PingResponse } from '@shopstream/proto/platform/v1/ping_service.js';

/** The walking skeleton's only business rule: a ping must name its tenant, and is answered with an echo. */
export function ping(request: PingRequest, servedBy: string, now = new Date()): PingResponse {
  if (request.tenantId.trim() === '') {
    throw new DomainError(ErrorKind.Validation, 'Platform.TenantMissing', 'tenant_id is required', {
      fields: [{ field: 'tenant_id', detail: 'must not be empty' }],
    });
  }
  return {
    message: `pong: ${request.message}`,
    servedBy,
    receivedAt: { seconds: String(Math.floor(now.getTime() / 1000)), nanos: (now.getTime() % 1000) * 1e6 },
  };
}
