// Where the toolchain and the stack keep their files. Shared by the bootstrap (plain Node, runs before
// `npm install`) and the stack supervisor, so both always agree on one location per binary.
import { homedir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Tool cache outside the repository, reused across clones: SHOPSTREAM_CACHE, else XDG cache, else ~/.cache. */
export const cacheRoot = resolve(
  process.env.SHOPSTREAM_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'shopstream'),
);

export const pins = JSON.parse(readFileSync(join(repoRoot, 'tools', 'pins.json'), 'utf8'));

/** Folder of one pinned tool version: <cache>/tools/<name>/<version>. */
export const toolDir = (name, version) => join(cacheRoot, 'tools', name, version);

/** Absolute path of a binary the bootstrap provides, looked up by its name in pins.json. */
export function toolBin(binary) {
  for (const [name, pin] of Object.entries(pins.go)) {
    if (pin.binaries.includes(binary)) return join(toolDir(name, pin.version), 'bin', binary);
  }
  for (const [name, pin] of Object.entries(pins.python)) {
    if (pin.binaries.includes(binary)) return join(toolDir(name, pin.version), 'venv', 'bin', binary);
  }
  for (const pin of Object.values(pins.debian)) {
    if (pin.probe.endsWith(`/${binary}`)) return pin.probe;
  }
  throw new Error(`unknown tool binary "${binary}": add it to tools/pins.json`);
}

/** Folder of the jars of a JVM server from Maven Central (pins.json `maven`), for `java -cp '<dir>/*'`. */
export function toolJars(name) {
  const pin = pins.maven[name];
  if (!pin) throw new Error(`unknown Maven server "${name}": add it to tools/pins.json`);
  return join(toolDir(name, pin.version), 'libs');
}
