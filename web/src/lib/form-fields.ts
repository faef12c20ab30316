import { z } from 'zod';

/** A text field of a submitted form ('' when absent or a file). */
export const textOf = (form: FormData, key: string): string => {
  const v = form.get(key);
  return typeof v === 'string' ? v : '';
};

/**
 * The hidden `idempotencyKey` of a rendered form (a UUID the server drew, adr/0023), checked before it is
 * sent on: the services accept 8–200 printable characters, the web only ever draws these.
 */
export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{8,200}$/);
