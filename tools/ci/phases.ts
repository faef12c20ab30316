import { spawn } from 'node:child_process';
import { repoRoot } from '../paths.mjs';

export interface PhaseResult {
  name: string;
  seconds: number;
  ok: boolean;
  /** Set when the phase did not run: why (printed at once and in the summary). */
  skipped?: string;
}

export const results: PhaseResult[] = [];

/** Runs one phase of `npm test`, streaming its output, and records its duration. */
export async function phase(name: string, fn: () => Promise<void>): Promise<boolean> {
  const started = Date.now();
  console.log(`\n━━ ${name}`);
  let ok = true;
  try {
    await fn();
  } catch (err) {
    ok = false;
    console.error(`✗ ${name}: ${(err as Error).message}`);
  }
  const seconds = (Date.now() - started) / 1000;
  results.push({ name, seconds, ok });
  console.log(`${ok ? '✓' : '✗'} ${name} (${seconds.toFixed(1)} s)`);
  return ok;
}

/** Announces a phase that does not run, and why: `npm test` never skips silently. */
export function skip(name: string, why: string): void {
  console.log(`\n↷ ${name}: skipped — ${why}`);
  results.push({ name, seconds: 0, ok: true, skipped: why });
}

/** Runs a command from the repository root with inherited output; rejects on a non-zero exit. */
export function sh(command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}`)),
    );
  });
}

export function printSummary(): void {
  console.log('\nPhase timings:');
  for (const r of results)
    console.log(
      r.skipped === undefined
        ? `  ${r.ok ? '✓' : '✗'} ${r.name.padEnd(36)} ${r.seconds.toFixed(1).padStart(7)} s`
        : `  ↷ ${r.name.padEnd(36)} skipped: ${r.skipped}`,
    );
  const total = results.reduce((sum, r) => sum + r.seconds, 0);
  console.log(`  total ${total.toFixed(1)} s`);
}
