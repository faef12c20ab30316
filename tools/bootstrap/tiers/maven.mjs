// Tier 4: JVM servers as jars from Maven Central (Kafka for the full profile, adr/0012). Each server is a tiny
// pom of ours (tools/maven/<name>/pom.xml) whose runtime dependencies maven-dependency-plugin copies into
// <cache>/tools/<name>/<version>/libs. Maven's own repository lives in the tool cache too (<cache>/maven-repo),
// so nothing is written to ~/.m2. The stamp holds the pom's hash: editing the pom (a logging bump, say)
// re-copies even when the version stays. Jars land in a staging folder that is renamed into place, so a
// bootstrap of another checkout sharing the cache never sees half a copy.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheRoot, pins, repoRoot, toolDir } from '../../paths.mjs';
import { BootstrapError, run } from '../step.mjs';

const dependencyPlugin = 'org.apache.maven.plugins:maven-dependency-plugin:3.11.0';

const pomHash = (pin) =>
  createHash('sha256')
    .update(readFileSync(join(repoRoot, pin.pom)))
    .digest('hex');

function isCopied(name, pin) {
  const dir = toolDir(name, pin.version);
  const done = join(dir, '.complete');
  return (
    existsSync(done) &&
    readFileSync(done, 'utf8') === pomHash(pin) &&
    existsSync(join(dir, 'libs', pin.probeJar))
  );
}

async function copyJars(name, pin) {
  const dir = toolDir(name, pin.version);
  const pom = join(repoRoot, pin.pom);
  const want = pomHash(pin);
  const stage = `${dir}.partial-${process.pid}`;
  const libs = join(stage, 'libs');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(libs, { recursive: true });
  const log = join(stage, 'maven.log');
  try {
    await run(
      pins.debian.maven.probe,
      [
        '-B',
        '--no-transfer-progress',
        `-Dmaven.repo.local=${join(cacheRoot, 'maven-repo')}`,
        '-f',
        pom,
        `${dependencyPlugin}:copy-dependencies`,
        '-DincludeScope=runtime',
        `-DoutputDirectory=${libs}`,
      ],
      {
        cwd: stage,
        env: { JAVA_HOME: pins.debian.java.probe.replace(/\/bin\/java$/, '') },
        log,
        registry: 'Maven Central',
        unit: 'log lines',
      },
    );
    if (!existsSync(join(libs, pin.probeJar)))
      throw new BootstrapError(`${name}: Maven finished but ${pin.probeJar} is missing (log: ${log})`);
  } catch (err) {
    // Keep the log where the error message points: move the staging folder into place without a stamp.
    rmSync(dir, { recursive: true, force: true });
    renameSync(stage, dir);
    throw err instanceof BootstrapError ? new BootstrapError(err.message.replaceAll(stage, dir)) : err;
  }
  writeFileSync(join(stage, '.complete'), want);
  rmSync(dir, { recursive: true, force: true });
  renameSync(stage, dir);
  return `copied jars into ${join(dir, 'libs')}`;
}

/** The copy step of one Maven pin; it needs Java and Maven from the Debian step. */
export function mavenStep(name, pin) {
  return {
    id: `maven:${name}`,
    label: `${name} ${pin.version} (Maven Central)`,
    lane: 'net',
    deps: ['debian'],
    typicalMs: (pin.typicalMinutes ?? 1) * 60_000,
    upToDate: () => isCopied(name, pin),
    build: () => copyJars(name, pin),
  };
}
