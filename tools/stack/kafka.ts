import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pins, repoRoot, toolBin, toolJars } from '../paths.mjs';
import { ensureTopics, kafkaReady } from './kafka-admin.js';
import { kafkaServerProperties } from './kafka-properties.js';
import { dataDir } from './layout.js';
import { ports } from './ports.js';
import { StackError } from './supervisor.js';
import type { ProcessSpec } from './spec.js';
import type { KafkaTopic } from './topics.js';

/**
 * JVM options: a bounded heap (the default would be a quarter of the machine), two processors whatever the
 * machine has (thread pools and GC threads are sized from it), the C1 compiler only (measured on two cores:
 * about half the CPU to become ready; the optimising C2 compiler pays off only for long, heavy workloads),
 * Kafka's own G1 settings, and a console-only log4j2 configuration.
 */
const jvmOptions = [
  '-Xms128m',
  '-Xmx512m',
  '-XX:ActiveProcessorCount=2',
  '-XX:TieredStopAtLevel=1',
  '-XX:+UseG1GC',
  '-XX:MaxGCPauseMillis=20',
  '-XX:InitiatingHeapOccupancyPercent=35',
  '-XX:+ExitOnOutOfMemoryError',
  '-Djava.awt.headless=true',
  `-Dlog4j2.configurationFile=${join(repoRoot, 'tools', 'stack', 'config', 'kafka-log4j2.yaml')}`,
];

const execFileAsync = promisify(execFile);

/**
 * Kafka 4 (KRaft, one node) for the full profile, from the jars the bootstrap copied from Maven Central. Its
 * data is <data>/kafka; the storage is formatted on first start (StorageTool, --ignore-formatted); once ready,
 * the declared topics are created (adr/0012).
 */
export function kafkaProcess(topics: KafkaTopic[]): ProcessSpec {
  const dir = dataDir('kafka');
  const logDirs = join(dir, 'data');
  const properties = join(dir, 'server.properties');
  const jars = toolJars('kafka');
  const classpath = ['-cp', `${jars}/*`];
  return {
    name: 'kafka',
    kind: 'infra',
    command: toolBin('java'),
    args: [...jvmOptions, ...classpath, 'kafka.Kafka', properties],
    ports: { broker: ports.kafka, controller: ports.kafkaController },
    ready: kafkaReady,
    readyTimeoutMs: 90_000,
    dependsOn: [],
    prepare: async () => {
      if (!existsSync(join(jars, pins.maven.kafka?.probeJar ?? '')))
        throw new StackError(`Kafka's jars are missing in ${jars} — run \`npm run bootstrap\``);
      mkdirSync(logDirs, { recursive: true });
      writeFileSync(properties, kafkaServerProperties(logDirs));
      if (existsSync(join(logDirs, 'meta.properties'))) return;
      const clusterId = randomBytes(16).toString('base64url');
      const format = ['kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', properties];
      await execFileAsync(toolBin('java'), [...jvmOptions, ...classpath, ...format, '--ignore-formatted']);
    },
    afterReady: () => ensureTopics(topics),
  };
}
