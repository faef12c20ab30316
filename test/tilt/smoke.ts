/**
 * Smoke test of a stack started by Tilt (tilt/smoke.tiltfile; `tilt ci` passes only if this does): what a
 * developer would try first. A ping enters skeleton-callee's sidecar, is routed by name resolution to
 * skeleton-caller, which calls the callee over gRPC through both sidecars and publishes an event; then a
 * greeting workflow runs on Temporal with skeleton-worker. Bounded in time; exits non-zero on any failure.
 */
import { invoke } from '@shopstream/testing/stack';

setTimeout(() => {
  console.error('✗ smoke test timed out after 60 s');
  process.exit(1);
}, 60_000).unref();

async function check(name: string, fn: () => Promise<string>): Promise<void> {
  const started = Date.now();
  const detail = await fn();
  console.log(`✓ ${name} (${Date.now() - started} ms): ${detail}`);
}

function expect(condition: boolean, what: string, got: unknown): void {
  if (!condition) throw new Error(`${what}; got ${JSON.stringify(got)}`);
}

try {
  await check('ping through two sidecars', async () => {
    const res = await invoke<{ reply: string; servedBy: string; eventId: string }>(
      'skeleton-callee',
      'skeleton-caller',
      'ping',
      { tenantId: 'tilt-smoke', message: 'hello from tilt' },
    );
    expect(res.status === 200 && res.body.reply.includes('hello from tilt'), 'ping answered 200', res);
    expect(typeof res.body.eventId === 'string', 'an event was published', res.body);
    return `${res.body.servedBy} replied "${res.body.reply}"`;
  });
  await check('greeting workflow on Temporal', async () => {
    const res = await invoke<{ workflowId: string; result: unknown }>(
      'skeleton-caller',
      'skeleton-caller',
      'greetings',
      {
        requestId: crypto.randomUUID(),
        tenantId: 'tilt-smoke',
        name: 'Tilt',
      },
    );
    expect(res.status === 200, 'the workflow completed', res);
    return `${res.body.workflowId} → ${JSON.stringify(res.body.result)}`;
  });
} catch (err) {
  console.error(`✗ smoke test failed: ${(err as Error).message}`);
  process.exit(1);
}
