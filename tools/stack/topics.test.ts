import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../paths.mjs';
import { kafkaTopics, readTopicsFile } from './topics.js';

const declared = () =>
  kafkaTopics(
    [join(repoRoot, 'dapr', 'topics.yaml'), join(repoRoot, 'test', 'platform', 'topics.yaml')].flatMap(
      readTopicsFile,
    ),
  );

describe('Kafka topics (dapr/topics.yaml)', () => {
  it('declares every topic of the PRD with more than one partition and a dead-letter topic', () => {
    const topics = new Map(declared().map((t) => [t.name, t.partitions]));
    for (const name of [
      'product.events',
      'order.lifecycle',
      'payment.events',
      'media.events',
      'analytics.raw',
      'user.events',
    ]) {
      expect(topics.get(name), name).toBeGreaterThan(1);
      expect(topics.get(`${name}.dead`), `${name}.dead`).toBe(1);
    }
  });

  it('names the file and the field of a malformed declaration', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'topics-')), 'topics.yaml');
    writeFileSync(file, 'version: 1\ntopics:\n  - name: Orders\n    partitions: 3\n    partitionKey: id\n');
    expect(() => readTopicsFile(file)).toThrow(/topics\.0\.name: lower-case letters/);
  });

  it('refuses a topic declared twice (a dead-letter topic that is also a topic, say)', () => {
    expect(() =>
      kafkaTopics([
        { name: 'a.events', partitions: 3, partitionKey: 'id', deadLetter: 'b.events' },
        { name: 'b.events', partitions: 3, partitionKey: 'id' },
      ]),
    ).toThrow('topic b.events is declared twice');
  });
});
