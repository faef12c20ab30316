import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../tools/paths.mjs';
import { writeResult } from '../stats.js';

/**
 * Cold start (opt-in: `npm run bench -- cold-start`, it takes tens of minutes): a fresh clone of HEAD with
 * empty tool, Go module, Go build, pip and npm caches in a temporary folder, then `npm start` until the stack
 * says it is healthy. Records the total and every bootstrap step's time (the clone's bootstrap-times.json).
 * Debian packages are the machine's: they are not made cold.
 */
export async function benchColdStart(timeoutMinutes = 60): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'shopstream-cold-'));
  const clone = join(root, 'repo');
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', repoRoot, clone]);
  const env = {
    ...process.env,
    SHOPSTREAM_CACHE: join(root, 'cache'),
    SHOPSTREAM_DATA: join(root, 'data'),
    GOCACHE: join(root, 'go-build'),
    GOMODCACHE: join(root, 'go-mod'),
    PIP_CACHE_DIR: join(root, 'pip'),
    npm_config_cache: join(root, 'npm'),
  };
  const started = Date.now();
  const seconds = await new Promise<number>((resolve, reject) => {
    const child = spawn('npm', ['start'], { cwd: clone, env, stdio: ['ignore', 'pipe', 'inherit'] });
    const limit = setTimeout(() => child.kill('SIGINT'), timeoutMinutes * 60_000);
    let healthyAt = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      if (!healthyAt && chunk.toString().includes('All healthy in')) {
        healthyAt = Date.now();
        child.kill('SIGINT');
      }
    });
    child.once('exit', () => {
      clearTimeout(limit);
      if (healthyAt) resolve((healthyAt - started) / 1000);
      else reject(new Error(`cold npm start did not become healthy (clone: ${clone})`));
    });
  });
  const timesFile = join(root, 'cache', 'bootstrap-times.json');
  const times = existsSync(timesFile)
    ? (JSON.parse(readFileSync(timesFile, 'utf8')) as Record<string, { ms: number }>)
    : {};
  writeResult({
    name: 'cold-start',
    unit: 's',
    target: 15 * 60,
    n: 1,
    p50: seconds,
    p95: seconds,
    p99: seconds,
    notes: 'fresh clone, empty tool/Go/pip/npm caches (Debian packages present) → npm start healthy',
    extra: Object.fromEntries(Object.entries(times).map(([id, t]) => [id, Math.round(t.ms / 100) / 10])),
  });
  // The Go module cache is read-only by design.
  execFileSync('chmod', ['-R', 'u+w', root]);
  rmSync(root, { recursive: true, force: true });
}
