import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { baseConfigSchema } from './base-config.js';
import { ConfigError } from './config-error.js';
import { parseConfig } from './load-config.js';

const validEnv = {
  SERVICE_NAME: 'catalog',
  APP_PORT: '50051',
  APP_PROTOCOL: 'grpc',
  HEALTH_PORT: '9091',
  DAPR_HTTP_PORT: '3500',
  DAPR_GRPC_PORT: '50001',
  DAPR_API_TOKEN: 'd'.repeat(32),
  APP_API_TOKEN: 'a'.repeat(32),
  LOG_LEVEL: 'info',
};

function issuesOf(run: () => unknown): ConfigError['issues'] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('parses a valid environment into typed values', () => {
    const config = parseConfig(baseConfigSchema, validEnv);
    expect(config.APP_PORT).toBe(50051);
    expect(config.APP_PROTOCOL).toBe('grpc');
    expect(config.TENANT_HEADER).toBe('x-tenant-id');
    expect(config.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
  });

  it('reports every bad or missing key at once, with a reason each', () => {
    const env = {
      ...validEnv,
      APP_PORT: 'eighty',
      APP_PROTOCOL: 'soap',
      DAPR_API_TOKEN: undefined,
      LOG_LEVEL: '',
    };
    const issues = issuesOf(() => parseConfig(baseConfigSchema, env));
    expect(Object.fromEntries(issues.map((issue) => [issue.key, issue.reason]))).toEqual({
      APP_PORT: 'must be a TCP port number',
      APP_PROTOCOL: 'must be "http" or "grpc"',
      DAPR_API_TOKEN: 'is required but not set',
      LOG_LEVEL: 'is required but not set',
    });
  });

  it('lists each problem in the error message without echoing values', () => {
    const env = { ...validEnv, APP_API_TOKEN: 'short-secret', HEALTH_PORT: '70000' };
    try {
      parseConfig(baseConfigSchema, env);
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/^Invalid configuration \(2 problems\):/);
      expect(message).toContain('- APP_API_TOKEN: must be at least 16 characters');
      expect(message).toContain('- HEALTH_PORT: must be between 1 and 65535');
      expect(message).not.toContain('short-secret');
    }
  });

  it('validates keys a service adds by extending the base schema', () => {
    const schema = baseConfigSchema.extend({ DATABASE_URL: z.url() });
    const issues = issuesOf(() => parseConfig(schema, validEnv));
    expect(issues).toEqual([{ key: 'DATABASE_URL', reason: 'is required but not set' }]);
  });
});
