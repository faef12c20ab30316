import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { hashClientSecret, serviceClientsFileSchema } from '@shopstream/identity';
import { repoRoot } from '../paths.mjs';
import { readAppsFile } from './apps.js';

/**
 * dapr/service-clients.yaml (adr/0065) and dapr/apps.yaml tell one story: identity reads the declaration,
 * each client's app holds the secret whose hash is declared, under the client's id.
 */
describe('service clients of the local stack', () => {
  const apps = readAppsFile(join(repoRoot, 'dapr', 'apps.yaml'));
  const identity = apps.find((app) => app.appID === 'identity');
  const file = serviceClientsFileSchema.parse(
    parse(readFileSync(join(repoRoot, 'dapr', 'service-clients.yaml'), 'utf8')),
  );

  it('identity reads dapr/service-clients.yaml', () => {
    const path = identity?.env?.SERVICE_CLIENTS_FILE;
    expect(path).toBeDefined();
    expect(join(repoRoot, identity!.appDirPath, path!)).toBe(join(repoRoot, 'dapr', 'service-clients.yaml'));
  });

  it.each(file.clients.map((client) => [client.clientId, client] as const))(
    'client %s: its app exists and holds the secret whose hash is declared',
    (clientId, client) => {
      const app = apps.find((a) => a.appID === client.app);
      expect(app, `app ${client.app} in dapr/apps.yaml`).toBeDefined();
      expect(app!.env?.SERVICE_CLIENT_ID).toBe(clientId);
      const secret = app!.env?.SERVICE_CLIENT_SECRET ?? '';
      expect(secret.length).toBeGreaterThanOrEqual(32);
      expect(hashClientSecret(secret)).toBe(client.secretSha256);
    },
  );

  it('no app holds a client secret without a declared client', () => {
    const declared = new Set(file.clients.map((client) => client.app));
    const holders = apps.filter((app) => app.env?.SERVICE_CLIENT_SECRET !== undefined).map((a) => a.appID);
    expect(holders.filter((id) => !declared.has(id))).toEqual([]);
  });
});
