import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import { decodeJwt } from 'jose';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StockOperation } from '@shopstream/proto/catalog/v1/catalog_service.js';
import { ProductStatus } from '@shopstream/proto/catalog/v1/product.js';
import { DomainError } from '@shopstream/service-defaults';
import { identityServiceTokens, serviceTokenSource } from '@shopstream/service-defaults/service-tokens';
import {
  catalogApi,
  failure,
  idempotencyKey,
  productInput,
  skuInput,
  withRetries,
  type CatalogApi,
} from '@shopstream/testing/catalog';
import { createTestTenant, identityDatabasePool, signedInTokens } from '@shopstream/testing/identity';
import { daprApiToken, portsOf, sleep } from '@shopstream/testing/stack';
import { repoRoot } from '../../tools/paths.mjs';
import { readAppsFile } from '../../tools/stack/apps.js';
import { logDir } from '../../tools/stack/layout.js';

/**
 * Orders' service identity (adr/0065), outside in: the client-credentials grant of the running `identity`
 * app, asked through the `orders-worker` sidecar with the credentials dapr/apps.yaml gives `orders-worker`
 * (the saga's worker, which reserves stock), and
 * the token used on the running catalog — as the checkout saga does.
 */
const orders = readAppsFile(join(repoRoot, 'dapr', 'apps.yaml')).find((app) => app.appID === 'orders-worker');
const credentials = {
  SERVICE_CLIENT_ID: orders?.env?.SERVICE_CLIENT_ID ?? '',
  SERVICE_CLIENT_SECRET: orders?.env?.SERVICE_CLIENT_SECRET ?? '',
};
const sidecar = { DAPR_GRPC_PORT: portsOf('orders-worker').daprGrpc, DAPR_API_TOKEN: daprApiToken };
/** The verifiers' clock tolerance (createSidecarTokenVerifier's default). */
const CLOCK_TOLERANCE_MS = 5_000;

async function refusal(promise: Promise<unknown>): Promise<{ kind: string; code: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return { kind: error.kind, code: error.code };
}

