import type { AlertNotification } from '../../../tools/stack/alert-sink.js';
import type { Series } from '../../../tools/observability/label-policy.js';
import { ports } from '../../../tools/stack/ports.js';

const prometheus = `http://127.0.0.1:${ports.prometheus}`;

interface PromAnswer<T> {
  status: 'success' | 'error';
  data: T;
  error?: string;
}

async function promGet<T>(path: string, params: Record<string, string | string[]> = {}): Promise<T> {
  const url = new URL(path, prometheus);
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(key, v);
  }
  const res = await fetch(url);
  const body = (await res.json()) as PromAnswer<T>;
  if (body.status !== 'success') throw new Error(`Prometheus ${path}: ${body.error ?? res.status}`);
  return body.data;
}

export interface PromTarget {
  labels: Record<string, string>;
  health: 'up' | 'down' | 'unknown';
  lastError: string;
  scrapeUrl: string;
}

/** The stack Prometheus' active scrape targets. */
export const promTargets = async () =>
  (await promGet<{ activeTargets: PromTarget[] }>('/api/v1/targets', { state: 'active' })).activeTargets;

/** An instant query: each result's labels and value. */
export async function promQuery(expr: string): Promise<{ metric: Record<string, string>; value: number }[]> {
  const data = await promGet<{ result: { metric: Record<string, string>; value: [number, string] }[] }>(
    '/api/v1/query',
    { query: expr },
  );
  return data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
}

/** Every series matching one of `matchers` (PromQL series selectors). */
export const promSeries = (matchers: string[]) =>
  promGet<Series[]>('/api/v1/series', { 'match[]': matchers });

/** What the stack's alert sink received from Alertmanager (tools/stack/alert-sink.ts). */
export async function alertNotifications(): Promise<AlertNotification[]> {
  const res = await fetch(`http://127.0.0.1:${ports.alertSink}/alerts`);
  return ((await res.json()) as { notifications: AlertNotification[] }).notifications;
}
