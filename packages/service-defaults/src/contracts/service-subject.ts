import { z } from 'zod';

/** A service client's id: lower-case kebab-case, like the Dapr app ids (`orders`, `order-history`). */
export const serviceClientIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,62}$/, 'must be lower-case kebab-case, e.g. "orders"');

/** The `sub` prefix of service tokens; user ids are UUIDs, so the two can never collide. */
export const SERVICE_SUBJECT_PREFIX = 'service:';

/** The subject (`sub`, Principal.userId) of the service tokens of client `clientId`: `service:orders`. */
export const serviceSubject = (clientId: string): string => `${SERVICE_SUBJECT_PREFIX}${clientId}`;

/** Whether a principal speaks for a service client rather than a user. */
export const isServicePrincipal = (principal: {
  readonly userId: string;
  readonly clientId?: string;
}): boolean => principal.clientId !== undefined && principal.userId === serviceSubject(principal.clientId);
