/** A token as the issuer handed it out. `token` is a credential: never log it. */
export interface IssuedServiceToken {
  readonly token: string;
  /** Lifetime from the moment it was requested, in milliseconds (OAuth `expires_in`). */
  readonly expiresInMs: number;
}

export interface ServiceTokenSourceOptions {
  /** Obtains a fresh token for a tenant (identity's client-credentials grant, through the sidecar). */
  readonly issue: (tenantId: string) => Promise<IssuedServiceToken>;
  /**
   * Share of a token's lifetime after which it is renewed in the background while callers keep getting
   * it (default 0.75: a 5-minute token is renewed after 3 min 45 s).
   */
  readonly refreshAfter?: number;
  /**
   * A token with less than this left is never handed out: callers wait for the new one (default 10 s,
   * capped at a quarter of the lifetime). Covers the request's own travel time and clock skew.
   */
  readonly minRemainingMs?: number;
  /** After a failed renewal, the next try waits this long (default 1 s) unless the token is unusable. */
  readonly retryAfterMs?: number;
  /** Tenants kept at most; the least recently used is dropped beyond (default 10,000). */
  readonly maxTenants?: number;
  /** Told about a failed background renewal (the old token is still served); never given the token. */
  readonly onRenewalError?: (error: unknown, tenantId: string) => void;
  /** Epoch milliseconds; default `Date.now`. */
  readonly now?: () => number;
}

export interface ServiceTokenSource {
  /**
   * A valid access token for `tenantId`: cached per tenant, renewed before it expires, one request to the
   * issuer at a time per tenant however many callers ask at once. Rejects only when no usable token can
   * be had (the issuer's error, e.g. a DomainError `Identity.InvalidClient`).
   */
  accessToken(tenantId: string): Promise<string>;
  /** Forgets the tenant's token (e.g. a callee answered UNAUTHENTICATED): the next call fetches anew. */
  invalidate(tenantId: string): void;
}

interface Entry {
  token?: string;
  /** Epoch ms from which the token is renewed in the background. */
  renewAt: number;
  /** Epoch ms from which the token is no longer handed out. */
  unusableAt: number;
  inflight?: Promise<string>;
  /** Epoch ms before which a failed background renewal is not tried again. */
  retryAt: number;
}

/**
 * Service-token cache (adr/0065): per tenant, renewed at `refreshAfter` of the lifetime (stale-while-
 * revalidate: callers are not held up), and awaited only when there is none or it is about to expire.
 * Concurrent callers share one request (single flight). Lifetimes are measured from when the request
 * started on the local clock, so clock skew with the issuer cannot make an expired token look valid.
 */
export function createServiceTokenSource(options: ServiceTokenSourceOptions): ServiceTokenSource {
  const now = options.now ?? Date.now;
  const refreshAfter = options.refreshAfter ?? 0.75;
  const minRemainingMs = options.minRemainingMs ?? 10_000;
  const retryAfterMs = options.retryAfterMs ?? 1_000;
  const maxTenants = options.maxTenants ?? 10_000;
  if (!(refreshAfter > 0 && refreshAfter < 1)) throw new RangeError('refreshAfter must be in (0, 1).');
  const entries = new Map<string, Entry>();

  const renew = (tenantId: string, entry: Entry): Promise<string> => {
    if (entry.inflight !== undefined) return entry.inflight;
    const startedAt = now();
    const inflight = options.issue(tenantId).then(
      ({ token, expiresInMs }) => {
        const margin = Math.min(minRemainingMs, expiresInMs / 4);
        entry.token = token;
        entry.renewAt = startedAt + expiresInMs * refreshAfter;
        entry.unusableAt = startedAt + expiresInMs - margin;
        entry.inflight = undefined;
        return token;
      },
      (error: unknown) => {
        entry.inflight = undefined;
        entry.retryAt = now() + retryAfterMs;
        throw error;
      },
    );
    entry.inflight = inflight;
    return inflight;
  };

  const entryOf = (tenantId: string): Entry => {
    let entry = entries.get(tenantId);
    if (entry === undefined) {
      entry = { renewAt: 0, unusableAt: 0, retryAt: 0 };
      if (entries.size >= maxTenants) {
        const oldest = entries.keys().next();
        if (oldest.done !== true) entries.delete(oldest.value);
      }
    } else entries.delete(tenantId); // re-inserted below: Map order is recency order
    entries.set(tenantId, entry);
    return entry;
  };

  return {
    accessToken(tenantId) {
      const entry = entryOf(tenantId);
      const at = now();
      if (entry.token === undefined || at >= entry.unusableAt) return renew(tenantId, entry);
      if (at >= entry.renewAt && at >= entry.retryAt && entry.inflight === undefined) {
        renew(tenantId, entry).catch((error: unknown) => options.onRenewalError?.(error, tenantId));
      }
      return Promise.resolve(entry.token);
    },
    invalidate(tenantId) {
      const entry = entries.get(tenantId);
      if (entry === undefined) return;
      entry.token = undefined;
      entry.unusableAt = 0;
    },
  };
}
