// Step runner for the bootstrap: every step prints its name, how long it took, and whether it was
// skipped because the cache already held the pinned version. Long commands print a heartbeat.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

const fmt = (ms) =>
  ms < 1000 ? `${ms} ms` : ms < 120_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 60_000).toFixed(1)} min`;

export const timings = [];

export async function step(name, fn) {
  const started = Date.now();
  process.stdout.write(`▸ ${name} …\n`);
  try {
    const outcome = (await fn()) ?? 'done';
    const ms = Date.now() - started;
    timings.push({ name, ms, outcome });
    process.stdout.write(`  ✓ ${name}: ${outcome} (${fmt(ms)})\n`);
  } catch (err) {
    const ms = Date.now() - started;
    timings.push({ name, ms, outcome: 'failed' });
    process.stdout.write(`  ✗ ${name} failed after ${fmt(ms)}\n`);
    throw err;
  }
}

export class BootstrapError extends Error {}

/** Messages that mean "the registry could not be reached", mapped to a hint for the user. */
const unreachable = [
  /dial tcp|no such host|connection refused|i\/o timeout|network is unreachable/i,
  /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT/,
  /Temporary failure resolving|Could not resolve/i,
  /403 Forbidden[\s\S]*not available/i,
];

/**
 * Runs a command, teeing output to a log file. Prints a heartbeat with the latest output line every 30 s so a
 * 20-minute Go build is visibly alive. On failure throws a BootstrapError naming the command and the log.
 */
export function run(cmd, args, { cwd, env, log, registry, unit } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const sink = log ? createWriteStream(log, { flags: 'a' }) : null;
    let tail = '';
    let last = '';
    let count = 0;
    const onData = (chunk) => {
      sink?.write(chunk);
      tail = (tail + chunk.toString()).slice(-8000);
      const lines = chunk.toString().trim().split('\n');
      count += lines.length;
      last = lines[lines.length - 1] ?? last;
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const started = Date.now();
    const beat = setInterval(() => {
      const done = unit ? `${count} ${unit}, ` : '';
      process.stdout.write(`    … ${fmt(Date.now() - started)}: ${done}latest ${last.slice(0, 90)}\n`);
    }, 30_000);
    child.on('error', (err) => {
      clearInterval(beat);
      reject(new BootstrapError(`cannot run ${cmd}: ${err.message}`));
    });
    child.on('close', (code) => {
      clearInterval(beat);
      sink?.end();
      if (code === 0) return resolve(tail);
      const hint = unreachable.some((re) => re.test(tail))
        ? `\n  The ${registry ?? 'package registry'} looks unreachable or refused a version: check the network/proxy settings.`
        : '';
      reject(
        new BootstrapError(
          `${cmd} ${args.join(' ')} exited with ${code}${log ? ` (full log: ${log})` : ''}\n${tail.trim().split('\n').slice(-15).join('\n')}${hint}`,
        ),
      );
    });
  });
}
