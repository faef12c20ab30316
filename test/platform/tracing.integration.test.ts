import { describe, expect, it } from 'vitest';
import { eventually, invoke, newTraceparent, ports } from '../support/stack.js';

interface JaegerTrace {
  spans: { spanID: string; operationName: string; processID: string }[];
  processes: Record<string, { serviceName: string; tags: { key: string; value: unknown }[] }>;
}

/** "<service>/<language>": the app (Node) and its sidecar (Go) share the service name (the Dapr app id). */
function participants(trace: JaegerTrace): Set<string> {
  const out = new Set<string>();
  for (const span of trace.spans) {
    const process = trace.processes[span.processID];
    if (!process) continue;
    const lang = process.tags.find((t) => t.key === 'telemetry.sdk.language')?.value;
    out.add(`${process.serviceName}/${typeof lang === 'string' ? lang : 'unknown'}`);
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
      'skeleton-caller/nodejs', // the caller app
      'skeleton-caller/go', // its sidecar
      'skeleton-callee/go', // the callee's sidecar
      'skeleton-callee/nodejs', // the callee app
      'skeleton-worker/nodejs', // the pub/sub consumer
    ];
    const trace = await eventually(
      () => fetchTrace(traceId),
      (t) => t !== undefined && expected.every((p) => participants(t).has(p)),
      30_000,
      `trace ${traceId} to contain ${expected.join(', ')}`,
    );
    expect([...participants(trace!)]).toEqual(expect.arrayContaining(expected));
  });
});
