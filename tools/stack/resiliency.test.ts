import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../paths.mjs';

interface RetryPolicy {
  readonly matching?: { readonly httpStatusCodes?: string; readonly gRPCStatusCodes?: string };
}

const resiliency = parse(readFileSync(join(repoRoot, 'dapr', 'resiliency.yaml'), 'utf8')) as {
  spec: { policies: { retries: Record<string, RetryPolicy> } };
};

/** `408,502-504` → [408, 502, 503, 504]. */
function codes(list: string | undefined): number[] {
  return (list ?? '').split(',').flatMap((part) => {
    const [from, to] = part.trim().split('-').map(Number);
    if (from === undefined || Number.isNaN(from)) return [];
    return Array.from({ length: (to ?? from) - from + 1 }, (_, i) => from + i);
  });
}

describe('dapr/resiliency.yaml', () => {
  const retries = Object.entries(resiliency.spec.policies.retries);

  it('retries service invocation only on answers that mean "try again"', () => {
    const app = resiliency.spec.policies.retries.DefaultAppRetryPolicy;
    expect(app?.matching, 'without matching Dapr retries every failure').toBeDefined();
    expect(codes(app?.matching?.httpStatusCodes)).toEqual([408, 502, 503, 504]);
    expect(codes(app?.matching?.gRPCStatusCodes)).toEqual([14]);
  });

  it.each(retries)('%s never retries a rate limit (HTTP 429, gRPC RESOURCE_EXHAUSTED)', (_name, policy) => {
    expect(codes(policy.matching?.httpStatusCodes)).not.toContain(429);
    expect(codes(policy.matching?.gRPCStatusCodes)).not.toContain(8);
  });
});
