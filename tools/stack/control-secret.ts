import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runDir } from './layout.js';
import { StackError } from './supervisor.js';

/**
 * The control API's per-stack secret (adr/0066): drawn anew by every supervisor start, written to
 * `<data>/run/control-secret` readable by its owner only (the folder too), read by `npm run status`,
 * `npm run stop` and the tests. Whoever can read the data folder can already stop the stack with `kill`;
 * nobody else — a web page, another user of the machine — can.
 */
export const controlSecretFile = join(runDir, 'control-secret');

/** Draws the secret and writes it (0600 in a 0700 folder, via rename so no reader sees half a file). */
export function createControlSecret(): string {
  mkdirSync(runDir, { recursive: true, mode: 0o700 });
  chmodSync(runDir, 0o700);
  const secret = randomBytes(32).toString('base64url');
  const partial = `${controlSecretFile}.${process.pid}`;
  writeFileSync(partial, `${secret}\n`, { mode: 0o600 });
  chmodSync(partial, 0o600); // the mode above is masked by umask only towards fewer rights; be explicit
  renameSync(partial, controlSecretFile);
  return secret;
}

/**
 * The running stack's secret, or `undefined` when there is no file (no stack started on this data folder).
 * A file others may read or write is refused: it would no longer prove anything.
 */
export function readControlSecret(): string | undefined {
  let stat;
  try {
    stat = statSync(controlSecretFile);
  } catch {
    return undefined;
  }
  if ((stat.mode & 0o077) !== 0 || (process.getuid !== undefined && stat.uid !== process.getuid()))
    throw new StackError(
      `${controlSecretFile} is readable or writable by others (mode ${(stat.mode & 0o777).toString(8)}): ` +
        'restart the stack to write a new one',
    );
  return readFileSync(controlSecretFile, 'utf8').trim();
}

/** Constant-time comparison of a presented secret with the expected one (hashes: equal lengths). */
export function secretsEqual(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
