import { Client, type Pool } from 'pg';
import { withTransaction } from './with-transaction.js';
import type { CloudEvent } from '../events/cloud-event.js';
import type { Logger } from '../logging/create-logger.js';
import { failureReason, retryDelayMs, type BackoffOptions } from './outbox-backoff.js';
import { OUTBOX_CHANNEL } from './outbox-sql.js';

/** Publishes one stored CloudEvent unchanged (same id); throws when the broker did not accept it. */
export type OutboxPublish = (topic: string, cloudEvent: CloudEvent) => Promise<void>;

export interface OutboxRelayOptions {
  readonly pool: Pool;
  readonly publish: OutboxPublish;
  readonly logger: Pick<Logger, 'info' | 'warn' | 'debug'>;
  /** Rows claimed per pass (default 50). */
  readonly batchSize?: number;
  /** Poll interval when no notification arrives (default 1 s). */
  readonly pollIntervalMs?: number;
  /** Retry backoff of a row whose publish failed. */
  readonly backoff?: BackoffOptions;
  /** A publish that takes longer counts as failed (default 10 s). */
  readonly publishTimeoutMs?: number;
}

export interface OutboxRelay {
  /** Starts a pass now (as a notification would). */
  wake(): void;
  /** Finishes the current pass (its rows are marked), then stops listening and polling. */
  stop(): Promise<void>;
}

export interface RelayPassResult {
  readonly claimed: number;
  readonly published: number;
  readonly failed: number;
}

interface OutboxRow {
  id: string;
  topic: string;
  payload: CloudEvent;
  attempts: number;
}

const CLAIM = `SELECT id, topic, payload, attempts FROM outbox
WHERE published_at IS NULL AND next_attempt_at <= clock_timestamp()
ORDER BY created_at, seq
LIMIT $1
FOR UPDATE SKIP LOCKED`;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`publish timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * One relay pass: claims up to `batchSize` unpublished rows in `created_at` order with
 * `FOR UPDATE SKIP LOCKED` (a concurrent relay skips them), publishes them one by one with their stored id,
 * and in the same transaction marks them published. The first failure gets `attempts + 1`, `last_error` and
 * a backed-off `next_attempt_at`, and ends the pass (a broker that is down costs one timeout per pass, and
 * the transaction stays short). A crash before COMMIT republishes the batch: delivery is at-least-once.
 */
export async function relayOutboxOnce(
  options: Pick<OutboxRelayOptions, 'pool' | 'publish' | 'batchSize' | 'backoff' | 'publishTimeoutMs'>,
): Promise<RelayPassResult> {
  return withTransaction(options.pool, async (client) => {
    const { rows } = await client.query<OutboxRow>(CLAIM, [options.batchSize ?? 50]);
    const published: string[] = [];
    let failed = 0;
    for (const row of rows) {
      try {
        await withTimeout(options.publish(row.topic, row.payload), options.publishTimeoutMs ?? 10_000);
        published.push(row.id);
      } catch (err) {
        failed = 1;
        const delayMs = retryDelayMs(row.attempts + 1, options.backoff);
        await client.query(
          `UPDATE outbox SET attempts = attempts + 1, last_error = $2,
             next_attempt_at = clock_timestamp() + make_interval(secs => $3::double precision / 1000)
           WHERE id = $1`,
          [row.id, failureReason(err), delayMs],
        );
        break;
      }
    }
    if (published.length > 0) {
      await client.query('UPDATE outbox SET published_at = clock_timestamp() WHERE id = ANY($1::uuid[])', [
        published,
      ]);
    }
    return { claimed: rows.length, published: published.length, failed };
  });
}

/**
 * Starts the outbox relay: a pass runs at once, whenever a committed insert notifies `shopstream_outbox`
 * (LISTEN on a dedicated connection, re-established after errors), every `pollIntervalMs` (so nothing waits
 * on a lost notification), and back-to-back while full batches keep coming. Several instances may run: rows
 * are claimed with SKIP LOCKED. Events are published at least once, in `created_at` order except that a row
 * waiting for its retry does not hold back later rows; consumers dedupe by event id.
 */
export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { logger } = options;
  const batchSize = options.batchSize ?? 50;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  let stopping = false;
  let pending = true;
  let wakeUp: (() => void) | undefined;
  let listener: Client | undefined;
  let listenRetry: NodeJS.Timeout | undefined;
  let listening: Promise<void> = Promise.resolve();

  const wake = () => {
    pending = true;
    wakeUp?.();
  };

  const sleep = () =>
    new Promise<void>((resolve) => {
      if (pending || stopping) return resolve();
      const timer = setTimeout(done, pollIntervalMs);
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = done;
    });

  const listen = async (): Promise<void> => {
    if (stopping) return;
    const client = new Client(options.pool.options);
    client.on('notification', wake);
    client.on('error', (err) => {
      logger.warn(
        { err: { message: err.message } },
        'outbox relay lost its LISTEN connection; polling meanwhile',
      );
      void client.end().catch(() => undefined);
      if (listener === client) listener = undefined;
      retryListen();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (stopping) {
        await client.end();
        return;
      }
      listener = client;
      wake(); // catch up with anything committed before LISTEN took effect
    } catch (err) {
      logger.warn(
        { err: { message: failureReason(err) } },
        'outbox relay could not LISTEN; polling meanwhile',
      );
      await client.end().catch(() => undefined);
      retryListen();
    }
  };

  /** Re-LISTEN later (one pending retry at most); polling covers the gap. */
  function retryListen(): void {
    clearTimeout(listenRetry);
    if (stopping) return;
    listenRetry = setTimeout(() => {
      listening = listen();
    }, pollIntervalMs * 5);
  }

  const loop = async (): Promise<void> => {
    while (!stopping) {
      pending = false;
      let full = false;
      try {
        const result = await relayOutboxOnce({ ...options, batchSize });
        if (result.published > 0) logger.debug({ published: result.published }, 'outbox events published');
        full = result.claimed === batchSize && result.failed === 0;
      } catch (err) {
        logger.warn({ err: { message: failureReason(err) } }, 'outbox relay pass failed; retrying');
      }
      if (!full) await sleep();
    }
  };

  listening = listen();
  const running = loop();
  logger.info({ batchSize, pollIntervalMs }, 'outbox relay started');

  return {
    wake,
    async stop() {
      if (stopping) return running;
      stopping = true;
      clearTimeout(listenRetry);
      wakeUp?.();
      await running;
      await listening;
      const client = listener;
      listener = undefined;
      await client?.end().catch(() => undefined);
      logger.info('outbox relay stopped');
    },
  };
}
