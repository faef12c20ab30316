import { describe, expect, it } from 'vitest';
import { promQuery, promSeries, promTargets } from '@shopstream/testing/observability';
import { eventually, invoke, stackAppIds } from '@shopstream/testing/stack';
import { labelViolations } from '../../tools/observability/label-policy.js';
import { infraScrapeTargets } from '../../tools/stack/observability.js';

/**
 * The stack's Prometheus (adr/0070): it scrapes every app, every sidecar and every server that serves
 * metrics; the apps' RED histograms carry route templates and status codes, and no series anywhere carries
 * an identifier, a person or an unbounded label.
 */
describe('metrics in Prometheus', () => {
  it('scrapes every app, every sidecar and the servers, all up', async () => {
    const expected = [
      ...stackAppIds,
      ...stackAppIds.map((id) => `${id}-dapr`),
      ...infraScrapeTargets().map((t) => t.instance),
    ].sort();
    const targets = await eventually(
      promTargets,
      (ts) => ts.length >= expected.length && ts.every((t) => t.health === 'up'),
      60_000,
      'every scrape target up',
    );
    expect(targets.map((t) => t.labels.instance).sort()).toEqual(expected);
    for (const t of targets) expect(new URL(t.scrapeUrl).hostname, t.labels.instance).toBe('127.0.0.1');
  });

  it('records RED metrics per route template, method and status', async () => {
    const res = await invoke('skeleton-caller', 'identity-sessions', '.well-known/jwks.json');
    expect(res.status).toBe(200);
    const series = await eventually(
      () => promQuery('http_server_request_duration_count{job="identity-sessions"}'),
      (rs) => rs.some((r) => r.metric.http_route === '/.well-known/jwks.json'),
      30_000,
      'the JWKS request in identity-sessions RED histogram',
    );
    const jwks = series.find((r) => r.metric.http_route === '/.well-known/jwks.json');
    expect(jwks?.metric).toMatchObject({ http_request_method: 'GET', http_response_status_code: '200' });
    const grpc = await promQuery('rpc_server_call_duration_count{job="catalog"}');
    expect(grpc.length).toBeGreaterThan(0);
    for (const r of grpc) expect(r.metric.rpc_method).toMatch(/^[a-z][\w.]*\.[A-Z]\w*\/[A-Z]\w*$/);
  });

  it('no series carries personal data, an id or an unbounded label', async () => {
    const all = await promSeries(['{__name__=~".+"}']);
    expect(all.length).toBeGreaterThan(100);
    const violations = labelViolations(all);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
  });
});
