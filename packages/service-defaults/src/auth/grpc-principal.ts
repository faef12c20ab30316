import type { Metadata } from '@grpc/grpc-js';
import { singleMetadataValue } from '../grpc/single-metadata-value.js';
import { invalidToken } from './auth-errors.js';
import { bearerToken } from './bearer-token.js';
import type { Principal } from './principal.js';
import type { TokenVerifier, VerifyOptions } from './token-verifier.js';

/**
 * The principal of a gRPC call's `authorization: Bearer <access token>` metadata, verified locally;
 * `undefined` without the header (the access policy then decides whether that is allowed). Several
 * `authorization` values are refused as ambiguous (`Auth.InvalidToken`).
 */
export async function grpcPrincipal(
  verifier: TokenVerifier,
  metadata: Metadata,
  options: VerifyOptions = {},
): Promise<Principal | undefined> {
  const token = bearerToken(singleMetadataValue(metadata, 'authorization', invalidToken));
  return token === undefined ? undefined : verifier.verify(token, options);
}
