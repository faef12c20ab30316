import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { serviceClientsFileSchema, serviceClientsOf, type ServiceClient } from '../domain/service-client.js';
import type { ServiceClientRegistry } from '../app/ports.js';

/** The declared clients of a parsed declaration, by id. */
export function serviceClientRegistry(clients: readonly ServiceClient[]): ServiceClientRegistry {
  const byId = new Map(clients.map((client) => [client.clientId, client]));
  return { find: (clientId) => byId.get(clientId) };
}

/**
 * Reads the service-client declaration (SERVICE_CLIENTS_FILE, locally dapr/service-clients.yaml) once at
 * start. A malformed file stops the start with the file and the field named: a typo must not leave a
 * service without its token, silently.
 */
export function loadServiceClients(path: string): ServiceClientRegistry {
  const parsed = serviceClientsFileSchema.safeParse(parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return serviceClientRegistry(serviceClientsOf(parsed.data));
}
