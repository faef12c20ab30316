import { credentials, Metadata } from '@grpc/grpc-js';
import { decodeJwt } from 'jose';
import { PingServiceClient } from '@shopstream/proto/platform/v1/ping_service.js';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  createTokenVerifier,
  JWKS_CACHE_TTL_MS,
  sidecarJwks,
} from '@shopstream/service-defaults/auth';
import { devCredentials } from '../../tools/stack/layout.js';
import { portsOf } from '@shopstream/testing/stack';
import { createTestTenant, identityDatabasePool, signedInUser } from '@shopstream/testing/identity';
import { summarize, timed, writeResult } from '../stats.js';

/**
 * What checking an access token costs a service other than identity. (1) In process: the shared verifier
 * (EdDSA signature, claims, cached JWKS fetched from identity through skeleton-caller's sidecar), counting
 * JWKS fetches; baseline: decoding the same token without verifying it. (2) Per request: PingService.WhoAmI
 * (token verified) vs Ping (public) through two sidecars, interleaved. Goal: well under 1 ms p99, no
 * network call per request.
 */
export async function benchTokenValidation(n = 20_000): Promise<void> {
  const pool = identityDatabasePool('bench-token');
  const tenantId = await createTestTenant(pool, 'bench-token');
  const user = await signedInUser(pool, tenantId, { roles: ['catalog.admin:eu-west'] });
  await pool.end();

  let fetches = 0;
  const fetchJwks = sidecarJwks({
    daprHttpPort: portsOf('skeleton-caller').daprHttp,
    daprApiToken: devCredentials.daprApiToken,
  });
  const verifier = createTokenVerifier({
    issuer: ACCESS_TOKEN_ISSUER,
    audience: ACCESS_TOKEN_AUDIENCE,
    jwks: () => {
      fetches++;
      return fetchJwks();
    },
    clockToleranceSec: 5,
    cacheTtlMs: JWKS_CACHE_TTL_MS,
  });
  for (let i = 0; i < 1000; i++) await verifier.verify(user.accessToken, { expectedTenant: tenantId });
  const verify: number[] = [];
  const decode: number[] = [];
  for (let i = 0; i < n; i++) {
    verify.push(await timed(() => verifier.verify(user.accessToken, { expectedTenant: tenantId })));
    decode.push(await timed(() => Promise.resolve(decodeJwt(user.accessToken))));
  }
  writeResult({
    name: 'token-verify-in-process',
    unit: 'ms',
    target: 1,
    ...summarize(verify),
    baseline: { name: 'token-decode-without-verify', ...summarize(decode) },
    notes: `${n + 1000} verifications made ${fetches} JWKS fetch(es) through the sidecar; target: p99 well under 1 ms`,
  });

  const md = (token?: string) => {
    const m = new Metadata();
    m.set('dapr-app-id', 'skeleton-callee');
    m.set('dapr-api-token', devCredentials.daprApiToken);
    if (token !== undefined) m.set('authorization', `Bearer ${token}`);
    return m;
  };
  const client = new PingServiceClient(
    `127.0.0.1:${portsOf('skeleton-caller').daprGrpc}`,
    credentials.createInsecure(),
  );
  const withToken = md(user.accessToken);
  const without = md();
  const who = () =>
    new Promise<void>((resolve, reject) =>
      client.whoAmI({ tenantId }, withToken, (err) => (err ? reject(err) : resolve())),
    );
  const ping = () =>
    new Promise<void>((resolve, reject) =>
      client.ping({ tenantId, message: 'x' }, without, (err) => (err ? reject(err) : resolve())),
    );
  for (let i = 0; i < 200; i++) await Promise.all([who(), ping()]);
  const protectedCalls: number[] = [];
  const publicCalls: number[] = [];
  for (let i = 0; i < 2000; i++) {
    protectedCalls.push(await timed(who));
    publicCalls.push(await timed(ping));
  }
  client.close();
  const p = summarize(protectedCalls);
  const b = summarize(publicCalls);
  writeResult({
    name: 'grpc-protected-call',
    unit: 'ms',
    target: null,
    ...p,
    baseline: { name: 'grpc-public-call', ...b },
    notes: `WhoAmI (token verified in skeleton-callee) vs Ping through two sidecars: p50 ${(p.p50 - b.p50).toFixed(2)} ms, p99 ${(p.p99 - b.p99).toFixed(2)} ms apart`,
  });
}
