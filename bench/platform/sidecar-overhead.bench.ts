import { credentials, Metadata } from '@grpc/grpc-js';
import { PingServiceClient } from '@shopstream/proto/platform/v1/ping_service.js';
import { devCredentials } from '../../tools/stack/layout.js';
import { portsOf } from '@shopstream/testing/stack';
import { summarize, timed, writeResult } from '../stats.js';

function pinger(address: string, metadata: Metadata) {
  const client = new PingServiceClient(address, credentials.createInsecure());
  const once = () =>
    new Promise<void>((resolve, reject) =>
      client.ping({ tenantId: 'bench', message: 'x' }, metadata, (err) => (err ? reject(err) : resolve())),
    );
  return { once, close: () => client.close() };
}

/**
 * gRPC PingService: through two sidecars (caller's daprd → callee's daprd → callee) vs straight to the callee
 * app, interleaved so both see the same machine noise. Dapr's published figures: +0.9 ms p50, +2.0 ms p99.
 */
export async function benchSidecarOverhead(n = 2000): Promise<void> {
  const viaDapr = new Metadata();
  viaDapr.set('dapr-app-id', 'skeleton-callee');
  viaDapr.set('dapr-api-token', devCredentials.daprApiToken);
  const direct = new Metadata();
  direct.set('dapr-api-token', devCredentials.appApiToken);
  const sidecar = pinger(`127.0.0.1:${portsOf('skeleton-caller').daprGrpc}`, viaDapr);
  const app = pinger(`127.0.0.1:${portsOf('skeleton-callee').app}`, direct);
  for (let i = 0; i < 200; i++) await Promise.all([sidecar.once(), app.once()]); // warm-up
  const through: number[] = [];
  const straight: number[] = [];
  for (let i = 0; i < n; i++) {
    through.push(await timed(sidecar.once));
    straight.push(await timed(app.once));
  }
  sidecar.close();
  app.close();
  const t = summarize(through);
  const b = summarize(straight);
  writeResult({
    name: 'grpc-through-two-sidecars',
    unit: 'ms',
    target: null,
    ...t,
    baseline: { name: 'grpc-direct-to-app', ...b },
    notes: `added by two sidecars: p50 +${(t.p50 - b.p50).toFixed(2)} ms, p99 +${(t.p99 - b.p99).toFixed(2)} ms (Dapr published: +0.9 / +2.0 ms)`,
  });
}
