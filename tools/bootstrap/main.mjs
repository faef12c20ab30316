#!/usr/bin/env node
// Idempotent toolchain bootstrap: `npm start` and `npm test` both run it first. Plain Node with no
// dependencies, because it is what installs the dependencies. Tiers run in order; later issues add servers
// (OpenSearch, Debezium, Cassandra from Maven Central) by adding a pom and a pins.json entry, or a tier file.
import { nodeTier } from './tiers/node.mjs';
import { debianTier } from './tiers/debian.mjs';
import { goTier } from './tiers/go.mjs';
import { pythonTier } from './tiers/python.mjs';
import { mavenTier } from './tiers/maven.mjs';
import { BootstrapError, timings } from './step.mjs';
import { cacheRoot } from '../paths.mjs';

const started = Date.now();
console.log(`Shopstream bootstrap (tool cache: ${cacheRoot})`);
try {
  await debianTier();
  await goTier();
  await pythonTier();
  await mavenTier();
  await nodeTier();
  const built = timings.filter((t) => !/^(cached|present|up to date)/.test(t.outcome)).length;
  console.log(
    `Bootstrap finished in ${((Date.now() - started) / 1000).toFixed(1)} s (${built} of ${timings.length} steps did work).`,
  );
} catch (err) {
  if (err instanceof BootstrapError) {
    console.error(`\nBootstrap failed: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
