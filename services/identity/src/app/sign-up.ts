import { randomUUID } from 'node:crypto';
import { UserRegistered } from '@shopstream/proto/events/v1/user_events.js';
import { parseSignUp } from '../domain/sign-up.js';
import type { IdentityDeps } from './ports.js';
import { protoTimestamp } from './proto-timestamp.js';
import { unknownTenant } from '../domain/identity-errors.js';

export const USER_EVENTS_TOPIC = 'user.events';
export const USER_REGISTERED_TYPE = 'shopstream.events.v1.UserRegistered';

export interface SignUpResult {
  readonly userId: string;
  readonly tenantId: string;
}

/**
 * Creates an account: validates the input (`parseSignUp`: policy on the password, no extra keys), hashes
 * the password, then in ONE transaction of the tenant writes the user, the credential and the outbox
 * `UserRegistered` event — all or nothing. Duplicate emails (case-insensitive), even from concurrent
 * sign-ups, lose on the unique index: `Identity.EmailTaken`. Unknown tenant: `Identity.UnknownTenant`.
 */
export async function signUp(
  deps: Pick<IdentityDeps, 'store' | 'hasher' | 'clock' | 'config'>,
  input: unknown,
): Promise<SignUpResult> {
  const { tenantId, email, password } = parseSignUp(input);
  const passwordHash = await deps.hasher.hash(password);
  const userId = randomUUID();
  const now = deps.clock.now();
  await deps.store.inTenant(tenantId, async (tx) => {
    if (!(await tx.tenants.exists())) throw unknownTenant();
    await tx.users.insert({ id: userId, email, roles: [], admin: false, createdAt: now });
    await tx.credentials.insert({ userId, passwordHash, updatedAt: now });
    await tx.enqueue({
      topic: USER_EVENTS_TOPIC,
      event: {
        type: USER_REGISTERED_TYPE,
        source: deps.config.eventSource,
        tenantId,
        subject: userId,
        data: UserRegistered.toJSON({ userId, tenantId, registeredAt: protoTimestamp(now) }),
      },
    });
  });
  return { userId, tenantId };
}
