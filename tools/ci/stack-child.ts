/**
 * The test stack as a process of its own, for the restart phase (restart-phase.ts): the phase stops it
 * through the control API, as `npm run stop` does, or kills it and every process it started with SIGKILL,
 * as a crash or a power cut would. Like `npm start`, it first kills what a killed supervisor left behind.
 * Env: SHOPSTREAM_DATA (the data folder), SHOPSTREAM_PROFILE. Prints "stack ready in <s> s" once up.
 */
import { profiles } from '../stack/dapr-resources.js';
import { testStackOptions } from './test-stack.js';

const { stackProcesses } = await import('../stack/stack.js');
const { killStale, Supervisor } = await import('../stack/supervisor.js');
const { startControlServer } = await import('../stack/control.js');

const profile = profiles.find((p) => p === (process.env.SHOPSTREAM_PROFILE ?? 'local'));
if (!profile) throw new Error(`unknown SHOPSTREAM_PROFILE ${process.env.SHOPSTREAM_PROFILE}`);

const stale = await killStale();
if (stale > 0) console.log(`stopped ${stale} processes left over from an earlier run`);
const started = Date.now();
const supervisor = new Supervisor(stackProcesses(testStackOptions(profile)));
let stopping = false;
const shutdown = () => {
  if (stopping) return;
  stopping = true;
  supervisor.abort();
  void supervisor.down().then(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
try {
  await supervisor.up();
} catch (err) {
  console.error(`✗ ${(err as Error).message}`);
  process.exit(1);
}
await startControlServer(supervisor, shutdown);
console.log(`stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
