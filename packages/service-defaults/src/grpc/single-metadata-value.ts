import type { Metadata } from '@grpc/grpc-js';

/**
 * The one string value of `key` in a call's metadata, `undefined` when absent. Several values (or a binary
 * one) are ambiguous: `onAmbiguous` makes the error the caller's domain wants (`Auth.InvalidToken` for
 * `authorization`, a validation error for other headers).
 */
export function singleMetadataValue(
  metadata: Metadata,
  key: string,
  onAmbiguous: () => Error,
): string | undefined {
  const values = metadata.get(key);
  if (values.length === 0) return undefined;
  const [value] = values;
  if (values.length > 1 || typeof value !== 'string') throw onAmbiguous();
  return value;
}
