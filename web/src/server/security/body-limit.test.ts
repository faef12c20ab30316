import { describe, expect, it } from 'vitest';
import { bodyRefusal, MAX_BODY_BYTES } from './body-limit';

describe('bodyRefusal', () => {
  it('lets bodies up to the limit through', () => {
    expect(bodyRefusal('POST', { 'content-length': String(MAX_BODY_BYTES) })).toBeUndefined();
    expect(bodyRefusal('GET', {})).toBeUndefined();
  });

  it('refuses a declared length over the limit with 413 problem+json', () => {
    expect(bodyRefusal('POST', { 'content-length': String(MAX_BODY_BYTES + 1) })).toMatchObject({
      status: 413,
      problem: { status: 413, code: 'Request.BodyTooLarge' },
    });
    expect(bodyRefusal('POST', { 'content-length': '1e9' })?.status).toBe(413);
  });

  it('refuses a body of unknown length (chunked) with 411', () => {
    expect(bodyRefusal('POST', { 'transfer-encoding': 'chunked' })?.status).toBe(411);
    expect(bodyRefusal('GET', { 'transfer-encoding': 'chunked' })).toBeUndefined();
  });
});
