/** A user of one tenant (an account). Entities are plain values; repositories (app/ports.ts) store them. */
export interface User {
  readonly id: string;
  readonly tenantId: string;
  /** As typed at sign-up (domain lower-cased). Personal data: never log it. */
  readonly email: string;
  readonly roles: readonly string[];
  readonly admin: boolean;
  /** Epoch milliseconds. */
  readonly createdAt: number;
}

/** A user about to be registered (the tenant is the transaction's). */
export interface NewUser {
  readonly id: string;
  readonly email: string;
  readonly roles: readonly string[];
  readonly admin: boolean;
  readonly createdAt: number;
}

/** A user's password credential. */
export interface Credential {
  readonly userId: string;
  /** argon2id PHC string. Never log it. */
  readonly passwordHash: string;
  /** Epoch milliseconds. */
  readonly updatedAt: number;
}

/** The e-mail address is personal data: only the user themself and admins of the tenant see it. */
export function maySeeEmail(
  viewer: { readonly tenantId: string; readonly userId: string; readonly admin: boolean },
  user: User,
): boolean {
  return viewer.tenantId === user.tenantId && (viewer.userId === user.id || viewer.admin);
}
