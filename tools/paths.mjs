// Where the toolchain and the stack keep their files. Shared by the bootstrap (plain Node, runs before
// `npm install`) and the stack supervisor, so both always agree on one location per binary.
import { homedir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { createHash } from 'node:crypto';
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

/**
 * The cache key of a Go tool: its version, and for a tools module (`tools/go/<name>`) also a short hash of
 * that module's go.mod and go.sum — a changed dependency pin (a `replace` line, say) is a different build of
 * the same upstream version, so it must not be served from the old folder (adr/0026).
 */
export function goToolKey(pin) {
  if (pin.recipe !== 'tools-module') return pin.version;
  const hash = createHash('sha256');
  for (const file of ['go.mod', 'go.sum']) hash.update(readFileSync(join(repoRoot, pin.module, file)));
  return `${pin.version}-${hash.digest('hex').slice(0, 10)}`;
}

/**
 * Tools to build from source although a registry ships them prebuilt: SHOPSTREAM_FROM_SOURCE, a comma list of
 * pins.json names (`temporal`). A prebuilt pin (`"source": "go.<name>"`) then gives way to its Go pin, which
 * is otherwise not built (`"fallback": true`); see adr/0060.
 */
export const fromSource = new Set(
  (process.env.SHOPSTREAM_FROM_SOURCE ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

/** The Go pins this machine builds: every pin, a fallback-only pin only when SHOPSTREAM_FROM_SOURCE names it. */
export const activeGoPins = () =>
  Object.entries(pins.go).filter(([name, pin]) => pin.fallback !== true || fromSource.has(name));

/** The PyPI pins this machine installs: a prebuilt binary's pin drops out when it is built from source. */
export const activePythonPins = () =>
  Object.entries(pins.python).filter(([name, pin]) => pin.source === undefined || !fromSource.has(name));

/**
 * The cache key of a PyPI tool: its version; a prebuilt binary standing in for a Go build (`source`) adds
 * `-pypi`, so it never shares a folder with that build (SHOPSTREAM_FROM_SOURCE, adr/0060).
 */
export const pythonToolKey = (pin) => (pin.source === undefined ? pin.version : `${pin.version}-pypi`);

/** Absolute path of a binary the bootstrap provides, looked up by its name in pins.json. */
export function toolBin(binary) {
  for (const [name, pin] of activeGoPins()) {
    if (pin.binaries.includes(binary)) return join(toolDir(name, goToolKey(pin)), 'bin', binary);
  }
  for (const [name, pin] of activePythonPins()) {
    if (pin.binaries.includes(binary)) return join(toolDir(name, pythonToolKey(pin)), 'venv', 'bin', binary);
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
