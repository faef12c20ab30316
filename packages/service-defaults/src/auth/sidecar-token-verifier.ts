import type { JSONWebKeySet } from 'jose';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from './access-token-claims.js';
import { createTokenVerifier, type TokenVerifier } from './token-verifier.js';

/** The Dapr app that publishes the access-token key set, and the path it serves it on. */
export const JWKS_APP_ID = 'identity-sessions';
export const JWKS_PATH = '.well-known/jwks.json';

/** A key set larger than this is refused (a published set holds two or three keys, ~200 bytes each). */
const MAX_JWKS_BYTES = 64 * 1024;

export interface SidecarJwksOptions {
  readonly daprHttpPort: number;
  readonly daprApiToken: string;
  /** Per fetch; a slow identity must not hold a request for long (the cache keeps serving stale keys). */
  readonly timeoutMs?: number;
  readonly appId?: string;
}

/**
 * Loads identity's published JWKS through the local sidecar (service invocation
 * `GET /v1.0/invoke/identity-sessions/method/.well-known/jwks.json`), so mTLS, retries and tracing are
 * Dapr's. Throws on any non-200, non-JSON or oversized answer; the verifier's cache decides what then.
 */
export function sidecarJwks(options: SidecarJwksOptions): () => Promise<JSONWebKeySet> {
  const url = `http://127.0.0.1:${options.daprHttpPort}/v1.0/invoke/${options.appId ?? JWKS_APP_ID}/method/${JWKS_PATH}`;
  return async () => {
    const response = await fetch(url, {
      headers: { 'dapr-api-token': options.daprApiToken, accept: 'application/json' },
      signal: AbortSignal.timeout(options.timeoutMs ?? 2_000),
    });
    const body = await response.text();
    if (!response.ok) throw new Error(`JWKS fetch answered ${response.status}`);
    if (body.length > MAX_JWKS_BYTES) throw new Error('JWKS answer is too large');
    return JSON.parse(body) as JSONWebKeySet; // shape checked key by key by the cache
  };
}

/** Keys are refetched after this long; identity keeps a retired key published for far longer. */
export const JWKS_CACHE_TTL_MS = 5 * 60_000;

/**
 * The access-token verifier every service except identity uses: Shopstream's issuer and audience, keys
 * from identity's JWKS through the sidecar, cached (`JWKS_CACHE_TTL_MS`; an unknown `kid` refetches at most
 * every 10 s). Once warm, verifying a token makes no network call.
 */
export function createSidecarTokenVerifier(
  options: SidecarJwksOptions & { readonly clockToleranceSec?: number },
): TokenVerifier {
  return createTokenVerifier({
    issuer: ACCESS_TOKEN_ISSUER,
    audience: ACCESS_TOKEN_AUDIENCE,
    jwks: sidecarJwks(options),
    clockToleranceSec: options.clockToleranceSec ?? 5,
    cacheTtlMs: JWKS_CACHE_TTL_MS,
  });
}
