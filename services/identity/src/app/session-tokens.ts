import { issueAccessToken } from '../domain/access-token.js';
import type { RefreshFamily } from '../domain/refresh-family.js';
import type { RefreshToken } from '../domain/refresh-token.js';
import type { User } from '../domain/user.js';
import type { IdentityDeps } from './ports.js';

/** What sign-in and refresh hand back. The two tokens are credentials: never log them. */
export interface SessionTokens {
  readonly userId: string;
  readonly sessionId: string;
  readonly accessToken: string;
  /** Epoch seconds (`exp`). */
  readonly accessTokenExpiresAt: number;
  readonly refreshToken: string;
  /** Epoch milliseconds: the family's absolute end. */
  readonly refreshTokenExpiresAt: number;
}

/** Signs an access token for `user` in `family`'s session and pairs it with `refresh`. */
export async function sessionTokens(
  deps: Pick<IdentityDeps, 'keys' | 'config'>,
  user: User,
  family: RefreshFamily,
  refresh: RefreshToken,
  now: number,
): Promise<SessionTokens> {
  const access = await issueAccessToken(deps.keys.keyRing(), {
    principal: {
      userId: user.id,
      tenantId: user.tenantId,
      roles: user.roles,
      admin: user.admin,
      sessionId: family.sessionId,
    },
    issuer: deps.config.issuer,
    audience: deps.config.audience,
    ttlSec: deps.config.accessTokenTtlSec,
    now,
  });
  return {
    userId: user.id,
    sessionId: family.sessionId,
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken: refresh.value,
    refreshTokenExpiresAt: family.expiresAt,
  };
}
