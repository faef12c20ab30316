import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { stackControl } from '../../tools/stack/control.js';
import { eventually, invoke } from '@shopstream/testing/stack';
import { profile } from '../platform/conformance/profile.js';
import { publishOne } from '../platform/conformance/publish.js';

interface Attempt {
  seq: number;
  phase: 'before' | 'outage' | 'after';
  status: number;
  ms: number;
}

const stats = (run: string) =>
  invoke<{ processed: number; effects: Record<string, number> }>(
    'conformance',
    'conformance',
    `runs/${run}`,
  ).then((r) => r.body);

/**
 * Kafka stops while an app publishes (through its sidecar's publish API, as its Dapr client does), then comes
 * back. A bounded run: 20 messages before, at most 25 attempts within 20 s of outage, 20 acknowledged after.
 */
describe.runIf(profile === 'full')(
  'Kafka outage while an app publishes (fault; full profile only: it stops Kafka)',
  () => {
    afterAll(() => stackControl.start(['kafka'])); // whatever happened, later tests get their broker back

    it('publishers get errors after the resiliency retries, nothing acknowledged is lost, consumers resume', async () => {
      const run = randomUUID();
      const attempts: Attempt[] = [];
      let seq = 0;
      const publish = async (phase: Attempt['phase']) => {
        const message = { run, seq: seq++, partitionKey: `fault-${seq % 5}` };
        const { status, ms } = await publishOne('conformance.delivery', message, 60_000);
        attempts.push({ seq: message.seq, phase, status, ms });
        return status;
      };

      for (let i = 0; i < 20; i++) expect(await publish('before')).toBe(204);

      await stackControl.stop(['kafka']);
      const down = Date.now();
      while (Date.now() - down < 20_000 && attempts.filter((a) => a.phase === 'outage').length < 25)
        await publish('outage');
      await stackControl.start(['kafka']);

      // Publishers recover on their own: retry until 20 more are acknowledged (the breaker may still be open).
      const back = Date.now();
      while (attempts.filter((a) => a.phase === 'after' && a.status === 204).length < 20) {
        expect(Date.now() - back, 'publishing recovers within 60 s of Kafka being back').toBeLessThan(60_000);
        if ((await publish('after')) !== 204) await new Promise((r) => setTimeout(r, 500));
      }

      const outage = attempts.filter((a) => a.phase === 'outage');
      // While the broker is down no publish is acknowledged: each one is refused with an error, none hangs,
      // and not at once: the sidecar retried first (dapr/resiliency.yaml, DefaultComponentOutbound* policies).
      expect(outage.length).toBeGreaterThan(0);
      expect(outage.every((a) => a.status === 500)).toBe(true);
      expect(outage[0]?.ms).toBeGreaterThan(1000);
      expect(Math.max(...outage.map((a) => a.ms))).toBeLessThan(30_000);

      // Every acknowledged message is processed (once: the consumer is idempotent by event id).
      const acked = attempts.filter((a) => a.status === 204).map((a) => String(a.seq));
      const final = await eventually(
        () => stats(run),
        (s) => acked.every((k) => s.effects[k] === 1),
        90_000,
        `all ${acked.length} acknowledged messages processed after Kafka returned`,
      );
      expect(Object.values(final.effects).every((n) => n === 1)).toBe(true);
      console.log(
        `kafka outage: ${outage.length} publishes refused (${outage.map((a) => a.ms).join(', ')} ms), ` +
          `${acked.length} acknowledged and processed, ${attempts.length - acked.length - outage.length} refused while reconnecting`,
      );
    });
  },
);
