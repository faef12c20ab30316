// Commands of the bootstrap: every command's output goes to its step's log and feeds the progress line
// (progress.mjs) with a count and the latest line, so a 10-minute Go build is visibly alive. A failed command
// names itself, its log and, when a registry looks unreachable, says so.
import { AsyncLocalStorage } from 'node:async_hooks';
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

export const fmt = (ms) =>
  ms < 1000 ? `${ms} ms` : ms < 120_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 60_000).toFixed(1)} min`;

/** A rough duration, for estimates: seconds under a minute, else minutes with one decimal. */
export const approx = (ms) =>
  ms < 60_000 ? `${Math.max(1, Math.round(ms / 1000))} s` : `${(ms / 60_000).toFixed(1)} min`;

export class BootstrapError extends Error {}

/** The activity record ({ count, unit, last }) of the step whose code is running: set by the scheduler. */
export const activity = new AsyncLocalStorage();

/** Every command still running, so that a failed step can stop the others' (our own children only). */
const children = new Set();

export function stopChildren() {
  for (const child of children) child.kill('SIGTERM');
}

/** Messages that mean "the registry could not be reached", mapped to a hint for the user. */
const unreachable = [
  /dial tcp|no such host|connection refused|i\/o timeout|network is unreachable/i,
  /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT/,
  /Temporary failure resolving|Could not resolve/i,
  /403 Forbidden[\s\S]*not available/i,
];

/** Runs a command, teeing its output to a log file; on failure throws a BootstrapError with the last lines. */
export function run(cmd, args, { cwd, env, log, registry, unit } = {}) {
  const seen = activity.getStore();
  if (seen && unit) seen.unit = unit;
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    const sink = log ? createWriteStream(log, { flags: 'a' }) : null;
    let tail = '';
    const onData = (chunk) => {
      sink?.write(chunk);
      tail = (tail + chunk.toString()).slice(-8000);
      if (!seen) return;
      const lines = chunk.toString().trim().split('\n');
      seen.count += lines.length;
      seen.last = lines[lines.length - 1] ?? seen.last;
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (err) => {
      children.delete(child);
      reject(new BootstrapError(`cannot run ${cmd}: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      children.delete(child);
      sink?.end();
      if (code === 0) return resolve(tail);
      const hint = unreachable.some((re) => re.test(tail))
        ? `\n  The ${registry ?? 'package registry'} looks unreachable or refused a version: check the network/proxy settings.`
        : '';
      reject(
        new BootstrapError(
          `${cmd} ${args.join(' ')} exited with ${code ?? signal}${log ? ` (full log: ${log})` : ''}\n${tail.trim().split('\n').slice(-15).join('\n')}${hint}`,
        ),
      );
    });
  });
}

/** One step run on its own, outside a plan (the web build from `npm test` and Tilt): its name and duration. */
export async function step(name, fn) {
  const started = Date.now();
  process.stdout.write(`▸ ${name} …\n`);
  const outcome = (await fn()) ?? 'done';
  process.stdout.write(`  ✓ ${name}: ${outcome} (${fmt(Date.now() - started)})\n`);
}
