import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { repoRoot } from '../paths.mjs';
import { StackError } from './supervisor.js';

const topicName = z.string().regex(/^[a-z][a-z0-9._-]*$/, 'lower-case letters, digits, dots, dashes');

/** dapr/topics.yaml (and test/platform/topics.yaml): the topics Kafka gets in the full profile (adr/0012). */
const topicsFileSchema = z.object({
  version: z.literal(1),
  topics: z.array(
    z.object({
      name: topicName,
      partitions: z.number().int().min(1).max(64),
      /** Which aggregate id producers pass as the `partitionKey` publish metadata (documentation). */
      partitionKey: z.string().min(1),
      deadLetter: topicName.optional(),
    }),
  ),
});

export type TopicDefinition = z.infer<typeof topicsFileSchema>['topics'][number];

/** A topic as Kafka creates it. */
export interface KafkaTopic {
  name: string;
  partitions: number;
}

export function readTopicsFile(path: string): TopicDefinition[] {
  const rel = path.slice(repoRoot.length + 1);
  const parsed = topicsFileSchema.safeParse(parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StackError(`${rel}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data.topics;
}

/** Every topic to create: each definition plus its dead-letter topic (one partition), each name once. */
export function kafkaTopics(definitions: TopicDefinition[]): KafkaTopic[] {
  const out = new Map<string, KafkaTopic>();
  const add = (topic: KafkaTopic) => {
    if (out.has(topic.name)) throw new StackError(`topic ${topic.name} is declared twice`);
    out.set(topic.name, topic);
  };
  for (const t of definitions) {
    add({ name: t.name, partitions: t.partitions });
    if (t.deadLetter !== undefined) add({ name: t.deadLetter, partitions: 1 });
  }
  return [...out.values()];
}
