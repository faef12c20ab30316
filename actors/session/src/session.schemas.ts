import { z } from 'zod';
import { TENANT_ID_PATTERN } from '@shopstream/service-defaults/auth';
import { DomainError } from '@shopstream/service-defaults';
import { SessionLimits } from './session.state.js';

/** User ids are opaque tokens (uuid, base64url): letters, digits, `_` and `-`, 1 to 128 characters. */
export const USER_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
/** Session ids have the same shape as user ids. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

const tenantPart = TENANT_ID_PATTERN.source.slice(1, -1);
const userPart = USER_ID_PATTERN.source.slice(1, -1);

export const sessionActorIdSchema = z
  .string()
  .regex(new RegExp(`^(${tenantPart}):(${userPart})$`), 'must be <tenant>:<userId>');

/** Splits a SessionActor id into tenant and user; fails on anything else. */
export function parseSessionActorId(actorId: string): { tenantId: string; userId: string } {
  const result = sessionActorIdSchema.safeParse(actorId);
  if (!result.success) throw DomainError.fromZod('Session.InvalidActorId', result.error);
  const colon = actorId.indexOf(':');
  return { tenantId: actorId.slice(0, colon), userId: actorId.slice(colon + 1) };
}

const sessionId = z.string().regex(SESSION_ID_PATTERN, 'must be 1-128 of A-Z, a-z, 0-9, _ and -');
const revocationReason = z.enum([
  'sign-out',
  'sign-out-everywhere',
  'reuse-detected',
  'password-changed',
  'account-deleted',
  'admin',
]);
/** Printable text without control characters, trimmed, within bounds. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');

export const openSessionInput = z.strictObject({
  sessionId,
  device: text(100),
  userAgent: text(512).optional(),
  ipHash: z
    .string()
    .regex(/^[A-Za-z0-9_=+/-]{1,128}$/, 'must be a hash (base64/hex), not an address')
    .optional(),
  idleTimeoutMs: z.number().int().min(SessionLimits.minIdleTimeoutMs).max(SessionLimits.maxIdleTimeoutMs),
});

export const sessionIdInput = z.strictObject({ sessionId });

export const revokeSessionInput = z.strictObject({ sessionId, reason: revocationReason });

export const revokeAllSessionsInput = z.strictObject({
  reason: revocationReason,
  exceptSessionId: sessionId.optional(),
});

/** Validates an actor method's input; a bad one fails the call (`Session.Invalid<Method>`) and changes nothing. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown, method: string): T {
  const result = schema.safeParse(input === '' ? undefined : input);
  if (!result.success) throw DomainError.fromZod(`Session.Invalid${method}`, result.error);
  return result.data;
}
