import { describe, expect, it } from 'vitest';
import {
  clientSecretMatches,
  DEFAULT_SERVICE_TOKEN_TTL_SEC,
  hashClientSecret,
  serviceClientsFileSchema,
  serviceClientsOf,
} from './service-client.js';

const SECRET = 'a-test-secret-of-more-than-thirty-two-characters';

const entry = (over: Record<string, unknown> = {}) => ({
  clientId: 'orders',
  app: 'orders',
  roles: ['catalog.stock'],
  secretSha256: hashClientSecret(SECRET),
  ...over,
});

const parse = (clients: unknown[]) => serviceClientsFileSchema.safeParse({ version: 1, clients });

describe('service clients', () => {
  it('parses a declaration, defaulting the token lifetime', () => {
    const parsed = parse([entry()]);
    expect(parsed.success).toBe(true);
    const [client] = serviceClientsOf(parsed.data!);
    expect(client).toMatchObject({
      clientId: 'orders',
      roles: ['catalog.stock'],
      tokenTtlSeconds: DEFAULT_SERVICE_TOKEN_TTL_SEC,
    });
  });

  it('matches only the right secret', () => {
    const [client] = serviceClientsOf(parse([entry()]).data!);
    expect(clientSecretMatches(client!, SECRET)).toBe(true);
    expect(clientSecretMatches(client!, `${SECRET}x`)).toBe(false);
    expect(clientSecretMatches(client!, SECRET.toUpperCase())).toBe(false);
  });

  it.each([
    ['a client id declared twice', [entry(), entry()], 'clients.1.clientId'],
    ['the admin flag as a role', [entry({ roles: ['admin'] })], 'clients.0.roles.0'],
    ['no roles', [entry({ roles: [] })], 'clients.0.roles'],
    ['a hash that is not hex SHA-256', [entry({ secretSha256: 'abc' })], 'clients.0.secretSha256'],
    ['a lifetime over 15 minutes', [entry({ tokenTtlSeconds: 901 })], 'clients.0.tokenTtlSeconds'],
    ['a client id that is not kebab-case', [entry({ clientId: 'Orders' })], 'clients.0.clientId'],
  ])('refuses %s', (_what, clients, path) => {
    const parsed = parse(clients);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });
});
