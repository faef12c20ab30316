import { existsSync, lstatSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stackControl, startControlServer } from './control.js';
import { dataRoot, logDir } from './layout.js';
import { ports } from './ports.js';
import { stackProcesses } from './stack.js';
import { killStale, StackError, Supervisor, type ProcessStatus } from './supervisor.js';
import { printStatusTable } from './status-table.js';
import { profiles, type Profile } from './dapr-resources.js';
import { ensureTools } from './ensure-tools.js';

async function isRunning(): Promise<boolean> {
  return stackControl.status().then(
    () => true,
    () => false,
  );
}

async function up(profile: Profile): Promise<void> {
  if (await isRunning())
    throw new StackError('the stack is already running (`npm run status`; stop it with `npm run stop`)');
  // `npm start` bootstrapped the local profile; the full profile's Kafka jars (and Java) come only now.
  if (profile === 'full') ensureTools(['full']);
  const stale = await killStale();
  if (stale > 0) console.log(`Stopped ${stale} processes left over from an earlier run.`);
  const started = Date.now();
  console.log(`Starting the stack (profile ${profile}); logs in ${logDir}/<process>.log`);
  const supervisor = new Supervisor(stackProcesses({ profile }));
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    supervisor.abort();
    console.log('\nStopping the stack …');
    void supervisor.down().then(() => {
      console.log('Stopped. Data kept in', dataRoot, '(`npm run reset` wipes it).');
      process.exit(0);
    });
  };
  // Installed before anything starts: Ctrl-C during start-up must not leave processes behind.
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  try {
    await supervisor.up();
  } catch (err) {
    if (stopping) return;
    throw err;
  }
  await startControlServer(supervisor, shutdown);
  console.log(`\nAll healthy in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  printStatusTable(await supervisor.status());
  console.log(
    `\nTraces: http://127.0.0.1:${ports.jaegerQuery}/api/services   Temporal UI: http://127.0.0.1:${ports.temporalUi}` +
      `\nMetrics: http://127.0.0.1:${ports.prometheus}/graph   Alerts: http://127.0.0.1:${ports.alertmanager}`,
  );
  console.log('Ctrl-C stops everything.');
}

async function status(json: boolean): Promise<void> {
  let rows: ProcessStatus[];
  try {
    rows = await stackControl.status();
  } catch {
    if (json) console.log('[]');
    else console.log('The stack is not running (start it with `npm start`).');
    process.exitCode = 1;
    return;
  }
  if (json) console.log(JSON.stringify(rows, null, 2));
  else printStatusTable(rows);
  if (rows.some((r) => !r.healthy)) process.exitCode = 1;
}

async function down(): Promise<void> {
  if (await isRunning()) {
    await stackControl.shutdown();
    while (await isRunning()) await new Promise((r) => setTimeout(r, 200));
    console.log('Stack stopped.');
  } else {
    const n = await killStale();
    console.log(n > 0 ? `Stopped ${n} leftover processes.` : 'The stack is not running.');
  }
}

async function reset(): Promise<void> {
  if (await isRunning()) throw new StackError('stop the stack first (`npm run stop`), then reset');
  await killStale();
  // PostgreSQL's cluster may live outside the repository (see postgresDataDir in infra.ts).
  const pg = join(dataRoot, 'postgres');
  if (existsSync(pg) && lstatSync(pg).isSymbolicLink())
    rmSync(realpathSync(pg), { recursive: true, force: true });
  if (existsSync(dataRoot)) rmSync(dataRoot, { recursive: true, force: true });
  console.log(`Removed ${dataRoot}.`);
}

/** `--profile <name>` (`npm start -- --profile full`), else SHOPSTREAM_PROFILE, else local. */
function chosenProfile(args: string[]): Profile {
  const flag = args.indexOf('--profile');
  const name = flag >= 0 ? args[flag + 1] : (process.env.SHOPSTREAM_PROFILE ?? 'local');
  const known = profiles.find((p) => p === name);
  if (!known) throw new StackError(`unknown profile "${name}" (one of: ${profiles.join(', ')})`);
  return known;
}

const [command = 'up', ...rest] = process.argv.slice(2);

try {
  if (command === 'up') await up(chosenProfile(rest));
  else if (command === 'status') await status(rest.includes('--json'));
  else if (command === 'down') await down();
  else if (command === 'reset') await reset();
  else
    throw new StackError(
      `unknown command "${command}" (up [--profile local|full] | status [--json] | down | reset)`,
    );
} catch (err) {
  if (err instanceof StackError) {
    console.error(`✗ ${err.message}`);
    process.exit(1);
  }
  throw err;
}
