import type { Redis } from 'ioredis';

/**
 * Bookkeeping of the conformance subscriber, per test run, in Redis: how many handler calls there were, which
 * were failed on purpose, which events were processed (once) and which arrived again (duplicates).
 */
export class DeliveryLedger {
  constructor(private readonly redis: Redis) {}

  private key(run: string, part: string) {
    return `conformance:${run}:${part}`;
  }

  /** Counts a handler call; every `failEvery`-th call of a run is failed on purpose. */
  async shouldFail(run: string, failEvery: number): Promise<boolean> {
    const calls = await this.redis.incr(this.key(run, 'calls'));
    if (failEvery > 0 && calls % failEvery === 0) {
      await this.redis.incr(this.key(run, 'failures'));
      return true;
    }
    return false;
  }

  /** Counts a delivery of one event; its first `times` deliveries are failed on purpose. */
  async failFirst(run: string, eventId: string, times: number): Promise<boolean> {
    if (times === 0) return false;
    const attempt = await this.redis.incr(this.key(run, `attempts:${eventId}`));
    await this.redis.expire(this.key(run, `attempts:${eventId}`), 3600);
    if (attempt > times) return false;
    await this.redis.incr(this.key(run, 'failures'));
    return true;
  }

  /** Idempotent effect: the first delivery of an event id is processed, later ones only counted. */
  async process(run: string, eventId: string, seq: number): Promise<'processed' | 'duplicate'> {
    const first = await this.redis.set(this.key(run, `seen:${eventId}`), '1', 'EX', 3600, 'NX');
    if (first === null) {
      await this.redis.incr(this.key(run, 'duplicates'));
      return 'duplicate';
    }
    await this.redis.hincrby(this.key(run, 'effects'), String(seq), 1);
    await this.redis.incr(this.key(run, 'processed'));
    return 'processed';
  }

  async appendOrdered(run: string, partitionKey: string, seq: number): Promise<void> {
    await this.redis.rpush(this.key(run, `order:${partitionKey}`), String(seq));
  }

  async recordDeadLetter(run: string, eventId: string): Promise<void> {
    await this.redis.sadd(this.key(run, 'dead'), eventId);
  }

  /** Publish → handler latency of one message (ms, same clock: publisher and handler share the machine). */
  async recordLatency(run: string, ms: number): Promise<void> {
    await this.redis.rpush(this.key(run, 'latency'), String(ms));
    await this.redis.expire(this.key(run, 'latency'), 3600);
  }

  /** Waits for the next latency sample of a run (BLPOP on a connection of the caller's own). */
  async nextLatency(run: string, timeoutSeconds: number): Promise<number | null> {
    const got = await this.redis.blpop(this.key(run, 'latency'), timeoutSeconds);
    return got === null ? null : Number(got[1]);
  }

  /**
   * Counters are read before the records they count (an effect is written before `processed` is
   * incremented), so a reader that sees `processed = n` also sees the n effects.
   */
  async stats(run: string, keys: string[] = []) {
    const num = async (part: string) => Number((await this.redis.get(this.key(run, part))) ?? 0);
    const counters = {
      calls: await num('calls'),
      failuresInjected: await num('failures'),
      processed: await num('processed'),
      duplicates: await num('duplicates'),
    };
    const effects = await this.redis.hgetall(this.key(run, 'effects'));
    const order: Record<string, number[]> = {};
    for (const k of keys)
      order[k] = (await this.redis.lrange(this.key(run, `order:${k}`), 0, -1)).map(Number);
    return {
      ...counters,
      effects: Object.fromEntries(Object.entries(effects).map(([seq, n]) => [seq, Number(n)])),
      deadLetters: await this.redis.smembers(this.key(run, 'dead')),
      order,
    };
  }
}
