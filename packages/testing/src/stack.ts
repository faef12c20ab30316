import { join } from 'node:path';
import { repoRoot } from '../../../tools/paths.mjs';
import { readAppsFile } from '../../../tools/stack/apps.js';
import { devCredentials } from '../../../tools/stack/layout.js';
import { appPorts, ports } from '../../../tools/stack/ports.js';

/**
 * Addresses of the stack `npm test` started (tools/ci/test.ts): the apps of dapr/apps.yaml and
 * test/platform/apps.yaml on the port blocks the supervisor gave them.
 */
const apps = [join(repoRoot, 'dapr', 'apps.yaml'), join(repoRoot, 'test', 'platform', 'apps.yaml')].flatMap(
  readAppsFile,
);

/** Every Dapr app id of the test stack, in start order. */
export const stackAppIds: readonly string[] = apps.map((a) => a.appID);

export function portsOf(appId: string) {
  const app = apps.find((a) => a.appID === appId);
  if (app === undefined) throw new Error(`unknown app ${appId}`);
  return appPorts(app.portBlock);
}

export const daprApiToken = devCredentials.daprApiToken;
export { ports };

/** HTTP request to an app's sidecar (Dapr API), with the API token the sidecars require. */
export async function sidecar(appId: string, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('dapr-api-token', daprApiToken);
  if (init.body !== undefined && !headers.has('content-type'))
    headers.set('content-type', 'application/json');
  return fetch(`http://127.0.0.1:${portsOf(appId).daprHttp}${path}`, { ...init, headers });
}

/** Service invocation through `fromApp`'s sidecar to `toApp` (which proxies via `toApp`'s sidecar). */
export async function invoke<T>(
  fromApp: string,
  toApp: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await sidecar(fromApp, `/v1.0/invoke/${toApp}/method/${method}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` returns a value that `done` accepts, or fails with the last value seen. */
export async function eventually<T>(
  probe: () => Promise<T>,
  done: (v: T) => boolean,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe().catch(() => undefined as T);
    if (last !== undefined && done(last)) return last;
    await sleep(250);
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 500)}`,
  );
}

/** A W3C traceparent with fresh random ids, so a test can find its own trace in Jaeger. */
export function newTraceparent(): { traceparent: string; traceId: string } {
  const hex = (bytes: number) => Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('hex');
  const traceId = hex(16);
  return { traceId, traceparent: `00-${traceId}-${hex(8)}-01` };
}
