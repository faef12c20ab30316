/**
 * Tilt's side of the stack (adr/0019). The Tiltfile holds no process definitions: it reads them from here.
 *   spec [--profile p]           JSON of every Tilt resource, derived from the supervisor's process list
 *   run <resource> [--profile p] one resource in the foreground, as the supervisor would run it (Tilt's serve_cmd)
 *   <anything else>              the bootstrap-built tilt binary with the stack's port, e.g. `up`, `ci`, `down`
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { toolBin } from '../paths.mjs';
import { renderDaprResources, profiles, type Profile } from './dapr-resources.js';
import { daprConfigVars } from './apps.js';
import { runForeground } from './foreground.js';
import { stackProcesses } from './stack.js';
import { StackError } from './supervisor.js';
import { bundle } from './compile-apps.js';
import { tiltDaprDir, tiltDaprFiles, tiltEnv, tiltRunner, tiltSpec } from './tilt-spec.js';

function parseProfile(args: string[]): Profile {
  const i = args.indexOf('--profile');
  const value = i >= 0 ? args[i + 1] : 'local';
  const profile = profiles.find((p) => p === value);
  if (!profile) throw new StackError(`unknown profile "${value}" (one of: ${profiles.join(', ')})`);
  return profile;
}

/**
 * Work an app needs before it can start from its sources. The web app serves a production build (adr/0020):
 * after an edit under web/ Tilt restarts it, and this rebuilds it first (skipped when the sources' hash is
 * unchanged, the same stamp the bootstrap uses).
 */
const beforeRun: Record<string, () => Promise<void>> = {
  web: async () => (await import('../bootstrap/tiers/web.mjs')).webTier(),
};

async function run(name: string | undefined, profile: Profile): Promise<void> {
  const resource = tiltSpec(profile).resources.find((r) => r.name === name);
  if (!resource) throw new StackError(`no Tilt resource named "${name}" (see \`tilt-cli.ts spec\`)`);
  const isApp = resource.processes.length > 1;
  if (isApp) renderDaprResources(profile, daprConfigVars(), tiltDaprDir(resource.name));
  const specs = stackProcesses({ profile, dapr: tiltDaprFiles(resource.name) });
  const mine = resource.processes.map((p) => {
    const spec = specs.find((s) => s.name === p);
    if (!spec) throw new StackError(`process ${p} vanished from the stack`);
    return spec;
  });
  await beforeRun[resource.name]?.();
  await runForeground(mine, { readyFile: resource.readyFile });
}

/**
 * Runs tilt in our process group, so Ctrl-C (or `timeout`) reaches it directly. We must not pass the same
 * signal on: tilt takes a second signal as "force quit" and exits without stopping its resources. Only when
 * tilt is still running 3 s later (the signal was sent to us alone) is it forwarded.
 */
function tilt(args: string[]): Promise<number> {
  const child = spawn(toolBin('tilt'), args, { stdio: 'inherit', env: { ...process.env, ...tiltEnv() } });
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  let forwarded = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      setTimeout(() => {
        if (!forwarded && child.exitCode === null && child.signalCode === null) child.kill(signal);
        forwarded = true;
      }, 3000).unref();
    });
  return exited;
}

const [command = 'up', ...rest] = process.argv.slice(2);
try {
  if (command === 'spec') {
    // Every serve_cmd runs this file bundled (tiltRunner): rebuilt here, each time the Tiltfile loads.
    await bundle(fileURLToPath(import.meta.url), tiltRunner);
    console.log(JSON.stringify(tiltSpec(parseProfile(rest)), null, 2));
  } else if (command === 'run') await run(rest[0], parseProfile(rest));
  else process.exitCode = await tilt([command, ...rest]);
} catch (err) {
  if (err instanceof StackError) {
    console.error(`✗ ${err.message}`);
    process.exit(1);
  }
  throw err;
}
