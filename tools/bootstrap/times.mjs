// How long each bootstrap step took the last time it did work on this machine, kept in the tool cache
// (<cache>/bootstrap-times.json), so the next bootstrap can say what it is about to build and roughly how long
// that takes here. Steps that were up to date are not recorded (their time says nothing about a build).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { cacheRoot } from '../paths.mjs';

const file = () => join(cacheRoot, 'bootstrap-times.json');

/** { [step id]: { ms, label, at, cores } } of earlier bootstraps; empty when there were none. */
export function lastTimes() {
  try {
    return JSON.parse(readFileSync(file(), 'utf8'));
  } catch {
    return {};
  }
}

/** Records one step's build time (read-merge-write through a rename: checkouts may share the cache). */
export function recordTime(id, label, ms) {
  const all = lastTimes();
  all[id] = { ms, label, at: new Date().toISOString(), cores: cpus().length };
  mkdirSync(cacheRoot, { recursive: true });
  const tmp = `${file()}.${process.pid}`;
  writeFileSync(tmp, JSON.stringify(all, null, 2) + '\n');
  renameSync(tmp, file());
}
