import { describe, expect, it } from 'vitest';
import { eventually, invoke, newTraceparent, ports } from '@shopstream/testing/stack';

interface JaegerTrace {
  spans: {
    spanID: string;
    operationName: string;
    processID: string;
    tags: { key: string; value: unknown }[];
  }[];
  processes: Record<string, { serviceName: string; tags: { key: string; value: unknown }[] }>;
}

/**
 * "<service>/app" or "<service>/sidecar": an app and its sidecar share the service name (the Dapr app id);
 * daprd's spans come from the `dapr-diagnostics` scope, the app's from OpenTelemetry instrumentations.
 */
function participants(trace: JaegerTrace): Set<string> {
  const out = new Set<string>();
  for (const span of trace.spans) {
    const process = trace.processes[span.processID];
    const scope = span.tags.find((t) => t.key === 'otel.scope.name')?.value;
    if (!process || typeof scope !== 'string') continue;
    out.add(`${process.serviceName}/${scope === 'dapr-diagnostics' ? 'sidecar' : 'app'}`);
  }
  return out;
}

async function fetchTrace(traceId: string): Promise<JaegerTrace | undefined> {
  const res = await fetch(`http://127.0.0.1:${ports.jaegerQuery}/api/traces/${traceId}`);
  if (!res.ok) return undefined;
  return ((await res.json()) as { data: JaegerTrace[] }).data[0];
}

describe('one trace across sidecars, gRPC and pub/sub', () => {
  it('holds spans of the caller app, both sidecars, the callee and the pub/sub consumer under one trace id', async () => {
    const { traceparent, traceId } = newTraceparent();
    const res = await invoke(
      'skeleton-caller',
      'skeleton-caller',
      'ping',
      { tenantId: 't', message: 'trace me' },
      { traceparent },
    );
    expect(res.status).toBe(200);
    const expected = [
      'skeleton-caller/app', // the caller app
      'skeleton-caller/sidecar', // its sidecar
      'skeleton-callee/sidecar', // the callee's sidecar
      'skeleton-callee/app', // the callee app
      'skeleton-worker/sidecar', // the consumer's sidecar (pub/sub delivery)
      'skeleton-worker/app', // the pub/sub consumer
    ];
    const seen = await eventually(
      async () => [...participants((await fetchTrace(traceId)) ?? { spans: [], processes: {} })],
      (found) => expected.every((p) => found.includes(p)),
      30_000,
      `trace ${traceId} to contain ${expected.join(', ')}`,
    ).catch(async () => [...participants((await fetchTrace(traceId)) ?? { spans: [], processes: {} })]);
    expect(seen).toEqual(expect.arrayContaining(expected));
  });
});
