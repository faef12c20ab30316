import type { Pool, PoolClient } from 'pg';

/**
 * Runs `fn` inside BEGIN … COMMIT on one pooled connection; any error rolls back and is rethrown. A
 * connection whose rollback failed, or that broke while checked out, is destroyed instead of going back to
 * the pool.
 *
 * While a client is checked out the pool no longer listens for its errors, and a connection that the server
 * ends between two queries (a Postgres restart, `pg_terminate_backend`) emits `error` on the client itself:
 * unheard, that is an uncaught exception that kills the process. Payments holds a transaction open across
 * a Stripe call (adr/0041), long enough for exactly that. So the error is heard here; the next query fails
 * with it and the transaction rolls back as for any other error.
 */
export async function withTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (err: Error) => {
    broken ??= err;
  };
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      broken ??= rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw err;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
