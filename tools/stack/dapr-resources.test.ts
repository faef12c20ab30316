import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../paths.mjs';
import { profiles, validateResource } from './dapr-resources.js';

const component = (extra = '') => `apiVersion: dapr.io/v1alpha1
kind: Component
metadata:
  name: pubsub
spec:
  type: pubsub.redis
  version: v1
  metadata: []
${extra}`;

describe('validateResource', () => {
  it.each(profiles)('accepts every component file of the %s profile', (profile) => {
    const dir = join(repoRoot, 'components', profile);
    for (const f of readdirSync(dir))
      expect(() => validateResource(f, readFileSync(join(dir, f), 'utf8'))).not.toThrow();
  });

  it('finds the same component names, with the same scopes, in every profile (swap by YAML only)', () => {
    const components = (profile: string) => {
      const dir = join(repoRoot, 'components', profile);
      return Object.fromEntries(
        readdirSync(dir).map((f) => {
          const doc = validateResource(f, readFileSync(join(dir, f), 'utf8'));
          return [String(doc.metadata?.name), [...(doc.scopes as string[])].sort()];
        }),
      );
    };
    const local = components('local');
    expect(Object.keys(local).sort()).toEqual(['actorstore', 'kvstore', 'pubsub']);
    for (const profile of profiles) expect(components(profile)).toEqual(local);
  });

  it.each([
    ['broken YAML', 'apiVersion: [oops', /bad\.yaml: not valid YAML/],
    [
      'a wrong apiVersion',
      component('scopes: [a]').replace('dapr.io/v1alpha1', 'v1'),
      /apiVersion must be dapr.io\/v1alpha1/,
    ],
    ['no spec.type', component('scopes: [a]').replace('  type: pubsub.redis\n', ''), /spec.type is missing/],
    ['no scopes', component(), /scopes must list the app ids/],
    ['no name', component('scopes: [a]').replace('  name: pubsub\n', ''), /metadata.name is missing/],
  ])('names the file and the problem for %s', (_, text, message) => {
    expect(() => validateResource('components/local/bad.yaml', text)).toThrow(message);
  });
});
