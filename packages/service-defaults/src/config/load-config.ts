import type { z } from 'zod';
import { ConfigError, type ConfigIssue } from './config-error.js';
import { readEnv, type EnvSource } from './env-source.js';

/** Empty strings count as "not set", so `FOO=` in an .env file cannot sneak past a required key. */
function withoutEmpty(env: EnvSource): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') out[key] = value;
  }
  return out;
}

function toIssues(error: z.ZodError, env: Record<string, string>): ConfigIssue[] {
  return error.issues.map((issue) => {
    const key = issue.path.map(String).join('.') || '(root)';
    const missing = issue.path.length === 1 && env[key] === undefined;
    return { key, reason: missing ? 'is required but not set' : issue.message };
  });
}

/** Pure parse: validates `env` against `schema`, throwing one `ConfigError` listing every bad key. */
export function parseConfig<S extends z.ZodType>(schema: S, env: EnvSource): z.output<S> {
  const cleaned = withoutEmpty(env);
  const result = schema.safeParse(cleaned);
  if (!result.success) throw new ConfigError(toIssues(result.error, cleaned));
  return result.data;
}

/** Parses the process environment (read once) against `schema`; throws `ConfigError` when invalid. */
export function loadConfig<S extends z.ZodType>(schema: S): z.output<S> {
  return parseConfig(schema, readEnv());
}
