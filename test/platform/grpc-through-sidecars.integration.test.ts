import { credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { PingServiceClient, type PingResponse } from '@shopstream/proto/platform/v1/ping_service.js';
import { daprApiToken, invoke, portsOf } from '@shopstream/testing/stack';

function ping(address: string, metadata: Metadata, tenantId: string) {
  const client = new PingServiceClient(address, credentials.createInsecure());
  return new Promise<PingResponse>((resolve, reject) => {
    client.ping({ tenantId, message: 'hello' }, metadata, { deadline: Date.now() + 5000 }, (err, res) => {
      client.close();
      return err ? reject(err) : resolve(res);
    });
  });
}

const viaSidecar = (app: string, token: string = daprApiToken) => {
  const md = new Metadata();
  md.set('dapr-app-id', 'skeleton-callee');
  md.set('dapr-api-token', token);
  return { address: `127.0.0.1:${portsOf(app).daprGrpc}`, md };
};

describe('gRPC service-to-service through two sidecars', () => {
  it('skeleton-caller calls skeleton-callee PingService through both sidecars', async () => {
    const res = await invoke<{ reply: string; servedBy: string }>(
      'skeleton-caller',
      'skeleton-caller',
      'ping',
      {
        tenantId: 'tenant-a',
        message: 'hi',
      },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ reply: 'pong: hi', servedBy: 'skeleton-callee' });
  });

  it('proxies a plain grpc-js client (dapr-app-id metadata) and maps domain errors to INVALID_ARGUMENT', async () => {
    const { address, md } = viaSidecar('skeleton-caller');
    await expect(ping(address, md, 'tenant-a')).resolves.toMatchObject({ message: 'pong: hello' });
    const err = (await ping(address, md, '').catch((e: unknown) => e)) as ServiceError;
    expect(err.code).toBe(status.INVALID_ARGUMENT);
    expect(err.metadata.get('x-error-code').map(String)).toEqual(['Platform.TenantMissing']);
  });

  it('refuses calls without the Dapr API token at the sidecar, and without the app token at the app', async () => {
    const { address, md } = viaSidecar('skeleton-caller', 'wrong-token-wrong-token');
    const atSidecar = (await ping(address, md, 't').catch((e: unknown) => e)) as ServiceError;
    expect(atSidecar.code).toBe(status.UNAUTHENTICATED);
    const direct = (await ping(`127.0.0.1:${portsOf('skeleton-callee').app}`, new Metadata(), 't').catch(
      (e: unknown) => e,
    )) as ServiceError;
    expect(direct.code).toBe(status.UNAUTHENTICATED);
  });
});
