import { Metadata } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { singleMetadataValue } from './single-metadata-value.js';

const ambiguous = () => new Error('ambiguous');

describe('singleMetadataValue', () => {
  it('returns the one value, or undefined when absent', () => {
    const md = new Metadata();
    expect(singleMetadataValue(md, 'x-tenant-id', ambiguous)).toBeUndefined();
    md.set('x-tenant-id', 'tenant-a');
    expect(singleMetadataValue(md, 'x-tenant-id', ambiguous)).toBe('tenant-a');
  });

  it('refuses several values and binary values with the caller’s error', () => {
    const twice = new Metadata();
    twice.add('x-tenant-id', 'tenant-a');
    twice.add('x-tenant-id', 'tenant-b');
    expect(() => singleMetadataValue(twice, 'x-tenant-id', ambiguous)).toThrow('ambiguous');
    const binary = new Metadata();
    binary.set('x-tenant-id-bin', Buffer.from('a'));
    expect(() => singleMetadataValue(binary, 'x-tenant-id-bin', ambiguous)).toThrow('ambiguous');
  });
});