describe('service identity: client credentials for orders', () => {
  let identity: Pool;
  let api: CatalogApi;
  let tenant = '';
  let admin = '';
  const grant = identityServiceTokens({ ...credentials, ...sidecar });

  beforeAll(async () => {
    identity = identityDatabasePool('service-token-test');
    api = catalogApi('orders-worker');
    tenant = await createTestTenant(identity, 'svc-token');
    [admin] = (await signedInTokens(identity, tenant, [{ roles: ['catalog.admin:eu'] }])) as [string];
  });

  afterAll(async () => {
    grant.close();
    api?.close();
    await identity?.end();
  });

  const newSku = async (euStock: number) => {
    const { product } = await api.createProduct(
      {
        idempotencyKey: idempotencyKey(),
        ownerRegion: 'eu',
        product: productInput({
          status: ProductStatus.PRODUCT_STATUS_ACTIVE,
          skus: [skuInput({ initialStock: [{ region: 'eu', quantity: String(euStock) }] })],
        }),
      },
      { token: admin },
    );
    return product!.skus[0]!.skuId;
  };

  const reserve = (skuId: string, token: string, quantity = 1, key = idempotencyKey()) =>
    withRetries(() =>
      api.updateStock(
        {
          idempotencyKey: key,
          operation: StockOperation.STOCK_OPERATION_RESERVE,
          skuId,
          region: 'eu',
          quantity: String(quantity),
        },
        { token, deadlineMs: 20_000 },
      ),
    );

  it('issues a short-lived token of subject service:orders with its roles, for the tenant asked', async () => {
    const before = Date.now();
    const { token, expiresInMs } = await grant.issue(tenant);
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      sub: 'service:orders-worker',
      client_id: 'orders-worker',
      tenant,
      roles: ['catalog.stock', 'payments.charge', 'payments.admin'],
      admin: false,
    });
    expect(claims.sid).toBeUndefined();
    // Whole seconds left from when it was signed: 299 or 300 of the client's 300.
    expect(expiresInMs).toBeGreaterThanOrEqual(299_000);
    expect(expiresInMs).toBeLessThanOrEqual(300_000);
    expect(claims.exp! * 1000).toBeLessThanOrEqual(before + 300_000 + 1_000);
    expect(claims.exp! * 1000).toBeGreaterThanOrEqual(Date.now() + expiresInMs - 2_000);
  });

  it('reserves stock with catalog UpdateStock (role catalog.stock)', async () => {
    const skuId = await newSku(10);
    const { token } = await grant.issue(tenant);
    const reserved = await reserve(skuId, token, 2);
    expect(reserved.stock).toMatchObject({ available: '8', reserved: '2' });
  });

  it('is refused by a method only admins may call (CreateProduct, SetStock)', async () => {
    const skuId = await newSku(5);
    const { token } = await grant.issue(tenant);
    const create = await failure(
      api.createProduct(
        { idempotencyKey: idempotencyKey(), ownerRegion: 'eu', product: productInput() },
        { token },
      ),
    );
    expect(create).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'Catalog.NotRegionAdmin' });
    const set = await failure(
      api.setStock({ idempotencyKey: idempotencyKey(), skuId, region: 'eu', available: '100' }, { token }),
    );
    expect(set.code).toBe(status.PERMISSION_DENIED);
  });

  it('refuses a wrong secret and an unknown client with the same answer, and an unknown tenant', async () => {
    const wrongSecret = identityServiceTokens({
      ...sidecar,
      SERVICE_CLIENT_ID: 'orders-worker',
      SERVICE_CLIENT_SECRET: `${credentials.SERVICE_CLIENT_SECRET.slice(0, -1)}x`,
    });
    const unknownClient = identityServiceTokens({
      ...sidecar,
      ...credentials,
      SERVICE_CLIENT_ID: 'shipping',
    });
    try {
      const invalid = { kind: 'unauthenticated', code: 'Identity.InvalidClient' };
      expect(await refusal(wrongSecret.issue(tenant))).toEqual(invalid);
      expect(await refusal(unknownClient.issue(tenant))).toEqual(invalid);
      expect(await refusal(grant.issue('no-such-shop-7f3a'))).toEqual({
        kind: 'not_found',
        code: 'Identity.UnknownTenant',
      });
    } finally {
      wrongSecret.close();
      unknownClient.close();
    }
  });

  it('is refused by the catalog once expired', async () => {
    const skuId = await newSku(5);
    const { token, expiresInMs } = await grant.issue(tenant, 1);
    expect(expiresInMs).toBeLessThanOrEqual(1_000);
    await sleep(1_000 + CLOCK_TOLERANCE_MS + 1_000);
    expect(await failure(reserve(skuId, token))).toMatchObject({
      code: status.UNAUTHENTICATED,
      reason: 'Auth.TokenExpired',
    });
  });

  it('the token source renews before expiry: every call in 12 s of 6-second tokens succeeds', async () => {
    const skuId = await newSku(100);
    const source = serviceTokenSource({
      config: { ...credentials, ...sidecar },
      ttlSeconds: 6,
      options: { minRemainingMs: 1_000 },
    });
    try {
      const seen = new Map<string, { firstSeenAt: number; exp: number }>();
      const end = Date.now() + 12_000;
      while (Date.now() < end) {
        const tokens = await Promise.all(Array.from({ length: 5 }, () => source.accessToken(tenant)));
        const now = Date.now();
        expect(new Set(tokens).size).toBe(1); // one token per moment, however many ask
        const token = tokens[0]!;
        const exp = decodeJwt(token).exp! * 1000;
        expect(exp - now, 'a token handed out has time left').toBeGreaterThan(0);
        if (!seen.has(token)) seen.set(token, { firstSeenAt: now, exp });
        await reserve(skuId, token);
        await sleep(250);
      }
      const order = [...seen.values()];
      expect(order.length).toBeGreaterThanOrEqual(3);
      // Each successor was in use before its predecessor expired.
      for (let i = 1; i < order.length; i++) expect(order[i]!.firstSeenAt).toBeLessThan(order[i - 1]!.exp);
    } finally {
      source.close();
    }
  });

  it('audits grants and refusals in identity’s log without the secret or the token', async () => {
    const { token } = await grant.issue(tenant);
    const wrongSecret = identityServiceTokens({
      ...sidecar,
      ...credentials,
      SERVICE_CLIENT_SECRET: `${credentials.SERVICE_CLIENT_SECRET}-wrong`,
    });
    await refusal(wrongSecret.issue(tenant)).finally(() => wrongSecret.close());
    const jti = decodeJwt(token).jti!;
    const auditLines = async () => {
      for (let attempt = 0; ; attempt++) {
        const lines = readFileSync(join(logDir, 'identity.log'), 'utf8')
          .split('\n')
          .filter((line) => line.includes('"audit":"service_token"') && line.includes(tenant));
        if (lines.some((line) => line.includes('invalid_client')) || attempt >= 20) return lines;
        await sleep(250);
      }
    };
    const lines = await auditLines();
    const events = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events).toContainEqual(
      expect.objectContaining({
        outcome: 'issued',
        clientId: 'orders-worker',
        tenantId: tenant,
        tokenId: jti,
      }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ outcome: 'invalid_client', clientId: 'orders-worker', tenantId: tenant }),
    );
    const log = readFileSync(join(logDir, 'identity.log'), 'utf8');
    expect(log).not.toContain(credentials.SERVICE_CLIENT_SECRET);
    expect(log).not.toContain(token.split('.')[2]!);
  });
});
