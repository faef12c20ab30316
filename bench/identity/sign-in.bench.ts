import { createPasswordHasher } from '@shopstream/identity';
import { invoke, sleep } from '@shopstream/testing/stack';
import { summarize, timed, writeResult, type Summary } from '../stats.js';
import { createTestTenant, identityDatabasePool } from '@shopstream/testing/identity';

const PASSWORD = 'correct horse battery staple 42';
const TARGET_P95_MS = 300;
/** Arrival rates tried for the ceiling, in sign-ins per second (stops at the first p95 miss). */
const RATES = [2, 6, 10, 14, 18, 22, 26, 30];

/**
 * Sign-in through the sidecars (`identity-sessions` /auth/sign-in: throttle, argon2id verify, refresh
 * family, SessionActor.open, access token) at fixed arrival rates (open loop: requests start on schedule
 * whether or not earlier ones finished, so queueing shows up as latency). Baseline: one argon2id hash at the
 * OWASP parameters, measured in the same run. Users and client IPs are spread so the login throttle (20 per
 * account and 60 per IP per minute) never answers instead of the server.
 */
export async function benchSignIn(): Promise<void> {
  const pool = identityDatabasePool('bench');
  const tenantId = await createTestTenant(pool, 'bench');
  await pool.end();
  const headers = (i: number) => ({
    'x-tenant-id': tenantId,
    'x-forwarded-for': `10.0.${(i >> 8) & 255}.${i & 255}`,
  });
  const users = Array.from({ length: 40 }, (_, i) => `bench-${i}@example.com`);
  for (const [i, email] of users.entries()) {
    const res = await invoke(
      'skeleton-caller',
      'identity-sessions',
      'auth/sign-up',
      { email, password: PASSWORD },
      headers(i),
    );
    if (res.status !== 200) throw new Error(`sign-up → ${res.status}`);
  }
  const hasher = createPasswordHasher();
  const hashes: number[] = [];
  for (let i = 0; i < 20; i++) hashes.push(await timed(() => hasher.hash(PASSWORD)));
  const baseline = { name: 'argon2id-hash-owasp', ...summarize(hashes) };

  let request = 0;
  /** A failed sign-in (the sidecar's app timeout under load) is counted, not thrown: it is a result too. */
  let failed = 0;
  const signIn = async (): Promise<number | undefined> => {
    const i = request++;
    let ok = true;
    const ms = await timed(async () => {
      const res = await invoke(
        'skeleton-caller',
        'identity-sessions',
        'auth/sign-in',
        { email: users[i % users.length], password: PASSWORD, device: 'bench' },
        headers(1000 + i),
      );
      ok = res.status === 200;
    });
    if (ok) return ms;
    failed += 1;
    return undefined;
  };
  /** Latencies of the sign-ins that succeeded, and how many did not. */
  const atRate = async (perSecond: number, seconds: number): Promise<Summary & { failed: number }> => {
    const before = failed;
    const pending: Promise<number | undefined>[] = [];
    const start = Date.now();
    for (let k = 0; k < perSecond * seconds; k++) {
      const due = start + (k * 1000) / perSecond;
      await sleep(Math.max(0, due - Date.now()));
      pending.push(signIn());
    }
    const done = (await Promise.all(pending)).filter((ms): ms is number => ms !== undefined);
    return { ...summarize(done), failed: failed - before };
  };

  const { failed: fixedFailed, ...fixed } = await atRate(4, 15);
  writeResult({
    name: 'identity-sign-in-4rps',
    unit: 'ms',
    target: TARGET_P95_MS,
    ...fixed,
    baseline,
    notes: `open loop, 4 sign-ins/s for 15 s; target is the PRD p95; ${fixedFailed} of 60 failed (not in the latencies)`,
    extra: { failed: fixedFailed },
  });
  let best = 0;
  for (const rate of RATES) {
    const s = await atRate(rate, 8);
    console.log(`    ${rate}/s: p50 ${s.p50} ms, p95 ${s.p95} ms, ${s.failed} failed`);
    if (s.p95 < TARGET_P95_MS && s.failed === 0) best = Math.max(best, rate);
    else break;
    await sleep(2000);
  }
  writeResult({
    name: 'identity-sign-in-max-rate',
    unit: 'sign-ins/s',
    target: null,
    n: 1,
    p50: best,
    p95: best,
    p99: best,
    notes: `highest tried arrival rate with p95 < ${TARGET_P95_MS} ms (tried ${RATES.join(', ')}/s for 8 s each, stopping at the first miss)`,
  });
}
