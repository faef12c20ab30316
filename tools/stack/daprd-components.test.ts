import { describe, expect, it } from 'vitest';
import {
  componentTypesInUse,
  daprdComponentsFile,
  registeredComponentTypes,
  unregisteredTypes,
} from './daprd-components.js';

describe('our daprd registers every component type the stack uses', () => {
  it('every component file of every profile and dapr/config.yaml name a registered type', () => {
    expect(unregisteredTypes()).toEqual([]);
  });

  it('reads the registrations of tools/go/dapr/cmd/daprd/components.go', () => {
    expect([...registeredComponentTypes()].sort()).toEqual([
      'nameresolution.sqlite',
      'pubsub.kafka',
      'pubsub.redis',
      'state.aws.dynamodb',
      'state.redis',
    ]);
  });

  it('sees the types of both profiles and the name resolver', () => {
    const used = componentTypesInUse();
    expect(used).toContainEqual({ type: 'pubsub.kafka', file: 'components/full/pubsub.yaml' });
    expect(used).toContainEqual({ type: 'pubsub.redis', file: 'components/local/pubsub.yaml' });
    expect(used).toContainEqual({ type: 'nameresolution.sqlite', file: 'dapr/config.yaml' });
  });

  it('names the file and where to add a type the build lacks', () => {
    const without = new Set([...registeredComponentTypes()].filter((t) => t !== 'pubsub.kafka'));
    expect(unregisteredTypes(without)).toEqual([
      `components/full/pubsub.yaml names pubsub.kafka, which our daprd does not register: add it in ${daprdComponentsFile} (componentRegistry) and rebuild (npm run bootstrap)`,
    ]);
  });

  it('counts a missing nameResolution block as mDNS, which the build lacks', () => {
    const missing = unregisteredTypes(registeredComponentTypes(), [
      { type: 'nameresolution.mdns', file: 'dapr/config.yaml' },
    ]);
    expect(missing[0]).toMatch(/^dapr\/config.yaml names nameresolution.mdns/);
  });
});
